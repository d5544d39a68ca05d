/// A rectangle filled row by row while a table is generated; free slots end up empty.
struct SlotGrid {
    let columns: Int
    private var slots: [[GeneratedTable.Slot?]] = []

    init(columns: Int) { self.columns = columns }

    var rowCount: Int { slots.count }

    mutating func addRows(_ n: Int) {
        slots += Array(repeating: Array(repeating: nil, count: columns), count: n)
    }

    func isFree(_ r: Int, _ c: Int) -> Bool { slots[r][c] == nil }

    /// Places a cell, shrinking its spans to the free rectangle at (r, c).
    mutating func place(_ text: String, row r: Int, column c: Int, rowSpan: Int, colSpan: Int) {
        guard isFree(r, c) else { return }
        var cs = 1
        while cs < colSpan, c + cs < columns, isFree(r, c + cs) { cs += 1 }
        var rs = 1
        while rs < rowSpan, r + rs < slots.count, (c..<(c + cs)).allSatisfy({ isFree(r + rs, $0) }) { rs += 1 }
        for rr in r..<(r + rs) { for cc in c..<(c + cs) { slots[rr][cc] = .covered(row: r, column: c) } }
        slots[r][c] = .anchor(text, rowSpan: rs, colSpan: cs)
    }

    /// Appends a row of cells with the given column spans.
    mutating func row(_ texts: [String], spans: [Int]) {
        addRows(1)
        var c = 0
        for (t, s) in zip(texts, spans) where c < columns {
            place(t, row: slots.count - 1, column: c, rowSpan: 1, colSpan: s)
            c += s
        }
    }

    var table: GeneratedTable {
        GeneratedTable(slots: slots.map { $0.map { $0 ?? .empty } })
    }
}
