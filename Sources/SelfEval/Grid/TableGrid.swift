/// A table's true rectangle: every row has `columnCount` slots, merged cells resolved.
/// The slots are kept in one flat array of `PackedSlot`s, row after row: for a table of a
/// million rows that is a third of the memory of an array of `GridSlot` per row.
public struct TableGrid: Sendable, Equatable {
    private var packed: [PackedSlot]
    /// Slots too large to pack, by their index in `packed`.
    private var wide: [Int: GridSlot]
    public private(set) var rowCount: Int
    public private(set) var columnCount: Int
    public var title: String?
    public var location: SourceLocation
    /// How many slots each row had in the source before the rectangle was padded;
    /// the reconstructor uses it to re-align short or long rows.
    public var sourceRowWidths: [Int]
    /// Source line of each row, where the format has lines.
    public var rowLines: [Int?]
    /// Set for a table found inside another table's cell: (table index, row, column).
    public var parent: NestedPosition?

    public struct NestedPosition: Sendable, Equatable {
        public var table: Int
        public var row: Int
        public var column: Int
        public init(table: Int, row: Int, column: Int) {
            self.table = table
            self.row = row
            self.column = column
        }
    }

    public init(slots: [[GridSlot]], title: String? = nil, location: SourceLocation,
                sourceRowWidths: [Int]? = nil, rowLines: [Int?]? = nil, parent: NestedPosition? = nil) {
        let width = slots.map(\.count).max() ?? 0
        var packed: [PackedSlot] = []
        packed.reserveCapacity(slots.count * width)
        var wide: [Int: GridSlot] = [:]
        for row in slots {
            for c in 0..<width {
                let slot = c < row.count ? row[c] : .cell(TableCell(text: ""))
                if let p = PackedSlot(slot) { packed.append(p) } else {
                    wide[packed.count] = slot
                    packed.append(.wide)
                }
            }
        }
        self.init(packed: packed, wide: wide, rowCount: slots.count, columnCount: width, title: title, location: location,
                  sourceRowWidths: sourceRowWidths ?? slots.map(\.count),
                  rowLines: rowLines ?? Array(repeating: nil, count: slots.count), parent: parent)
    }

    /// The grid `GridBuilder` assembled: `packed` holds `rowCount` × `columnCount` slots.
    init(packed: [PackedSlot], wide: [Int: GridSlot], rowCount: Int, columnCount: Int, title: String?,
         location: SourceLocation, sourceRowWidths: [Int], rowLines: [Int?], parent: NestedPosition? = nil) {
        self.packed = packed
        self.wide = wide
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.title = title
        self.location = location
        self.sourceRowWidths = sourceRowWidths
        self.rowLines = rowLines
        self.parent = parent
    }

    /// The rows of slots, built on demand; reading slots one by one with the subscript is cheaper.
    public var slots: [[GridSlot]] {
        (0..<rowCount).map { r in (0..<columnCount).map { self[r, $0] } }
    }

    public subscript(row: Int, column: Int) -> GridSlot {
        let i = index(row, column)
        let p = packed[i]
        return p.isWide ? wide[i]! : p.slot
    }

    /// The text shown at a slot: the anchored text, or the text of the merged cell covering it.
    public func visibleText(row: Int, column: Int) -> String {
        let p = packed[index(row, column)]
        if let anchor = p.anchor { return text(row: anchor.row, column: anchor.column) ?? "" }
        if p.isWide, case .covered(let r, let c) = self[row, column] { return text(row: r, column: c) ?? "" }
        return text(row: row, column: column) ?? ""
    }

    /// The anchored text at a slot; nil where the slot is covered by a merge.
    public func text(row: Int, column: Int) -> String? {
        let i = index(row, column)
        let p = packed[i]
        return p.isWide ? wide[i]!.text : p.text
    }

    public var merges: [MergedCell] {
        var result: [MergedCell] = []
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                let p = packed[index(r, c)]
                let spans = p.isWide ? self[r, c].cell.map { ($0.rowSpan, $0.colSpan) } : p.spans
                if let (rowSpan, colSpan) = spans, rowSpan > 1 || colSpan > 1 {
                    result.append(MergedCell(row: r, column: c, rowSpan: rowSpan, colSpan: colSpan))
                }
            }
        }
        return result
    }

    /// The cells that hold nested tables, in reading order, with those tables' indexes. Only a
    /// slot kept whole can hold any.
    var nestedTables: [(row: Int, column: Int, tables: [Int])] {
        wide.keys.sorted().compactMap { i in
            guard let tables = wide[i]?.cell?.nestedTables, !tables.isEmpty else { return nil }
            return (i / columnCount, i % columnCount, tables)
        }
    }

    /// Every anchored cell with non-blank text, in reading order.
    public var nonEmptyCells: [(row: Int, column: Int, text: String)] {
        var result: [(Int, Int, String)] = []
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                if let t = text(row: r, column: c), !t.isBlank { result.append((r, c, t)) }
            }
        }
        return result
    }

    private func index(_ row: Int, _ column: Int) -> Int {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "slot (\(row), \(column)) is outside the grid")
        return row * columnCount + column
    }
}
