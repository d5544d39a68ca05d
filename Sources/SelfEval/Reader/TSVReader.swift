/// Reads one-row-per-line TAB-separated text (seeds 001 and 004): consecutive lines with TABs
/// form a table, Markdown headings and other lines are paragraphs, inline HTML in cells is made
/// plain text.
public struct TSVReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func read(_ text: String, source: SourceInfo) throws(InputError) -> SourceDocument {
        var document = SourceDocument(source: source)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let scanner = TSVRecordScanner(lines: lines)
        var table = PendingTable()
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.contains("\t") {
                let record = scanner.record(at: i)
                if record.unbalancedQuote {
                    document.diagnostics.append(Diagnostic(.warning, "unbalanced-quote",
                        "a field opens a double quote that never closes; read as text", line: i + 1))
                }
                table.rows.append((record.fields.map { GridBuilder.Entry(text: $0, line: i + 1) }, i + 1))
                i = record.next
                continue
            }
            try table.flush(into: &document, limits: limits)
            if !line.isBlank {
                document.append(paragraph: Self.paragraph(line, line: i + 1))
            }
            i += 1
        }
        try table.flush(into: &document, limits: limits)
        return document
    }

    /// A Markdown heading (`## 标题`) keeps its level; other text is a body paragraph.
    static func paragraph(_ line: Substring, line number: Int) -> Paragraph {
        let hashes = line.prefix(while: { $0 == "#" }).count
        if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
            return Paragraph(text: InlineMarkup.plainText(line.dropFirst(hashes).trimmed), headingLevel: hashes, location: .line(number))
        }
        return Paragraph(text: InlineMarkup.plainText(line.trimmed), location: .line(number))
    }
}
