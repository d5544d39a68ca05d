/// Reads Markdown as exports and OCR tools write it: ATX headings and text lines become
/// paragraphs; GFM pipe tables, HTML table blocks (MinerU, PaddleOCR) and TAB-separated rows
/// (seeds 001 and 004) become tables, in reading order. A whole `.html` file goes straight to
/// the HTML reader. A table directly after a text line takes that line as its title.
public struct MarkdownReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func read(_ text: String, source: SourceInfo) throws(InputError) -> SourceDocument {
        var document = SourceDocument(source: source)
        if source.format == .html {
            try HTMLReader(limits: limits).read(text, firstLine: 1, into: &document)
        } else {
            try readMarkdown(text, into: &document)
        }
        Self.titleTables(in: &document)
        return document
    }

    private func readMarkdown(_ text: String, into document: inout SourceDocument) throws(InputError) {
        let lines = text.lineSlices()
        let scanner = TSVRecordScanner(lines: lines)
        var tsv = PendingTable()
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.isBlank {
                try tsv.flush(into: &document, limits: limits)
                i += 1
            } else if HTMLTableBlock.opens(line) {
                try tsv.flush(into: &document, limits: limits)
                let (last, closed) = HTMLTableBlock.end(startingAt: i, in: lines)
                if !closed {
                    document.diagnostics.append(Diagnostic(.warning, "html-table-unclosed",
                        "a <table> opened here never closes; read to the end of the file", line: i + 1))
                }
                // MinerU and PaddleOCR write a block on one line: copied as it is, not joined.
                let html = last == i ? String(lines[i]) : lines[i...last].joined(separator: "\n")
                try HTMLReader(limits: limits).read(html, firstLine: i + 1, into: &document)
                i = last + 1
            } else if let next = try pipeTable(at: i, in: lines, into: &document, pending: &tsv) {
                i = next
            } else if line.containsByte(UInt8(ascii: "\t")) {
                i = TSVReader.appendRecord(at: i, of: scanner, to: &tsv, diagnostics: &document.diagnostics)
            } else {
                try tsv.flush(into: &document, limits: limits)
                document.append(paragraph: TSVReader.paragraph(cut(line, line: i + 1, into: &document), line: i + 1))
                i += 1
            }
        }
        try tsv.flush(into: &document, limits: limits)
    }

    /// Reads the pipe table that starts at `start`, if one does: a row with a pipe followed by a
    /// delimiter row, or rows that start with a pipe. It runs to the first blank line or line
    /// without a pipe. Returns the index of the line after it, or nil.
    private func pipeTable(at start: Int, in lines: [Substring], into document: inout SourceDocument,
                           pending: inout PendingTable) throws(InputError) -> Int? {
        let line = lines[start]
        let delimited = start + 1 < lines.count && PipeTableSyntax.hasPipe(line) && PipeTableSyntax.isDelimiterRow(lines[start + 1])
        guard delimited || PipeTableSyntax.isBareRow(line) else { return nil }
        try pending.flush(into: &document, limits: limits)
        var table = PendingTable(joinsPushedCells: false)
        var i = start
        while i < lines.count, !lines[i].isBlank, PipeTableSyntax.hasPipe(lines[i]) {
            if !(delimited && i == start + 1) {
                // Each cell's bytes go to the table, which cleans them without a String of the
                // cell as written; only a cell past the length limit is made whole to be cut.
                table.startRow(line: i + 1)
                PipeTableSyntax.forEachCell(lines[i]) { cell in
                    if cell.count > limits.maxCellTextLength {
                        let written = Substring(String(decoding: cell, as: UTF8.self))
                        table.appendCell(String(cut(written, line: i + 1, into: &document)), line: i + 1)
                    } else {
                        table.appendCell(bytes: cell, line: i + 1)
                    }
                }
            }
            i += 1
        }
        try table.flush(into: &document, limits: limits)
        return i
    }

    /// Text longer than a cell may be (a paragraph line, a pipe cell) is cut to the limit and reported.
    private func cut(_ line: Substring, line number: Int, into document: inout SourceDocument) -> Substring {
        guard line.utf8.count > limits.maxCellTextLength else { return line }
        document.diagnostics.append(Diagnostic(.warning, "text-truncated",
            limits.exceeded(.cellText, "line \(number) is \(line.utf8.count) bytes; kept the first \(limits.maxCellTextLength)"), line: number))
        return Substring(line.prefix(utf8Count: limits.maxCellTextLength))
    }

    /// Gives each top-level table without a title the text of the paragraph right before it
    /// (blank lines between are fine; the nearest line only, headings included).
    static func titleTables(in document: inout SourceDocument) {
        var previous: SourceDocument.Block?
        for block in document.blocks {
            if case .table(let index) = block, case .paragraph(let p)? = previous,
               document.tables[index].title == nil, document.tables[index].parent == nil {
                document.tables[index].title = p.text
            }
            previous = block
        }
    }
}
