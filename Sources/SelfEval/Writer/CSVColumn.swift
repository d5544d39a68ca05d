/// One column of a CSV sheet: its Chinese and English header and how to read its cell from a row.
public struct CSVColumn<Row>: Sendable {
    public let chinese: String
    public let english: String
    public let cell: @Sendable (Row) -> String

    public init(_ chinese: String, _ english: String, _ cell: @escaping @Sendable (Row) -> String) {
        self.chinese = chinese
        self.english = english
        self.cell = cell
    }

    public func header(_ language: CSVHeaderLanguage) -> String {
        language == .chinese ? chinese : english
    }

    /// The four columns of a Value, so that what was printed and what was read both reach the
    /// sheet: `<prefix>`, `<prefix>数值`, `<prefix>单位`, `<prefix>比较符` (English:
    /// `<name>Text`, `<name>Number`, `<name>Unit`, `<name>Comparator`).
    public static func value(_ chinese: String, _ english: String, _ value: @escaping @Sendable (Row) -> Value?) -> [CSVColumn] {
        [
            CSVColumn(chinese, english + "Text") { value($0)?.text ?? "" },
            CSVColumn(chinese + "数值", english + "Number") { CSVNumber.text(value($0)?.number) },
            CSVColumn(chinese + "单位", english + "Unit") { value($0)?.unit ?? "" },
            CSVColumn(chinese + "比较符", english + "Comparator") { value($0)?.comparator ?? "" },
        ]
    }

    /// A number-only column: what a spreadsheet adds up.
    public static func number(_ chinese: String, _ english: String, _ value: @escaping @Sendable (Row) -> Value?) -> CSVColumn {
        CSVColumn(chinese, english) { CSVNumber.text(value($0)?.number) }
    }
}
