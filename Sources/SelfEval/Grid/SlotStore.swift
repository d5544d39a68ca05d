/// A grid's slots, row after row, `stride` to a row, packed; shared by `GridBuilder` and
/// `TableGrid` so that both keep cell lines the same way. Most readers put each cell on its
/// row's line (or give no lines at all), so a cell's line is read from its row; only once some
/// cell's line differs from its row's (HTML cells on lines of their own, a joined row's second
/// half) is a line kept for every slot.
struct SlotStore: Sendable {
    private var slots: [PackedSlot] = []
    /// One line per slot (0 where the slot has none), kept from the first cell whose line is
    /// not its row's on; empty until then.
    private var lines: [Int32] = []
    /// Whether each slot's line is kept, rather than read from its row.
    private(set) var keepsLines = false

    init() {}

    subscript(i: Int) -> PackedSlot { slots[i] }

    /// The line of the packed cell at `i`, in row `row` of `rowLines`; nil for a cell without
    /// one and for any other slot.
    func line(at i: Int, row: Int, rowLines: PackedIntList) -> Int? {
        guard slots[i].hasLine else { return nil }
        return keepsLines ? Int(lines[i]) : rowLines.value(at: row)
    }

    /// The slot at `i`, in row `row` of `rowLines`; only for a slot neither free nor wide.
    func slot(at i: Int, row: Int, rowLines: PackedIntList) -> GridSlot {
        slots[i].slot(line: line(at: i, row: row, rowLines: rowLines))
    }

    mutating func reserveCapacity(_ count: Int) {
        slots.reserveCapacity(count)
        if keepsLines { lines.reserveCapacity(count) }
    }

    /// Appends `count` free slots one by one: appending a `repeatElement` goes through the
    /// generic sequence path, several times slower for these few slots a row.
    mutating func appendFree(_ count: Int) {
        let keeping = keepsLines
        for _ in 0..<count {
            slots.append(.free)
            if keeping { lines.append(0) }
        }
    }

    /// Puts `slot` at `i`, in row `i / stride` of `rowLines`. Returns false, and marks the slot
    /// wide, when it must be kept whole by the caller.
    mutating func put(_ slot: GridSlot, at i: Int, rowLines: PackedIntList, stride: Int) -> Bool {
        switch slot {
        case .covered(let row, let column):
            guard let p = PackedSlot.covered(row: row, column: column) else { break }
            slots[i] = p
            return true
        case .cell(let cell):
            guard cell.nestedTables.isEmpty else { break }
            return putCell(cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, line: cell.line, at: i, rowLines: rowLines, stride: stride)
        }
        slots[i] = .wide
        return false
    }

    /// Puts a cell without nested tables, given by its parts, as `put(.cell(…))` does.
    mutating func putCell(_ text: String, rowSpan: Int, colSpan: Int, line: Int?, at i: Int,
                          rowLines: PackedIntList, stride: Int) -> Bool {
        guard let line else {
            guard let p = PackedSlot.cell(text, rowSpan: rowSpan, colSpan: colSpan, hasLine: false) else {
                slots[i] = .wide
                return false
            }
            slots[i] = p
            return true
        }
        // A line is packed only in 32 bits, even where it is the row's: kept lines must hold it.
        guard let line32 = Int32(exactly: line),
              let p = PackedSlot.cell(text, rowSpan: rowSpan, colSpan: colSpan, hasLine: true) else {
            slots[i] = .wide
            return false
        }
        if !keepsLines, line != rowLines.value(at: i / stride) { keepLines(rowLines: rowLines, stride: stride) }
        slots[i] = p
        if keepsLines { lines[i] = line32 }
        return true
    }

    /// Marks a slot free, empty or wide, none of which has a line.
    mutating func mark(_ i: Int, _ p: PackedSlot) {
        precondition(!p.hasLine, "a slot with a line is put, not marked")
        slots[i] = p
    }

    /// Moves the slot at `from` to `to`, with `rowSpan` when given (a span cut back). What is
    /// left at `from` is stale: it is read no more (the caller moves front to back and drops the
    /// end), so the slot is swapped there rather than copied, without counting a reference.
    mutating func move(from j: Int, to i: Int, rowSpan: Int32? = nil) {
        if let rowSpan {
            slots[i] = slots[j].withRowSpan(rowSpan)
        } else if i != j {
            slots.swapAt(i, j)
        }
        if keepsLines { lines[i] = lines[j] }
    }

    /// From now on keeps each slot's line: the lines the packed cells read from their rows
    /// (row `i / stride` of `rowLines`) become their own.
    mutating func keepLines(rowLines: PackedIntList, stride: Int) {
        guard !keepsLines else { return }
        keepsLines = true
        var kept: [Int32] = []
        kept.reserveCapacity(slots.capacity)
        for i in slots.indices {
            // Only a line that fits in 32 bits is ever packed, so the row's does.
            kept.append(slots[i].hasLine ? Int32(rowLines.value(at: i / stride)!) : 0)
        }
        lines = kept
    }

    /// Re-lays `rows` rows from `oldStride` to `newStride` slots each, the new ones free, with
    /// room for `capacity` slots. Done in place, last slot first: a table's first row widens
    /// slot by slot, and a new array for each step cost more than the moves. Below
    /// `smallTable` slots the room grows by doubling so those steps need no new array either;
    /// a large table gets exactly the room asked for, as a doubled one would be held to the end.
    mutating func relay(rows: Int, from oldStride: Int, to newStride: Int, capacity: Int) {
        let smallTable = 4_096
        let room = capacity < smallTable && capacity > slots.capacity ? min(smallTable, max(capacity, 2 * slots.capacity)) : capacity
        slots.reserveCapacity(room)
        for _ in slots.count..<(rows * newStride) { slots.append(.free) }
        if keepsLines {
            lines.reserveCapacity(room)
            for _ in lines.count..<(rows * newStride) { lines.append(0) }
        }
        // Every slot moves to a place at or after its own, into a free slot: swapping leaves
        // the free one behind without copying the text.
        for r in stride(from: rows - 1, through: 0, by: -1) {
            for c in stride(from: oldStride - 1, through: 0, by: -1) where r * newStride + c != r * oldStride + c {
                slots.swapAt(r * newStride + c, r * oldStride + c)
                if keepsLines {
                    lines[r * newStride + c] = lines[r * oldStride + c]
                    lines[r * oldStride + c] = 0
                }
            }
        }
    }

    /// Drops every slot from `count` on. A large table is copied to its size when the arrays
    /// carry much more room than they hold, so the slack is not carried on.
    mutating func truncate(to count: Int) {
        slots.removeLast(slots.count - count)
        if slots.capacity - count > 1 << 16 { slots = Array(slots[...]) }
        guard keepsLines else { return }
        lines.removeLast(lines.count - count)
        if lines.capacity - count > 1 << 16 { lines = Array(lines[...]) }
    }
}
