/// Reads the one-cell-per-line export (seeds 000, 002, 003): every cell starts on a line with a
/// TAB, a line without a TAB directly under a cell continues that cell's text, a blank line ends
/// the row, and text after a blank line is a paragraph between tables.
public struct CellsReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func read(_ text: String, source: SourceInfo) throws(InputError) -> SourceDocument {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(InputError) -> SourceDocument in
                var reading = Reading(limits: limits, document: SourceDocument(source: source))
                try reading.read(bytes)
                return reading.document
            }
        }
        return try result.get()
    }

    /// One read over the text's bytes. Lines, TABs and the LF of a continued cell are ASCII, each
    /// a Character of its own, so the text is cut by byte offsets: no Substring per line, whose
    /// making asks whether each end is a Character boundary. A cell's text is made once, when
    /// it is complete, with its continuation lines already joined.
    private struct Reading {
        let limits: ReadLimits
        var document: SourceDocument
        var table = PendingTable()
        var inRow = false
        var afterBlank = true
        /// The row's last cell, kept open while a continuation line may still join it: its
        /// bytes in the text being read while it is one line (most cells), copied into
        /// `joinedCell` only once a line joins it.
        var openCell = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var joinedCell: [UInt8] = []
        var isJoined = false
        var openCellLine = 0
        var hasOpenCell = false

        init(limits: ReadLimits, document: SourceDocument) {
            self.limits = limits
            self.document = document
        }

        mutating func read(_ p: UnsafeBufferPointer<UInt8>) throws(InputError) {
            let tab = UInt8(ascii: "\t")
            var lineNumber = 0
            var start = 0
            while true {
                let lineEnd = p.firstIndex(of: UInt8(ascii: "\n"), from: start) ?? p.count
                lineNumber += 1
                var end = lineEnd
                if end - start > limits.maxCellTextLength { end = truncated(p, start, end, line: lineNumber) }
                let line = UnsafeBufferPointer(rebasing: p[start..<end])
                if line.first == tab {
                    if !inRow {
                        inRow = true
                        table.startRow(line: lineNumber)
                    }
                    // The cells start after the TAB and are cut at the TABs after it.
                    var cellStart = 1
                    while true {
                        let cellEnd = line.firstIndex(of: tab, from: cellStart) ?? line.count
                        openNextCell(UnsafeBufferPointer(rebasing: line[cellStart..<cellEnd]), line: lineNumber)
                        guard cellEnd < line.count else { break }
                        cellStart = cellEnd + 1
                    }
                    afterBlank = false
                } else if TextBytes.trimmedRange(line).isEmpty {
                    finishRow()
                    afterBlank = true
                } else if inRow, !afterBlank, hasOpenCell {
                    if !isJoined {
                        joinedCell.removeAll(keepingCapacity: true)
                        joinedCell.append(contentsOf: openCell)
                        isJoined = true
                    }
                    joinedCell.append(UInt8(ascii: "\n"))
                    joinedCell.append(contentsOf: line)
                } else {
                    try finishTable()
                    let trimmed = UnsafeBufferPointer(rebasing: line[TextBytes.trimmedRange(line)])
                    document.append(paragraph: Paragraph(text: InlineMarkup.plainText(String(decoding: trimmed, as: UTF8.self)),
                                                         location: .line(lineNumber)))
                    afterBlank = false
                }
                guard lineEnd < p.count else { break }
                start = lineEnd + 1
            }
            try finishTable()
        }

        /// Ends the open cell, if any, and opens one with `bytes`.
        private mutating func openNextCell(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
            closeCell()
            openCell = bytes
            isJoined = false
            openCellLine = line
            hasOpenCell = true
        }

        private mutating func closeCell() {
            guard hasOpenCell else { return }
            if isJoined {
                let bytes = joinedCell
                bytes.withUnsafeBufferPointer { table.appendCell(bytes: $0, line: openCellLine) }
            } else {
                table.appendCell(bytes: openCell, line: openCellLine)
            }
            hasOpenCell = false
        }

        private mutating func finishRow() {
            closeCell()
            inRow = false
        }

        private mutating func finishTable() throws(InputError) {
            finishRow()
            try table.flush(into: &document, limits: limits)
        }

        /// Reports a line longer than a cell may be and returns where its kept part ends: at the
        /// limit, moved back to the start of a character it would cut.
        private mutating func truncated(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line number: Int) -> Int {
            document.diagnostics.append(Diagnostic(.warning, "text-truncated",
                limits.exceeded(.cellText, "line \(number) is \(end - start) bytes; kept the first \(limits.maxCellTextLength)"), line: number))
            var cut = start + max(0, limits.maxCellTextLength)
            while cut > start, p[cut] & 0xC0 == 0x80 { cut -= 1 }
            return cut
        }
    }
}
