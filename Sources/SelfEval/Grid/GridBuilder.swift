/// Builds a table's rectangle from rows of cells the way HTML and Word lay them out: each cell
/// takes the next free slot of its row (or the column it names), spans claim the slots below and
/// to the right, and spans that run off the table or past the limits are clamped and reported.
public struct GridBuilder: Sendable {
    /// A cell as a reader found it, before placement.
    public struct Entry: Sendable {
        public var text: String
        public var rowSpan: Int
        public var colSpan: Int
        /// The grid column where the cell must start (Word's `w:gridBefore`, `w:tblGrid`), or nil
        /// for the next free slot.
        public var column: Int?
        public var line: Int?
        public var nestedTables: [Int]

        public init(text: String, rowSpan: Int = 1, colSpan: Int = 1, column: Int? = nil,
                    line: Int? = nil, nestedTables: [Int] = []) {
            self.text = text
            self.rowSpan = rowSpan
            self.colSpan = colSpan
            self.column = column
            self.line = line
            self.nestedTables = nestedTables
        }
    }

    public let limits: ReadLimits
    /// Repairs made while placing cells; `row`/`column` are set, `table` is left for the caller.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The slots placed so far, row after row, `stride` to a row, `free` where no cell has
    /// claimed the slot yet: one store, which `build` compacts in place into the table's, so a
    /// large table is never held twice. Slots too large to pack are kept whole in `wide`.
    private var cells = SlotStore()
    private var stride = 0
    private var allocatedRows = 0
    /// How far each row has been claimed, as a row of its own would have grown: the slot limit
    /// counts these, not the stride.
    private var rowLengths: [Int] = []
    private var wide: [Position: GridSlot] = [:]
    private var rowWidths = PackedIntList()
    private var rowLines = PackedIntList()
    private var declaredRows = 0
    /// How many rows the caller said the table will have, so the slots are laid out once at
    /// their full size instead of doubling (while an array doubles, both copies are alive).
    private var expectedRows = 0
    private var slotCount = 0

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public var rowCount: Int { declaredRows }

    /// Makes room for `rows` rows up front, as a caller that holds the whole table knows them.
    mutating func reserveRows(_ rows: Int) {
        expectedRows = rows
        rowLengths.reserveCapacity(rows)
        rowWidths.reserveCapacity(rows)
        rowLines.reserveCapacity(rows)
    }

    /// Places one source row. Throws when the table would exceed `limits.maxTableSlots`.
    public mutating func addRow(_ entries: [Entry], line: Int? = nil) throws(GridLimitError) {
        var row = try startRow(line: line)
        for entry in entries {
            try place(entry.text, rowSpan: entry.rowSpan, colSpan: entry.colSpan, column: entry.column,
                      line: entry.line, nestedTables: entry.nestedTables, in: &row)
        }
        end(row)
    }

    /// A row being placed cell by cell: `addRow` is `startRow`, `place` for each cell, `end`.
    /// A reader that holds its cells in another form places them from their parts this way,
    /// without an `Entry` and an array of them made for every row and thrown away.
    struct OpenRow {
        fileprivate let index: Int
        /// The next column to look for a free slot from.
        fileprivate var next = 0
        fileprivate var width = 0
    }

    /// Starts the next source row.
    mutating func startRow(line: Int?) throws(GridLimitError) -> OpenRow {
        let r = declaredRows
        declaredRows += 1
        try ensureRow(r, claimedAt: 0)
        rowLines.append(line)
        return OpenRow(index: r)
    }

    /// Places the row's next cell, as an `Entry` of these parts would be placed.
    mutating func place(_ text: String, rowSpan: Int = 1, colSpan: Int = 1, column: Int? = nil, line: Int?,
                        nestedTables: [Int] = [], in row: inout OpenRow) throws(GridLimitError) {
        let r = row.index
        var c = row.next
        if let column, column >= 0 {
            if column > c + limits.maxSpan {
                report(.warning, "span-clamped", limits.exceeded(.span,
                    "a cell asks for column \(column + 1), \(column - c) columns past the row's next free one; placed \(limits.maxSpan) past it"), r, c, line)
                c += limits.maxSpan
            } else if column >= c { c = column } else {
                report(.warning, "cell-overlap", "a cell asks for column \(column + 1), already taken; placed at \(c + 1)", r, c, line)
            }
        }
        while c < rowLengths[r], !cells[r * stride + c].isFree { c += 1 }
        var text = text
        if text.utf8.count > limits.maxCellTextLength {
            report(.warning, "text-truncated", limits.exceeded(.cellText,
                "a cell holds \(text.utf8.count) bytes of text; kept the first \(limits.maxCellTextLength)"), r, c, line)
            text = text.prefix(utf8Count: limits.maxCellTextLength)
        }
        let rowSpan = clampedSpan(rowSpan, kind: "rowspan", row: r, column: c, line: line)
        var colSpan = clampedSpan(colSpan, kind: "colspan", row: r, column: c, line: line)
        // A column span stops at the first slot already claimed by a row span from above.
        var span = 1
        while span < colSpan, slotIsFree(r, c + span) { span += 1 }
        if span < colSpan {
            report(.warning, "span-clamped", "colspan \(colSpan) overlaps a merged cell; reduced to \(span)", r, c, line)
            colSpan = span
        }
        try claim(row: r, column: c, text: text, rowSpan: rowSpan, colSpan: colSpan, line: line, nestedTables: nestedTables)
        c += colSpan
        row.next = c
        row.width = c
    }

