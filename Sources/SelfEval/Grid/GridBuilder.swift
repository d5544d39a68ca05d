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
    /// Rows of slots as placed so far, `free` where no cell has claimed the slot yet; slots too
    /// large to pack are kept whole in `wide`.
    private var slots: [[PackedSlot]] = []
    private var wide: [Position: GridSlot] = [:]
    private var rowWidths: [Int] = []
    private var rowLines: [Int?] = []
    private var declaredRows = 0
    private var slotCount = 0

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public var rowCount: Int { declaredRows }

    /// Places one source row. Throws when the table would exceed `limits.maxTableSlots`.
    public mutating func addRow(_ entries: [Entry], line: Int? = nil) throws(GridLimitError) {
        let r = declaredRows
        declaredRows += 1
        ensureRow(r)
        rowLines.append(line)
        var c = 0
        var width = 0
        for var entry in entries {
            if let column = entry.column, column >= 0 {
                if column > c + limits.maxSpan {
                    report(.warning, "span-clamped", limits.exceeded(.span,
                        "a cell asks for column \(column + 1), \(column - c) columns past the row's next free one; placed \(limits.maxSpan) past it"), r, c, entry.line)
                    c += limits.maxSpan
                } else if column >= c { c = column } else {
                    report(.warning, "cell-overlap", "a cell asks for column \(column + 1), already taken; placed at \(c + 1)", r, c, entry.line)
                }
            }
            while c < slots[r].count, !slots[r][c].isFree { c += 1 }
            if entry.text.utf8.count > limits.maxCellTextLength {
                report(.warning, "text-truncated", limits.exceeded(.cellText,
                    "a cell holds \(entry.text.utf8.count) bytes of text; kept the first \(limits.maxCellTextLength)"), r, c, entry.line)
                entry.text = entry.text.prefix(utf8Count: limits.maxCellTextLength)
            }
            entry.rowSpan = clampedSpan(entry.rowSpan, kind: "rowspan", row: r, column: c, line: entry.line)
            entry.colSpan = clampedSpan(entry.colSpan, kind: "colspan", row: r, column: c, line: entry.line)
            // A column span stops at the first slot already claimed by a row span from above.
            var span = 1
            while span < entry.colSpan, slotIsFree(r, c + span) { span += 1 }
            if span < entry.colSpan {
                report(.warning, "span-clamped", "colspan \(entry.colSpan) overlaps a merged cell; reduced to \(span)", r, c, entry.line)
                entry.colSpan = span
            }
            try claim(row: r, column: c, entry: entry)
            c += entry.colSpan
            width = c
        }
        rowWidths.append(max(width, occupiedWidth(r)))
    }

    /// The finished rectangle. Row spans that run past the last row are cut back and reported.
    /// Each placed row is let go as soon as it is copied, so the table is not held twice.
    public mutating func build(location: SourceLocation, title: String? = nil) -> TableGrid {
        let rows = declaredRows
        let width = (0..<rows).map { occupiedWidth($0) }.max() ?? 0
        var packed: [PackedSlot] = []
        packed.reserveCapacity(rows * width)
        var wideSlots: [Int: GridSlot] = [:]
        for r in 0..<rows {
            let row = slots[r]
            slots[r] = []
            for c in 0..<width {
                let p = c < row.count ? row[c] : .free
                if p.isFree {
                    packed.append(.empty)
                } else if p.isWide || (p.spans?.rowSpan ?? 1) > rows - r {
                    var slot = p.isWide ? wide[Position(row: r, column: c)]! : p.slot
                    if case .cell(var cell) = slot, r + cell.rowSpan > rows {
                        let cut = rows - r
                        report(.warning, "span-clamped", "rowspan \(cell.rowSpan) runs past the table's last row; reduced to \(cut)", r, c, cell.line)
                        cell.rowSpan = cut
                        slot = .cell(cell)
                    }
                    if let repacked = PackedSlot(slot) { packed.append(repacked) } else {
                        wideSlots[packed.count] = slot
                        packed.append(.wide)
                    }
                } else {
                    packed.append(p)
                }
            }
        }
        slots = []
        wide = [:]
        return TableGrid(packed: packed, wide: wideSlots, rowCount: rows, columnCount: width, title: title,
                         location: location, sourceRowWidths: rowWidths, rowLines: rowLines)
    }

    private mutating func claim(row r: Int, column c: Int, entry: Entry) throws(GridLimitError) {
        let rowSpan = entry.rowSpan
        // Check the whole claim before allocating any of it, so a table that will not fit fails
        // at once instead of after filling memory up to the limit.
        var growth = 0
        for dr in 0..<rowSpan {
            let have = r + dr < slots.count ? slots[r + dr].count : 0
            growth += max(0, c + entry.colSpan - have)
        }
        if slotCount + growth > limits.maxTableSlots {
            throw GridLimitError(slots: slotCount + growth, limit: limits.maxTableSlots, row: r, column: c)
        }
        let cell = TableCell(text: entry.text, rowSpan: entry.rowSpan, colSpan: entry.colSpan,
                             line: entry.line, nestedTables: entry.nestedTables)
        for dr in 0..<rowSpan {
            ensureRow(r + dr)
            for dc in 0..<entry.colSpan {
                let (rr, cc) = (r + dr, c + dc)
                if slots[rr].count <= cc {
                    let grow = cc + 1 - slots[rr].count
                    slotCount += grow
                    if slotCount > limits.maxTableSlots {
                        throw GridLimitError(slots: slotCount, limit: limits.maxTableSlots, row: r, column: c)
                    }
                    slots[rr].append(contentsOf: repeatElement(.free, count: grow))
                }
                if dr == 0 && dc == 0 {
                    put(.cell(cell), rr, cc)
                } else if slots[rr][cc].isFree {
                    put(.covered(anchorRow: r, anchorColumn: c), rr, cc)
                }
            }
        }
    }

    private mutating func put(_ slot: GridSlot, _ r: Int, _ c: Int) {
        if let p = PackedSlot(slot) {
            slots[r][c] = p
            wide[Position(row: r, column: c)] = nil
        } else {
            slots[r][c] = .wide
            wide[Position(row: r, column: c)] = slot
        }
    }

    private func slotIsFree(_ r: Int, _ c: Int) -> Bool {
        r < slots.count && (c >= slots[r].count || slots[r][c].isFree)
    }

    private func occupiedWidth(_ r: Int) -> Int {
        guard r < slots.count else { return 0 }
        return (slots[r].lastIndex { !$0.isFree } ?? -1) + 1
    }

    private mutating func ensureRow(_ r: Int) {
        while slots.count <= r { slots.append([]) }
    }

    private mutating func clampedSpan(_ span: Int, kind: String, row: Int, column: Int, line: Int?) -> Int {
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
