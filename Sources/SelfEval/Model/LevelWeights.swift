/// The weights printed in an indicator's three level labels, in 6 bytes instead of the 48 of
/// three optional numbers: each as hundredths in 16 bits, which printed weights (`40`, `12.5`,
/// `0.25`, up to 327.67) fit exactly. A weight that does not (`2.375`, `400`) is refused (`set`
/// returns false) and the indicator keeps it out of line.
struct LevelWeights: Sendable, Equatable {
    private static let absent = Int16.min
    private var hundredths: (Int16, Int16, Int16) = (absent, absent, absent)

    /// The weight of level 0 (一级), 1 (二级) or 2 (三级), when kept here.
    subscript(level: Int) -> Double? {
        let stored = level == 0 ? hundredths.0 : level == 1 ? hundredths.1 : hundredths.2
        return stored == Self.absent ? nil : Double(stored) / 100
    }

    /// Keeps `weight` (nil clears it); false, with the level cleared, when it does not fit.
    mutating func set(_ weight: Double?, level: Int) -> Bool {
        let packed = weight.flatMap(Self.packed)
        let stored = packed ?? Self.absent
        switch level {
        case 0: hundredths.0 = stored
        case 1: hundredths.1 = stored
        default: hundredths.2 = stored
        }
        return weight == nil || packed != nil
    }

    /// The weight in hundredths when reading them back gives the very same number (never
    /// `absent`: the magnitude stays below it).
    private static func packed(_ weight: Double) -> Int16? {
        let scaled = (weight * 100).rounded()
        guard scaled.magnitude <= Double(Int16.max) else { return nil }
        let packed = Int16(scaled)
        return (Double(packed) / 100).bitPattern == weight.bitPattern ? packed : nil
    }

    static func == (a: LevelWeights, b: LevelWeights) -> Bool {
        (0..<3).allSatisfy { a[$0] == b[$0] }
    }
}
