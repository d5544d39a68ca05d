/// One of the batch CSV files (forms, indicators, funds): which rows an evaluation gives it and
/// which columns each row has. The three sheets share the writing, only their rows differ.
public protocol CSVSheet {
    associatedtype Row
    /// The file name in the output directory, e.g. `forms.csv`.
    static var fileName: String { get }
    static var columns: [CSVColumn<Row>] { get }
    /// The rows of one input file, in form and source order.
    static func rows(of evaluation: Evaluation, file: String) -> [Row]
    /// The same rows handed over one at a time, for a sheet too long to hold as a list.
    static func forEachRow(of evaluation: Evaluation, file: String, _ body: (Row) throws -> Void) rethrows
    /// The encoded records of one input file, ready to append after the header.
    static func encodedRecords(of evaluation: Evaluation, file: String) -> String
    /// The same text as `encodedRecords`, handed to `drain` in pieces of about `chunkSize`
    /// bytes, so a sheet of a million indicators is never one String.
    static func writeRecords(of evaluation: Evaluation, file: String, chunkSize: Int, to drain: (String) throws -> Void) throws
}

extension CSVSheet {
    public static func header(_ language: CSVHeaderLanguage) -> [String] {
        columns.map { $0.header(language) }
    }

    public static func forEachRow(of evaluation: Evaluation, file: String, _ body: (Row) throws -> Void) rethrows {
        for row in rows(of: evaluation, file: file) { try body(row) }
    }

    /// The rows of one input file as cell texts.
    public static func records(of evaluation: Evaluation, file: String) -> [[String]] {
        let columns = self.columns
        return rows(of: evaluation, file: file).map { row in columns.map { $0.cell(row) } }
    }

    public static func encodedRecords(of evaluation: Evaluation, file: String) -> String {
        encode(evaluation, file: file)
    }

    public static func writeRecords(of evaluation: Evaluation, file: String, chunkSize: Int = 1 << 18,
                                    to drain: (String) throws -> Void) throws {
        try write(evaluation, file: file, chunkSize: chunkSize, to: drain)
    }

    // The three sheets of this module repeat the two methods above and write cell by cell
    // (`CSVRecordSheet`), compiled for each one's own rows: called from another module, a
    // generic method of the protocol pays for every row and column in metadata lookups and
    // unspecialised calls. The column-list encoding below serves other conforming sheets and
    // is what the tests hold the three to.

    /// What `encodedRecords` returns.
    static func encode(_ evaluation: Evaluation, file: String) -> String {
        let columns = self.columns
        var out: [UInt8] = []
        forEachRow(of: evaluation, file: file) { row in appendRecord(of: row, columns: columns, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// What `writeRecords` hands over.
    static func write(_ evaluation: Evaluation, file: String, chunkSize: Int, to drain: (String) throws -> Void) throws {
        let columns = self.columns
        var chunk: [UInt8] = []
        try forEachRow(of: evaluation, file: file) { row in
            appendRecord(of: row, columns: columns, to: &chunk)
            if chunk.count >= chunkSize {
                try drain(String(decoding: chunk, as: UTF8.self))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { try drain(String(decoding: chunk, as: UTF8.self)) }
    }

    /// Encodes a row's cells straight into `out`: no list of cell texts, no String per record.
    private static func appendRecord(of row: Row, columns: [CSVColumn<Row>], to out: inout [UInt8]) {
        for i in columns.indices {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            CSVEncoding.append(field: columns[i].cell(row), to: &out)
        }
        CSVEncoding.endRecord(&out)
    }
}