    /// Ends the row: its source width is what its cells reached, or what spans from above claimed.
    mutating func end(_ row: OpenRow) {
        rowWidths.append(max(row.width, occupiedWidth(row.index)))
    }

    /// The finished rectangle. Row spans that run past the last row are cut back and reported.
    /// The builder's slots become the table's; the builder is spent afterwards.
    public mutating func build(location: SourceLocation, title: String? = nil) -> TableGrid {
        let rows = declaredRows
        let width = (0..<rows).map { occupiedWidth($0) }.max() ?? 0
        var wideSlots: [Int: GridSlot] = [:]
        // Row r moves from r × stride to r × width, never past where it was: in place, front to back.
        for r in 0..<rows {
            for c in 0..<width {
                let p = cells[r * stride + c]
                let i = r * width + c
                if p.isFree {
                    cells.mark(i, .empty)
                } else if p.isWide {
                    // A slot kept whole stays whole: it reads the same either way.
                    var slot = wide[Position(row: r, column: c)]!
                    if case .cell(var cell) = slot, r + cell.rowSpan > rows {
                        cell.rowSpan = cutRowSpan(cell.rowSpan, r, c, cell.line)
                        slot = .cell(cell)
                    }
                    wideSlots[i] = slot
                    cells.mark(i, .wide)
                } else if let rowSpan = p.spans?.rowSpan, rowSpan > rows - r {
                    let line = cells.line(at: r * stride + c, row: r, rowLines: rowLines)
                    cells.move(from: r * stride + c, to: i, rowSpan: Int32(cutRowSpan(rowSpan, r, c, line)))
                } else {
                    cells.move(from: r * stride + c, to: i)
                }
            }
        }
        // Appending rows leaves up to twice the room needed; a large table is copied to its size
        // now, while the reader's peak is behind, rather than carry the slack through the rest.
        cells.truncate(to: rows * width)
        let store = cells
        cells = SlotStore()
        wide = [:]
        return TableGrid(store: store, wide: wideSlots, rowCount: rows, columnCount: width, title: title,
                         location: location, sourceRowWidths: rowWidths, rowLines: rowLines)
    }

    /// Reports a row span that runs past the last row, and returns what is left of it.
    private mutating func cutRowSpan(_ rowSpan: Int, _ r: Int, _ c: Int, _ line: Int?) -> Int {
        let cut = declaredRows - r
        report(.warning, "span-clamped", "rowspan \(rowSpan) runs past the table's last row; reduced to \(cut)", r, c, line)
        return cut
    }

    private mutating func claim(row r: Int, column c: Int, text: String, rowSpan: Int, colSpan: Int, line: Int?,
                                nestedTables: [Int]) throws(GridLimitError) {
        // Most cells take one slot of a row already laid out: what the loops below do for that
        // slot alone, without them.
        if rowSpan == 1 && colSpan == 1 && r < allocatedRows {
            let have = rowLengths[r]
            if have <= c {
                let grow = c + 1 - have
                if slotCount + grow > limits.maxTableSlots {
                    throw GridLimitError(slots: slotCount + grow, limit: limits.maxTableSlots, row: r, column: c)
                }
                slotCount += grow
                rowLengths[r] = c + 1
                try widen(to: c + 1, row: r, column: c)
            }
            putCell(text, rowSpan: 1, colSpan: 1, line: line, nestedTables: nestedTables, r, c)
            return
        }
        // Check the whole claim before allocating any of it, so a table that will not fit fails
        // at once instead of after filling memory up to the limit.
        var growth = 0
        for dr in 0..<rowSpan {
            let have = r + dr < allocatedRows ? rowLengths[r + dr] : 0
            growth += max(0, c + colSpan - have)
        }
        if slotCount + growth > limits.maxTableSlots {
            throw GridLimitError(slots: slotCount + growth, limit: limits.maxTableSlots, row: r, column: c)
        }
        for dr in 0..<rowSpan {
            try ensureRow(r + dr, claimedAt: c)
            for dc in 0..<colSpan {
                let (rr, cc) = (r + dr, c + dc)
                if rowLengths[rr] <= cc {
                    let grow = cc + 1 - rowLengths[rr]
                    slotCount += grow
                    if slotCount > limits.maxTableSlots {
                        throw GridLimitError(slots: slotCount, limit: limits.maxTableSlots, row: r, column: c)
                    }
                    rowLengths[rr] = cc + 1
                    try widen(to: cc + 1, row: r, column: c)
                }
                if dr == 0 && dc == 0 {
                    putCell(text, rowSpan: rowSpan, colSpan: colSpan, line: line, nestedTables: nestedTables, rr, cc)
                } else if cells[rr * stride + cc].isFree {
                    put(.covered(anchorRow: r, anchorColumn: c), rr, cc)
                }
            }
        }
    }

