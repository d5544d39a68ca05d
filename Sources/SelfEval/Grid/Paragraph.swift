/// Text outside any table: titles such as `附件2`, `（2022年度）`, `填报日期：2021.4.14`.
public struct Paragraph: Sendable, Equatable {
    public var text: String
    /// Markdown heading level (1–6), or nil for body text.
    public var headingLevel: Int?
    public var location: SourceLocation

    public init(text: String, headingLevel: Int? = nil, location: SourceLocation) {
        self.text = text
        self.headingLevel = headingLevel
        self.location = location
    }
}
