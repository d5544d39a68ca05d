/// A table's true rectangle: every row has `columnCount` slots, merged cells resolved.
public struct TableGrid: Sendable, Equatable {
    public private(set) var slots: [[GridSlot]]
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
        self.slots = slots.map { row in
            row.count < width ? row + Array(repeating: .cell(TableCell(text: "")), count: width - row.count) : row
        }
        self.title = title
        self.location = location
        self.sourceRowWidths = sourceRowWidths ?? slots.map(\.count)
        self.rowLines = rowLines ?? Array(repeating: nil, count: slots.count)
        self.parent = parent
    }

    public var rowCount: Int { slots.count }
    public var columnCount: Int { slots.first?.count ?? 0 }

    public subscript(row: Int, column: Int) -> GridSlot { slots[row][column] }

    /// The text shown at a slot: the anchored text, or the text of the merged cell covering it.
    public func visibleText(row: Int, column: Int) -> String {
        switch slots[row][column] {
        case .cell(let c): return c.text
        case .covered(let r, let c): return slots[r][c].text ?? ""
        }
    }

    /// The anchored text at a slot; nil where the slot is covered by a merge.
    public func text(row: Int, column: Int) -> String? { slots[row][column].text }

    public var merges: [MergedCell] {
        var result: [MergedCell] = []
        for (r, row) in slots.enumerated() {
            for (c, slot) in row.enumerated() {
                if let cell = slot.cell, cell.rowSpan > 1 || cell.colSpan > 1 {
                    result.append(MergedCell(row: r, column: c, rowSpan: cell.rowSpan, colSpan: cell.colSpan))
                }
            }
        }
        return result
    }

    /// Every anchored cell with non-blank text, in reading order.
    public var nonEmptyCells: [(row: Int, column: Int, text: String)] {
        var result: [(Int, Int, String)] = []
        for (r, row) in slots.enumerated() {
            for (c, slot) in row.enumerated() {
                if let t = slot.text, !t.isBlank { result.append((r, c, t)) }
            }
        }
        return result
    }
}
