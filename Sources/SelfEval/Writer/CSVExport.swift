/// The three batch CSV files built in memory, for library users who convert a handful of files
/// and want the same sheets the command line writes.
public struct CSVExport: Sendable {
    public var options: CSVOptions
    public private(set) var forms: String
    public private(set) var indicators: String
    public private(set) var funds: String

    public init(options: CSVOptions = CSVOptions()) {
        self.options = options
        forms = CSVEncoding.header(FormsCSV.header(options.headers), options: options)
        indicators = CSVEncoding.header(IndicatorsCSV.header(options.headers), options: options)
        funds = CSVEncoding.header(FundsCSV.header(options.headers), options: options)
    }

    /// Appends one input's rows; `file` fills the 文件 column (by default its `source.path`).
    public mutating func add(_ evaluation: Evaluation, file: String? = nil) {
        let file = file ?? evaluation.source.path
        forms += FormsCSV.encodedRecords(of: evaluation, file: file)
        indicators += IndicatorsCSV.encodedRecords(of: evaluation, file: file)
        funds += FundsCSV.encodedRecords(of: evaluation, file: file)
    }

    /// The files by name, in the order a directory listing shows them.
    public var files: [(name: String, text: String)] {
        [(FormsCSV.fileName, forms), (IndicatorsCSV.fileName, indicators), (FundsCSV.fileName, funds)]
    }
}
