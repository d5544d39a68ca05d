/// The first and last scalars of a list of words, to turn away at once a key that is none of
/// the words and starts and ends with none of them: a key equal to a word, or starting (ending)
/// with one, starts (ends) with the word's first (last) scalar. A scalar's UTF-8 bytes are
/// packed in 32 bits and marked in a bitmap of 4,096 bits by their low 12 bits, so a key is
/// turned away on a shift and a mask where a list of scalars is searched; a key that passes
/// may still match no word and goes on to the words themselves.
struct WordEdges: Sendable {
    private var firsts = [UInt64](repeating: 0, count: 64)
    private var lasts = [UInt64](repeating: 0, count: 64)

    init<Words: Sequence<String>>(_ words: Words) {
        for word in words where !word.isEmpty {
            Array(word.utf8).withUnsafeBufferPointer { w in
                Self.mark(Self.firstScalar(of: w), in: &firsts)
                Self.mark(Self.lastScalar(of: w), in: &lasts)
            }
        }
    }

    /// False when the key can neither be a word nor start with one.
    func mayStart(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        !key.isEmpty && Self.isMarked(Self.firstScalar(of: key), in: firsts)
    }

    /// False when the key can neither be a word nor start or end with one.
    func mayFrame(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        !key.isEmpty && (Self.isMarked(Self.firstScalar(of: key), in: firsts) || Self.isMarked(Self.lastScalar(of: key), in: lasts))
    }

    func mayFrame(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { mayFrame($0) }
    }

    /// `mayStart` and `mayFrame` of a non-empty key known only by its first and last scalars,
    /// packed as `firstScalar(of:)` and `lastScalar(of:)` pack them.
    func mayStart(first: UInt32) -> Bool { Self.isMarked(first, in: firsts) }
    func mayFrame(first: UInt32, last: UInt32) -> Bool { Self.isMarked(first, in: firsts) || Self.isMarked(last, in: lasts) }

    private static func mark(_ packed: UInt32, in bits: inout [UInt64]) {
        let slot = Int(packed & 0xFFF)
        bits[slot >> 6] |= 1 << UInt64(slot & 63)
    }

    @inline(__always)
    private static func isMarked(_ packed: UInt32, in bits: [UInt64]) -> Bool {
        let slot = Int(packed & 0xFFF)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// The bytes of the first scalar of non-empty UTF-8, packed (its length read from the lead byte).
    static func firstScalar(of p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = p[0]
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return packed(p, from: 0, to: min(length, p.count))
    }

    /// The bytes of the last scalar of non-empty UTF-8, packed (found by stepping back over continuation bytes).
    static func lastScalar(of p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = p.count - 1
        while start > 0, p.count - start < 4, p[start] & 0xC0 == 0x80 { start -= 1 }
        return packed(p, from: start, to: p.count)
    }

    private static func packed(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt32 {
        var value: UInt32 = 0
        for i in start..<end { value = value << 8 | UInt32(p[i]) }
        return value
    }
}
