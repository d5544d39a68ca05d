/// Rows gathered for one table of a line-based format, turned into a grid when the table ends.
/// The cells are kept as one flat list of texts and lines, not as rows of `GridBuilder.Entry`:
/// a table of a million rows is held at a third of the size until it is placed, and each cell
/// is then placed from its text and line, without an entry made for it.
struct PendingTable {
    /// Every pending cell's text, row after row, already cleaned as the grid takes it
    /// (`InlineMarkup.plainTrimmed`): a reader that holds a cell's bytes cleans them without a
    /// String of the cell as written.
    private var texts: [String] = []
    /// The line each cell starts on; left empty while every cell is on its row's line, as in
    /// TSV, and filled in from the first cell that is not (`hasCellLines`).
    private var cellLines: [Int] = []
    private var hasCellLines = false
    /// Where each row starts in `texts`, and the line the row starts on.
    private var rowStarts: [Int] = []
    private var rowLines: [Int] = []
    /// Whether two adjacent short rows that add up to the common width are one row pushed apart
    /// (true for the exports; false where the source's own row breaks are trusted, as in pipe tables).
    var joinsPushedCells = true

    init(joinsPushedCells: Bool = true) {
        self.joinsPushedCells = joinsPushedCells
    }

    /// Starts a row on line `line`; its cells follow with `appendCell`.
    mutating func startRow(line: Int) {
        rowStarts.append(texts.count)
        rowLines.append(line)
    }

    /// Adds a cell, its text as written, to the row last started, with the line it starts on.
    mutating func appendCell(_ text: String, line: Int) {
        append(clean: InlineMarkup.plainTrimmed(text), line: line)
    }

    /// Adds a cell whose text as written is these UTF-8 bytes.
    mutating func appendCell(bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        append(clean: InlineMarkup.plainTrimmed(bytes: bytes), line: line)
    }

    private mutating func append(clean text: String, line: Int) {
        if !hasCellLines, line != rowLines[rowLines.count - 1] {
            // Every cell so far, this row's too, is on its row's line.
            for r in rowStarts.indices { cellLines += repeatElement(rowLines[r], count: self.cells(ofRow: r).count) }
            hasCellLines = true
        }
        texts.append(text)
        if hasCellLines { cellLines.append(line) }
    }

    /// Ends the table: builds the grid, appends it. Returns the new table's
    /// index, or nil when no rows were pending.
    @discardableResult
    mutating func flush(into document: inout SourceDocument, limits: ReadLimits) throws(InputError) -> Int? {
        defer { self = PendingTable(joinsPushedCells: joinsPushedCells) }
        guard !rowStarts.isEmpty else { return nil }
        var joins: [Diagnostic] = []
        let rows = joinsPushedCells ? joiningPushedCells(diagnostics: &joins) : (0..<rowStarts.count).map { (cells(ofRow: $0), rowLines[$0]) }
        return try document.placeTable(location: .line(rowLines[0]), diagnostics: joins, limits: limits) { builder throws(GridLimitError) in
            // The source row of the cell at hand, for its line when `cellLines` is not kept: a
            // joined row's second half keeps the line it was on.
            var source = 0
            builder.reserveRows(rows.count)
            for (range, line) in rows {
                var row = try builder.startRow(line: line)
                for i in range {
                    while source + 1 < rowStarts.count, rowStarts[source + 1] <= i { source += 1 }
                    try builder.place(texts[i], line: hasCellLines ? cellLines[i] : rowLines[source], in: &row)
                }
                builder.end(row)
            }
        }
    }

    private func cells(ofRow r: Int) -> Range<Int> {
        rowStarts[r]..<(r + 1 < rowStarts.count ? rowStarts[r + 1] : texts.count)
    }

    /// An export sometimes pushes a row's last cells onto a row of their own (seed 002's C32
    /// and C33). Where most rows share one width, two adjacent short rows that add up to it are
    /// one row. Returns the rows to place, as ranges of `texts`, with their lines.
    private func joiningPushedCells(diagnostics: inout [Diagnostic]) -> [(cells: Range<Int>, line: Int)] {
        let rowCount = rowStarts.count
        let rows = (0..<rowCount).map { (cells(ofRow: $0), rowLines[$0]) }
        guard rowCount >= 5 else { return rows }
        // The common width must hold at least 60 % of the rows, a majority: the one candidate
        // that a majority vote leaves is counted, instead of hashing every row's width.
        var width = 0, lead = 0
        for r in rows {
            if lead == 0 { width = r.0.count }
            lead += r.0.count == width ? 1 : -1
        }
        let n = rows.reduce(0) { $0 + ($1.0.count == width ? 1 : 0) }
        guard n * 10 >= rowCount * 6, width >= 3 else { return rows }
        var result: [(cells: Range<Int>, line: Int)] = []
        var i = 0
        while i < rowCount {
            let a = rows[i].0.count
            if i + 1 < rowCount, a < width, a > 0 {
                let b = rows[i + 1].0.count
                if b > 0, b < width, a + b == width {
                    diagnostics.append(Diagnostic(.info, "row-joined",
                        "the \(b) cell(s) on line \(rows[i + 1].1) were pushed onto a row of their own; joined to the row above",
                        row: result.count, column: a, line: rows[i + 1].1))
                    // The two rows' cells are next to each other in `texts`.
                    result.append((rows[i].0.lowerBound..<rows[i + 1].0.upperBound, rows[i].1))
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
