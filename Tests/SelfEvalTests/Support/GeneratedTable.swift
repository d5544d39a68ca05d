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
    /// Rows where a page break splits the table: each part is printed as a table of its own
    /// under a `续表` line (no merge crosses a break).
    var breaks: [Int] = []

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

    /// The rows of each printed part, with covered slots pointing into the part.
    var parts: [[[Slot]]] {
        let bounds = [0] + breaks + [rowCount]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            slots[start..<end].map { row in
                row.map { slot in
                    if case .covered(let r, let c) = slot { return .covered(row: r - start, column: c) }
                    return slot
                }
            }
        }
    }

    /// Rows where the table may be split: no merge reaches over the boundary.
    var possibleBreaks: [Int] {
        (1..<max(rowCount, 1)).filter { b in
            anchors.allSatisfy { a in
                guard case .anchor(_, let rs, _) = slots[a.row][a.column] else { return true }
                return a.row >= b || a.row + rs <= b
            }
        }
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
        }.enumerated().map { r, line in breaks.contains(r) ? "— 续表 —\n" + line : line }.joined(separator: "\n")
    }
}
