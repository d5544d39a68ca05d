/// A slot as a row's reader needs it: an anchored cell's text and column span, or the row of
/// the cell covering it. Read straight from the packed slot, without making a `TableCell` and
/// looking up its line, which a reader of every slot of every row pays for and never uses.
enum SlotContent: Equatable {
    case cell(text: String, colSpan: Int)
    case covered(anchorRow: Int)

    /// The content of a whole slot.
    init(_ slot: GridSlot) {
        switch slot {
        case .cell(let cell): self = .cell(text: cell.text, colSpan: cell.colSpan)
        case .covered(let anchorRow, _): self = .covered(anchorRow: anchorRow)
        }
    }
}
