/// A cell that spans more than one slot, as the contract's `merges` entries describe it.
public struct MergedCell: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var colSpan: Int

    public init(row: Int, column: Int, rowSpan: Int, colSpan: Int) {
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.colSpan = colSpan
    }
}
