/// Reads the one-cell-per-line export (seeds 000, 002, 003): every cell starts on a line with a
/// TAB, a line without a TAB directly under a cell continues that cell's text, a blank line ends
/// the row, and text after a blank line is a paragraph between tables.
public struct CellsReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func read(_ text: String, source: SourceInfo) throws(InputError) -> SourceDocument {
        var document = SourceDocument(source: source)
        var table = PendingTable()
        // The row being read: its cells' texts and the line each starts on. Two plain arrays,
        // emptied and reused row after row, rather than an optional pair made for each row.
        var inRow = false
        var rowTexts: [String] = []
        var rowCellLines: [Int] = []
        var rowLine = 0
        var afterBlank = true

        func finishRow() {
            if inRow { table.appendRow(rowTexts, line: rowLine, cellLines: rowCellLines) }
            inRow = false
            rowTexts.removeAll(keepingCapacity: true)
            rowCellLines.removeAll(keepingCapacity: true)
        }
        func finishTable() throws(InputError) {
            finishRow()
            try table.flush(into: &document, limits: limits)
        }

        var lineNumber = 0
        for rawLine in text.lineSlices() {
            lineNumber += 1
            let line = rawLine.utf8.count > limits.maxCellTextLength ? truncated(rawLine, line: lineNumber, into: &document) : rawLine
            if line.utf8.first == UInt8(ascii: "\t") {
                if !inRow {
                    inRow = true
                    rowLine = lineNumber
                }
                // The TAB is a Character of its own (a control never joins what follows), so
                // the cells start at its next byte and are cut at the TABs after it.
                var cells = line
                cells.withUTF8 { p in
                    var start = 1
                    while true {
                        let end = p.firstIndex(of: UInt8(ascii: "\t"), from: start) ?? p.count
                        rowTexts.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self))
                        rowCellLines.append(lineNumber)
                        guard end < p.count else { break }
                        start = end + 1
                    }
                }
                afterBlank = false
            } else if line.isBlank {
                finishRow()
                afterBlank = true
            } else if inRow, !afterBlank, !rowTexts.isEmpty {
                rowTexts[rowTexts.count - 1] += "\n" + line
            } else {
                try finishTable()
                document.append(paragraph: Paragraph(text: InlineMarkup.plainText(line.trimmed), location: .line(lineNumber)))
                afterBlank = false
            }
        }
        try finishTable()
        return document
    }

    private func truncated(_ line: Substring, line number: Int, into document: inout SourceDocument) -> Substring {
        document.diagnostics.append(Diagnostic(.warning, "text-truncated",
            limits.exceeded(.cellText, "line \(number) is \(line.utf8.count) bytes; kept the first \(limits.maxCellTextLength)"), line: number))
        return Substring(line.prefix(utf8Count: limits.maxCellTextLength))
    }
}
