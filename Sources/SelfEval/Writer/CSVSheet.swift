/// One of the batch CSV files (forms, indicators, funds): which rows an evaluation gives it and
/// which columns each row has. The three sheets share the writing, only their rows differ.
public protocol CSVSheet {
    associatedtype Row
    /// The file name in the output directory, e.g. `forms.csv`.
    static var fileName: String { get }
    static var columns: [CSVColumn<Row>] { get }
    /// The rows of one input file, in form and source order.
    static func rows(of evaluation: Evaluation, file: String) -> [Row]
}

extension CSVSheet {
    public static func header(_ language: CSVHeaderLanguage) -> [String] {
        columns.map { $0.header(language) }
    }

    /// The rows of one input file as cell texts.
    public static func records(of evaluation: Evaluation, file: String) -> [[String]] {
        let columns = self.columns
        return rows(of: evaluation, file: file).map { row in columns.map { $0.cell(row) } }
    }

    /// The encoded records of one input file, ready to append after the header.
    public static func encodedRecords(of evaluation: Evaluation, file: String) -> String {
        records(of: evaluation, file: file).map(CSVEncoding.record).joined()
    }
}
