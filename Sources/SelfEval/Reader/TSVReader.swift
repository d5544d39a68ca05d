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
        let lines = text.lineSlices()
        let scanner = TSVRecordScanner(lines: lines)
        var table = PendingTable()
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.containsByte(UInt8(ascii: "\t")) || Self.startsWrappedRecord(at: i, of: scanner) {
                i = Self.appendRecord(at: i, of: scanner, to: &table, diagnostics: &document.diagnostics)
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

    /// Adds the TAB-separated record that starts at line index `index` (it may run over several
    /// lines inside quotes) as a row of `table`, and returns the index of the line after it.
    static func appendRecord(at index: Int, of scanner: TSVRecordScanner, to table: inout PendingTable,
                             diagnostics: inout [Diagnostic]) -> Int {
        // The fields go straight into the table, not through an array of them.
        table.startRow(line: index + 1)
        let (next, unbalancedQuote) = scanner.record(at: index) { table.appendCell(bytes: $0, line: index + 1) }
        if unbalancedQuote {
            diagnostics.append(Diagnostic(.warning, "unbalanced-quote",
                "a field opens a double quote that never closes; read as text", line: index + 1))
        }
        return next
    }

    /// A record whose first field is quoted and wrapped over lines has no TAB on its first line.
    static func startsWrappedRecord(at index: Int, of scanner: TSVRecordScanner) -> Bool {
        guard scanner.lines[index].first == "\"" else { return false }
        let record = scanner.record(at: index)
        return record.fields.count >= 2 && record.next > index + 1 && !record.unbalancedQuote
    }

    /// A Markdown heading (`## 标题`) keeps its level; other text is a body paragraph. Read in
    /// the bytes where they tell the Characters: the `#`s end at a space that no mark joins.
    static func paragraph(_ line: Substring, line number: Int) -> Paragraph {
        var bytes = line
        let read: Paragraph?? = bytes.withUTF8 { p in
            var hashes = 0
            while hashes < p.count, p[hashes] == UInt8(ascii: "#") { hashes += 1 }
            let after = hashes < p.count ? p[hashes] : nil
            if hashes == 0 || hashes > 6 || after == nil || (after! < 0x80 && after != 0x20) {
                let text = String(decoding: UnsafeBufferPointer(rebasing: p[TextBytes.trimmedRange(p)]), as: UTF8.self)
                return Paragraph(text: InlineMarkup.plainText(text), location: .line(number))
            }
            guard after == 0x20, hashes + 1 == p.count || p[hashes + 1] < 0x80 else { return .some(nil) }
            let rest = UnsafeBufferPointer(rebasing: p[hashes...])
            let text = String(decoding: UnsafeBufferPointer(rebasing: rest[TextBytes.trimmedRange(rest)]), as: UTF8.self)
            return Paragraph(text: InlineMarkup.plainText(text), headingLevel: hashes, location: .line(number))
        }
        if case .some(.some(let paragraph)) = read { return paragraph }
        return paragraphByCharacter(line, line: number)
    }

    /// `paragraph` read Character by Character: for a line whose `#`s a mark may join.
    static func paragraphByCharacter(_ line: Substring, line number: Int) -> Paragraph {
        let hashes = line.prefix(while: { $0 == "#" }).count
        if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
            return Paragraph(text: InlineMarkup.plainText(line.dropFirst(hashes).trimmed), headingLevel: hashes, location: .line(number))
        }
        return Paragraph(text: InlineMarkup.plainText(line.trimmed), location: .line(number))
    }
}
