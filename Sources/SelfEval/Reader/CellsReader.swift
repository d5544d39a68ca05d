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
        var row: [GridBuilder.Entry]? = nil
        var rowLine = 0
        var afterBlank = true

        func finishRow() {
            if let r = row { table.rows.append((r, rowLine)) }
            row = nil
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
                if row == nil { row = []; rowLine = lineNumber }
                for piece in line.dropFirst().splitBytes(UInt8(ascii: "\t")) {
                    row!.append(GridBuilder.Entry(text: String(piece), line: lineNumber))
                }
                afterBlank = false
            } else if line.isBlank {
                finishRow()
                afterBlank = true
            } else if row != nil, !afterBlank, !row!.isEmpty {
                row![row!.count - 1].text += "\n" + line
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

/// Rows gathered for one table of a line-based format, turned into a grid when the table ends.
struct PendingTable {
    var rows: [(entries: [GridBuilder.Entry], line: Int)] = []
    /// Whether two adjacent short rows that add up to the common width are one row pushed apart
    /// (true for the exports; false where the source's own row breaks are trusted, as in pipe tables).
    var joinsPushedCells = true

    init(joinsPushedCells: Bool = true) {
        self.joinsPushedCells = joinsPushedCells
    }

    /// Ends the table: cleans the cell text, builds the grid, appends it. Returns the new table's
    /// index, or nil when no rows were pending.
    @discardableResult
    mutating func flush(into document: inout SourceDocument, limits: ReadLimits) throws(InputError) -> Int? {
        defer { rows.removeAll() }
        guard !rows.isEmpty else { return nil }
        var joins: [Diagnostic] = []
        let joined = joinsPushedCells ? Self.joiningPushedCells(rows, diagnostics: &joins) : rows
        let cleaned: [SourceDocument.SourceRow] = joined.map { entries, line in
            (entries.map { var e = $0; e.text = InlineMarkup.plainText(e.text).trimmed; return e }, line)
        }
        return try document.placeTable(cleaned, location: .line(rows[0].line), diagnostics: joins, limits: limits)
    }

    /// An export sometimes pushes a row's last cells onto a row of their own (seed 002's C32
    /// and C33). Where most rows share one width, two adjacent short rows that add up to it are
    /// one row.
    static func joiningPushedCells(_ rows: [(entries: [GridBuilder.Entry], line: Int)], diagnostics: inout [Diagnostic]) -> [(entries: [GridBuilder.Entry], line: Int)] {
        guard rows.count >= 5 else { return rows }
        var counts: [Int: Int] = [:]
        for r in rows { counts[r.entries.count, default: 0] += 1 }
        guard let (width, n) = counts.max(by: { $0.value < $1.value }), n * 10 >= rows.count * 6, width >= 3 else { return rows }
        var result: [(entries: [GridBuilder.Entry], line: Int)] = []
        var i = 0
        while i < rows.count {
            let a = rows[i].entries.count
            if i + 1 < rows.count, a < width, a > 0 {
                let b = rows[i + 1].entries.count
                if b > 0, b < width, a + b == width {
                    diagnostics.append(Diagnostic(.info, "row-joined",
                        "the \(b) cell(s) on line \(rows[i + 1].line) were pushed onto a row of their own; joined to the row above",
                        row: result.count, column: a, line: rows[i + 1].line))
                    result.append((rows[i].entries + rows[i + 1].entries, rows[i].line))
                    i += 2
                    continue
                }
            }
            result.append(rows[i])
            i += 1
        }
        return result
    }
}
