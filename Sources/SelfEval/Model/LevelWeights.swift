/// The weights printed in an indicator's three level labels, in 14 bytes instead of the 48 of
/// three optional numbers: each as thousandths in 32 bits, which every printed weight (`40`,
/// `12.5`, `2.375`) fits exactly. A weight that does not is refused (`set` returns false) and the
/// indicator keeps it out of line.
struct LevelWeights: Sendable, Equatable {
    private var thousandths: (Int32, Int32, Int32) = (0, 0, 0)
    /// Bit `n` set when the weight of level `n` (0 = 一级) is here.
    private var present: UInt8 = 0

    /// The weight of level 0 (一级), 1 (二级) or 2 (三级), when kept here.
    subscript(level: Int) -> Double? {
        guard present & (1 << level) != 0 else { return nil }
        let stored = level == 0 ? thousandths.0 : level == 1 ? thousandths.1 : thousandths.2
        return Double(stored) / 1000
    }

    /// Keeps `weight` (nil clears it); false, with the level cleared, when it does not fit.
    mutating func set(_ weight: Double?, level: Int) -> Bool {
        let packed = weight.flatMap(Self.packed)
        let stored = packed ?? 0
        switch level {
        case 0: thousandths.0 = stored
        case 1: thousandths.1 = stored
        default: thousandths.2 = stored
        }
        if packed == nil { present &= ~(1 << level) } else { present |= 1 << level }
        return weight == nil || packed != nil
    }

    /// The weight in thousandths when reading them back gives the very same number.
    private static func packed(_ weight: Double) -> Int32? {
        let scaled = (weight * 1000).rounded()
        guard scaled.magnitude < 2_000_000_000 else { return nil }
        let packed = Int32(scaled)
        return (Double(packed) / 1000).bitPattern == weight.bitPattern ? packed : nil
    }

    static func == (a: LevelWeights, b: LevelWeights) -> Bool {
        (0..<3).allSatisfy { a[$0] == b[$0] }
    }
}
