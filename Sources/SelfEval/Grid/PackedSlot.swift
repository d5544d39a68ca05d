/// A `GridSlot` in 24 bytes instead of 56: a text and two 32-bit numbers, and a grid of a
/// million rows is mostly these. What kind of slot it is lies in the numbers' signs:
/// - a cell keeps its row span (≥ 1) and its column span, negated when the cell has no line;
/// - a covered slot keeps its anchor row as `-1 - row` (< 0) and its anchor column (≥ 0);
/// - zero first marks a free slot (0, 0) or one kept whole beside the grid (0, 1).
/// A cell's line is not kept here: it is its row's line, or (where some cell's line differs from
/// its row's, as in HTML) the grid's line for that slot. A slot that does not fit (nested tables,
/// a number past 32 bits, a span below 1) is kept whole beside the grid, and marked `wide`.
struct PackedSlot: Sendable, Equatable {
    private var cellText: String
    private var first: Int32
    private var second: Int32

    private init(_ text: String, _ first: Int32, _ second: Int32) {
        self.cellText = text
        self.first = first
        self.second = second
    }

    /// Not yet claimed by any cell, while a grid is being built.
    static let free = PackedSlot("", 0, 0)
    /// Stands for a slot kept whole beside the grid.
    static let wide = PackedSlot("", 0, 1)
    /// What a slot that no cell claimed becomes: an empty cell without a line.
    static let empty = PackedSlot("", 1, -1)

    /// A cell; `hasLine` says whether it has one (kept outside the slot). Nil when a span does
    /// not fit.
    static func cell(_ text: String, rowSpan: Int, colSpan: Int, hasLine: Bool) -> PackedSlot? {
        guard rowSpan >= 1, colSpan >= 1, let rowSpan32 = Int32(exactly: rowSpan),
              let colSpan32 = Int32(exactly: colSpan) else { return nil }
        return PackedSlot(text, rowSpan32, hasLine ? colSpan32 : -colSpan32)
    }

    /// A slot covered by the cell anchored at (row, column); nil when the anchor does not fit.
    static func covered(row: Int, column: Int) -> PackedSlot? {
        guard row >= 0, column >= 0, let row32 = Int32(exactly: row),
              let column32 = Int32(exactly: column) else { return nil }
        return PackedSlot("", -1 - row32, column32)
    }

    private var isCell: Bool { first > 0 }
    private var isCovered: Bool { first < 0 }
    var isFree: Bool { first == 0 && second == 0 }
    var isWide: Bool { first == 0 && second == 1 }

    /// Whether a packed cell has a line (its row's, or the one kept for its slot).
    var hasLine: Bool { isCell && second > 0 }

    /// The slot itself, given the cell's line; only for a slot that is neither free nor wide.
    func slot(line: Int?) -> GridSlot {
        if let anchor { return .covered(anchorRow: anchor.row, anchorColumn: anchor.column) }
        return .cell(TableCell(text: cellText, rowSpan: Int(first), colSpan: Int(second.magnitude),
                               line: hasLine ? line : nil))
    }

    /// What `slot(line:)` holds, without the cell's line; only for a slot neither free nor wide.
    var content: SlotContent {
        isCovered ? .covered(anchorRow: -1 - Int(first)) : .cell(text: cellText, colSpan: Int(second.magnitude))
    }

    /// The same packed cell with another row span (≥ 1), as when a span is cut back.
    func withRowSpan(_ rowSpan: Int32) -> PackedSlot {
        precondition(isCell && rowSpan >= 1, "only a packed cell's row span can change")
        return PackedSlot(cellText, rowSpan, second)
    }

    /// A packed cell's spans; nil for any other slot.
    var spans: (rowSpan: Int, colSpan: Int)? { isCell ? (Int(first), Int(second.magnitude)) : nil }

    /// A packed cell's text; nil for a covered slot (and for a wide one, which the caller looks up).
    var text: String? { isCell ? cellText : nil }

    /// A covered slot's anchor.
    var anchor: (row: Int, column: Int)? { isCovered ? (-1 - Int(first), Int(second)) : nil }
}
