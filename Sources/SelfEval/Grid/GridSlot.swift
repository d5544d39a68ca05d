/// One position of a table's rectangle: either the anchor of a cell or a position covered
/// by a merged cell anchored elsewhere.
public enum GridSlot: Sendable, Equatable {
    case cell(TableCell)
    case covered(anchorRow: Int, anchorColumn: Int)

    public var cell: TableCell? {
        if case .cell(let c) = self { return c }
        return nil
    }

    /// The anchored text, or nil for a covered slot.
    public var text: String? { cell?.text }
}