    /// Puts a cell's anchor: packed from its parts where it fits, as `put(.cell(…))` would pack
    /// it, so no `TableCell` is made for the common cell.
    private mutating func putCell(_ text: String, rowSpan: Int, colSpan: Int, line: Int?, nestedTables: [Int], _ r: Int, _ c: Int) {
        let i = r * stride + c
        let wasWide = cells[i].isWide
        if !nestedTables.isEmpty {
            cells.mark(i, .wide)
        } else if cells.putCell(text, rowSpan: rowSpan, colSpan: colSpan, line: line, at: i, rowLines: rowLines, stride: stride) {
            if wasWide { wide[Position(row: r, column: c)] = nil }
            return
        }
        wide[Position(row: r, column: c)] = .cell(TableCell(text: text, rowSpan: rowSpan, colSpan: colSpan, line: line, nestedTables: nestedTables))
    }

    private mutating func put(_ slot: GridSlot, _ r: Int, _ c: Int) {
        // Hashing a position for every cell costs more than placing it: only a slot that was
        // kept whole has an entry to remove.
        let wasWide = cells[r * stride + c].isWide
        if cells.put(slot, at: r * stride + c, rowLines: rowLines, stride: stride) {
            if wasWide { wide[Position(row: r, column: c)] = nil }
        } else {
            wide[Position(row: r, column: c)] = slot
        }
    }

    private func slotIsFree(_ r: Int, _ c: Int) -> Bool {
        r < allocatedRows && (c >= rowLengths[r] || cells[r * stride + c].isFree)
    }

    private func occupiedWidth(_ r: Int) -> Int {
        guard r < allocatedRows else { return 0 }
        var c = rowLengths[r]
        while c > 0, cells[r * stride + c - 1].isFree { c -= 1 }
        return c
    }

    private mutating func ensureRow(_ r: Int, claimedAt column: Int) throws(GridLimitError) {
        guard allocatedRows <= r else { return }
        try checkRectangle(rows: r + 1, stride: stride, row: r, column: column)
        let added = r + 1 - allocatedRows
        cells.appendFree(added * stride)
        rowLengths.append(contentsOf: repeatElement(0, count: added))
        allocatedRows = r + 1
    }

    /// Makes every row at least `width` slots wide. The stride grows by a quarter at least, so a
    /// table whose rows widen one by one is re-laid a few times, not once per row.
    private mutating func widen(to width: Int, row: Int, column: Int) throws(GridLimitError) {
        guard width > stride else { return }
        let newStride = max(width, stride + stride / 4)
        try checkRectangle(rows: allocatedRows, stride: newStride, row: row, column: column)
        // Room for the rows to come as well, where the rectangle would hold them.
        let rows = max(allocatedRows, expectedRows)
        let roomy = (try? checkRectangle(rows: rows, stride: newStride, row: row, column: column)) != nil
        cells.relay(rows: allocatedRows, from: stride, to: newStride, capacity: (roomy ? rows : allocatedRows) * newStride)
        stride = newStride
    }

    /// The rectangle is what memory holds, and a few long rows among many short ones make it far
    /// larger than the slots claimed: past twice the slot limit, the table is refused.
    private func checkRectangle(rows: Int, stride: Int, row: Int, column: Int) throws(GridLimitError) {
        let (size, overflow) = rows.multipliedReportingOverflow(by: stride)
        let bound = limits.maxTableSlots.multipliedReportingOverflow(by: 2)
        if overflow || (!bound.overflow && size > bound.partialValue) {
            throw GridLimitError(slots: overflow ? Int.max : size, limit: limits.maxTableSlots, row: row, column: column)
        }
    }

    @inline(__always)
    private mutating func clampedSpan(_ span: Int, kind: StaticString, row: Int, column: Int, line: Int?) -> Int {
        span >= 1 && span <= limits.maxSpan ? span : clampedSpanReported(span, kind: kind, row: row, column: column, line: line)
    }

    private mutating func clampedSpanReported(_ span: Int, kind: StaticString, row: Int, column: Int, line: Int?) -> Int {
        if span < 1 {
            report(.warning, "span-clamped", "\(kind) \(span) is not a positive number; read as 1", row, column, line)
            return 1
        }
        if span > limits.maxSpan {
            report(.warning, "span-clamped", limits.exceeded(.span, "\(kind) \(span) is reduced to \(limits.maxSpan)"), row, column, line)
            return limits.maxSpan
        }
        return span
    }

    private mutating func report(_ level: Diagnostic.Level, _ code: String, _ message: String, _ row: Int, _ column: Int, _ line: Int?) {
        diagnostics.append(Diagnostic(level, code, message, row: row, column: column, line: line))
    }
}

/// Where a slot kept whole sits while the grid is built.
private struct Position: Hashable {
    var row: Int
    var column: Int
}

/// A table that would hold more slots than `ReadLimits.maxTableSlots` allows.
public struct GridLimitError: Error, Sendable {
    public var slots: Int
    public var limit: Int
    public var row: Int
    public var column: Int
}
