/// A cell as the source wrote it, anchored at its top-left slot.
public struct TableCell: Sendable, Equatable {
    /// The cell text with its line breaks kept.
    public var text: String
    public var rowSpan: Int
    public var colSpan: Int
    /// Source line where the cell starts, when the format has lines.
    public var line: Int?
    /// Indexes (into the document's tables) of tables nested inside this cell.
    public var nestedTables: [Int]

    public init(text: String, rowSpan: Int = 1, colSpan: Int = 1, line: Int? = nil, nestedTables: [Int] = []) {
        self.text = text
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.line = line
        self.nestedTables = nestedTables
    }
}
