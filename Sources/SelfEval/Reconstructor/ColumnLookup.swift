/// An `IndicatorLayout`'s roles and label levels by header column, in an array: every cell of
/// an indicator block asks for both, and two dictionary look-ups a cell cost more in hashing
/// than placing the cell.
struct ColumnLookup {
    /// By column: the role's raw value + 1 in the low four bits, the level + 1 in the high four
    /// (0: none).
    private let slots: [UInt8]
    let hasLevel3: Bool
    let hasWeightOrScore: Bool

    init(roles: [Int: HeaderVocabulary.IndicatorColumn], levels: [Int: Int]) {
        let width = max(roles.keys.max() ?? -1, levels.keys.max() ?? -1) + 1
        var slots = [UInt8](repeating: 0, count: width)
        var hasLevel3 = false
        var hasWeightOrScore = false
        for (c, role) in roles where c >= 0 {
            slots[c] |= UInt8(role.rawValue + 1)
            hasLevel3 = hasLevel3 || role == .level3
            hasWeightOrScore = hasWeightOrScore || role == .weight || role == .score
        }
        for (c, level) in levels where c >= 0 {
            slots[c] |= UInt8(level + 1) << 4
        }
        self.slots = slots
        self.hasLevel3 = hasLevel3
        self.hasWeightOrScore = hasWeightOrScore
    }

    func role(ofColumn c: Int) -> HeaderVocabulary.IndicatorColumn? {
        guard c >= 0, c < slots.count, slots[c] & 0xF != 0 else { return nil }
        return HeaderVocabulary.IndicatorColumn(rawValue: Int(slots[c] & 0xF) - 1)
    }

    func level(ofColumn c: Int) -> Int? {
        guard c >= 0, c < slots.count, slots[c] >> 4 != 0 else { return nil }
        return Int(slots[c] >> 4) - 1
    }
}
