/// A table made up by the property tests: a rectangle of slots, each the anchor of a (possibly
/// merged) cell, a slot covered by an anchor above or to the left, or an empty slot.
struct GeneratedTable {
    enum Slot: Equatable {
        case anchor(String, rowSpan: Int, colSpan: Int)
        case covered(row: Int, column: Int)
        case empty
    }

    var slots: [[Slot]]
    /// A paragraph printed before the table (a form's title), if any.
    var title: String?
    /// What the generator did, for a failure message.
    var notes: [String] = []

    var rowCount: Int { slots.count }
    var columnCount: Int { slots.first?.count ?? 0 }

    /// The text of every anchor that holds something.
    var nonEmptyTexts: [String] {
        slots.flatMap { $0 }.compactMap { slot in
            if case .anchor(let text, _, _) = slot, !text.isBlank { return text }
            return nil
        }
    }

    /// Positions of every anchor.
    var anchors: [(row: Int, column: Int)] {
        var result: [(Int, Int)] = []
        for (r, row) in slots.enumerated() {
            for (c, slot) in row.enumerated() { if case .anchor = slot { result.append((r, c)) } }
        }
        return result
    }

    /// The table with the anchor at (r, c) and every slot it covers made empty.
    func blanking(row r: Int, column c: Int) -> GeneratedTable {
        var copy = self
        guard case .anchor(_, let rs, let cs) = slots[r][c] else { return copy }
        for rr in r..<(r + rs) { for cc in c..<(c + cs) { copy.slots[rr][cc] = .empty } }
        return copy
    }

    /// The rows as text, for a failure message: `a | b⏎c | ·`, with `^` for a slot covered from
    /// above and `<` for one covered from the left.
    var sketch: String {
        slots.enumerated().map { r, row in
            row.map { slot in
                switch slot {
                case .anchor(let t, let rs, let cs):
                    let span = rs > 1 || cs > 1 ? "{\(rs)x\(cs)}" : ""
                    return t.replacingOccurrences(of: "\n", with: "⏎") + span
                case .covered(let ar, _): return ar < r ? "^" : "<"
                case .empty: return "·"
                }
            }.joined(separator: " | ")
        }.joined(separator: "\n")
    }
}
