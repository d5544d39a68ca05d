/// A sheet that writes its records cell by cell with a `CSVRecordWriter` rather than through its
/// column list, which costs a closure and a String per cell. The column list still names the
/// headers and gives `records(of:file:)`; the tests hold both to the same bytes.
protocol CSVRecordSheet: CSVSheet {
    /// Writes each record of one input file into `out`, in `columns` order, and calls
    /// `recorded` after each (which may take the bytes away).
    static func forEachRecord(of evaluation: Evaluation, file: String, into out: inout CSVRecordWriter,
                              _ recorded: (inout CSVRecordWriter) throws -> Void) rethrows
}

extension CSVRecordSheet {
    /// What `encodedRecords` returns.
    static func recordText(of evaluation: Evaluation, file: String) -> String {
        records(of: evaluation, file: file).text
    }

    /// What `encodedRecordBytes` returns: the same records without checking again that bytes
    /// this module wrote are UTF-8, as making a String of them would.
    static func recordBytes(of evaluation: Evaluation, file: String) -> [UInt8] {
        records(of: evaluation, file: file).bytes
    }

    private static func records(of evaluation: Evaluation, file: String) -> CSVRecordWriter {
        var out = CSVRecordWriter(capacity: 1 << 16)
        forEachRecord(of: evaluation, file: file, into: &out) { _ in }
        return out
    }

    /// What `writeRecords` hands over: the records in pieces of about `chunkSize` bytes.
    static func writeRecordChunks(of evaluation: Evaluation, file: String, chunkSize: Int,
                                  to drain: (String) throws -> Void) throws {
        var out = CSVRecordWriter(capacity: chunkSize + (1 << 12))
        try forEachRecord(of: evaluation, file: file, into: &out) { out in
            if out.count >= chunkSize {
                try drain(out.text)
                out.removeAll()
            }
        }
        if !out.isEmpty { try drain(out.text) }
    }
}
