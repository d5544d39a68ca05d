/// A `GridSlot` in 32 bytes instead of 56: spans, anchors and the line fit in 32 bits for every
/// table the limits allow, and a grid of a million rows is mostly these. A slot that does not
/// fit (nested tables, a number past 32 bits) is kept whole beside the grid, and marked `wide`.
struct PackedSlot: Sendable, Equatable {
    private enum Kind: UInt8 { case cell, covered, wide, free }

    private var cellText: String
    /// rowSpan and colSpan of a cell, anchorRow and anchorColumn of a covered slot.
    private var first: Int32
    private var second: Int32
    private var line: Int32
    private var kind: Kind

    private static let noLine = Int32.min

    private init(_ text: String, _ first: Int32, _ second: Int32, _ line: Int32, _ kind: Kind) {
        self.cellText = text
        self.first = first
        self.second = second
        self.line = line
        self.kind = kind
    }

    /// Not yet claimed by any cell, while a grid is being built.
    static let free = PackedSlot("", 0, 0, noLine, .free)
    /// Stands for a slot kept whole beside the grid.
    static let wide = PackedSlot("", 0, 0, noLine, .wide)
    /// What a slot that no cell claimed becomes: an empty cell.
    static let empty = PackedSlot("", 1, 1, noLine, .cell)

    /// Packs `slot`, or returns nil when it must be kept whole.
    init?(_ slot: GridSlot) {
        switch slot {
        case .cell(let cell):
            guard cell.nestedTables.isEmpty, let rowSpan = Int32(exactly: cell.rowSpan),
                  let colSpan = Int32(exactly: cell.colSpan) else { return nil }
            var line = Self.noLine
            if let l = cell.line {
                guard let l32 = Int32(exactly: l), l32 != Self.noLine else { return nil }
                line = l32
            }
            self.init(cell.text, rowSpan, colSpan, line, .cell)
        case .covered(let row, let column):
            guard let row32 = Int32(exactly: row), let column32 = Int32(exactly: column) else { return nil }
            self.init("", row32, column32, Self.noLine, .covered)
        }
    }

    var isFree: Bool { kind == .free }
    var isWide: Bool { kind == .wide }

    /// The slot itself; only for a slot that is neither free nor wide.
    var slot: GridSlot {
        if kind == .covered { return .covered(anchorRow: Int(first), anchorColumn: Int(second)) }
        return .cell(TableCell(text: cellText, rowSpan: Int(first), colSpan: Int(second),
                               line: line == Self.noLine ? nil : Int(line)))
    }

    /// A packed cell's spans; nil for any other slot.
    var spans: (rowSpan: Int, colSpan: Int)? { kind == .cell ? (Int(first), Int(second)) : nil }

    /// A packed cell's text; nil for a covered slot (and for a wide one, which the caller looks up).
    var text: String? { kind == .cell ? cellText : nil }

    /// A covered slot's anchor.
    var anchor: (row: Int, column: Int)? { kind == .covered ? (Int(first), Int(second)) : nil }
}
