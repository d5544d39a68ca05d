/// The weights printed in an indicator's three level labels, in 25 bytes instead of the 48 of
/// three optional numbers.
struct LevelWeights: Sendable, Equatable {
    private var level1 = 0.0
    private var level2 = 0.0
    private var level3 = 0.0
    /// Bit `n` set when the weight of level `n` (0 = 一级) is there.
    private var present: UInt8 = 0

    /// The weight of level 0 (一级), 1 (二级) or 2 (三级).
    subscript(level: Int) -> Double? {
        get {
            guard present & (1 << level) != 0 else { return nil }
            return level == 0 ? level1 : level == 1 ? level2 : level3
        }
        set {
            let number = newValue ?? 0
            switch level {
            case 0: level1 = number
            case 1: level2 = number
            default: level3 = number
            }
            if newValue == nil { present &= ~(1 << level) } else { present |= 1 << level }
        }
    }
}
