/// Tests on eight bytes at once, read as one 64-bit word: the usual bit tricks, for the scans
/// that look for the few bytes that need escaping or quoting in otherwise plain text.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below `limit` (at most 0x80).
    @inline(__always)
    static func hasByte(below limit: UInt64, in word: UInt64) -> Bool { bytesBelow(limit, in: word) != 0 }

    /// Whether some byte of `word` is `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt64, in word: UInt64) -> Bool { bytesEqual(byte, in: word) != 0 }

    /// Not zero when some byte of `word` is below `limit` (at most 0x80): the masks of several
    /// tests can be or-ed and tested with one branch.
    @inline(__always)
    static func bytesBelow(_ limit: UInt64, in word: UInt64) -> UInt64 { (word &- ones &* limit) & ~word & highs }

    /// Not zero when some byte of `word` is `byte`.
    @inline(__always)
    static func bytesEqual(_ byte: UInt64, in word: UInt64) -> UInt64 { bytesBelow(1, in: word ^ (ones &* byte)) }
}
