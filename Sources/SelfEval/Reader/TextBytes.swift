import Foundation

/// Byte-level tests behind the cleaning that runs on every cell. Walking a String by Character
/// or by scalar costs a call per step and building one scalar by scalar a call per append; the
/// cleaning only looks for ASCII and a few fixed UTF-8 sequences, whose lead bytes never occur
/// inside another character's encoding, so any byte position may be tested.
enum TextBytes {
    /// Length of the layout space starting at `i` (the same set as `Unicode.Scalar.isLayoutSpace`:
    /// space, TAB, U+00A0, U+2000–U+200B, U+202F, U+205F, U+3000, U+FEFF), or 0.
    @inline(__always)
    static func spaceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        switch p[i] {
        case 0x20, 0x09: return 1
        case 0xC2: return i + 1 < p.count && p[i + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard i + 2 < p.count else { return 0 }
            if p[i + 1] == 0x80, p[i + 2] <= 0x8B || p[i + 2] == 0xAF { return 3 }
            return p[i + 1] == 0x81 && p[i + 2] == 0x9F ? 3 : 0
        case 0xE3: return i + 2 < p.count && p[i + 1] == 0x80 && p[i + 2] == 0x80 ? 3 : 0
        case 0xEF: return i + 2 < p.count && p[i + 1] == 0xBB && p[i + 2] == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// Length of the line break starting at `i` (LF, CR, U+0085, U+2028, U+2029), or 0.
    @inline(__always)
    static func breakLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        switch p[i] {
        case 0x0A, 0x0D: return 1
        case 0xC2: return i + 1 < p.count && p[i + 1] == 0x85 ? 2 : 0
        case 0xE2: return i + 2 < p.count && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// Length of the layout space or line break starting at `i`, or 0.
    @inline(__always)
    static func gapLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        max(spaceLength(p, i), breakLength(p, i))
    }

    /// An ASCII letter or digit: where a dropped space separated two words.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Runs `body` over the string's UTF-8 bytes; a result of nil means "unchanged" and returns
    /// the string itself, so the common case allocates nothing.
    @inline(__always)
    static func rewrite(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> [UInt8]?) -> String {
        var copy = s
        let bytes = copy.withUTF8 { body($0) }
        guard let bytes else { return s }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Rewrites the string from the first byte position where `changes` holds: the bytes before
    /// it are copied as they are and `rest` writes the remainder, starting there. Text where no
    /// position changes, most cells, comes back as it is without a copy. Always inlined, so that
    /// `changes`, asked at every byte, is compiled into the caller's loop rather than called.
    @inline(__always)
    static func rewrite(_ s: String, from changes: (UnsafeBufferPointer<UInt8>, Int) -> Bool,
                        rest: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Void) -> String {
        rewrite(s) { p in
            var i = 0
            while i < p.count, !changes(p, i) { i += 1 }
            guard i < p.count else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[0..<i]))
            rest(p, i, &out)
            return out
        }
    }
}

extension StringProtocol {
    /// The lines between LF bytes, as `split(separator: "\n")` gives them but found in the bytes:
    /// splitting by Character compares every Character of the text. (Decoded text has no CR
    /// left; a CR LF pair, one Character, would split here and keep its CR on the line.)
    func lineSlices(omittingEmpty: Bool = false) -> [SubSequence] {
        splitBytes(UInt8(ascii: "\n"), omittingEmpty: omittingEmpty)
    }

    /// The pieces between `separator` bytes, an ASCII character that is a Character of its own.
    func splitBytes(_ separator: UInt8, omittingEmpty: Bool = false) -> [SubSequence] {
        let bytes = utf8
        // Offsets found with memchr in the contiguous bytes, then turned into indices (constant time on
        // native UTF-8): stepping a UTF8View index costs several calls a byte.
        let cuts: [Int] = bytes.withContiguousStorageIfAvailable { p in
            var cuts: [Int] = []
            guard let base = p.baseAddress else { return cuts }
            var i = 0
            while i < p.count, let hit = memchr(base + i, Int32(separator), p.count - i) {
                let cut = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                cuts.append(cut)
                i = cut + 1
            }
            return cuts
        } ?? bytes.enumerated().filter { $0.element == separator }.map(\.offset)
        var pieces: [SubSequence] = []
        pieces.reserveCapacity(cuts.count + 1)
        var start = bytes.startIndex
        var startOffset = 0
        for cut in cuts {
            let end = bytes.index(start, offsetBy: cut - startOffset)
            if !(omittingEmpty && cut == startOffset) { pieces.append(self[start..<end]) }
            start = bytes.index(after: end)
            startOffset = cut + 1
        }
        if !(omittingEmpty && start == bytes.endIndex) { pieces.append(self[start..<bytes.endIndex]) }
        return pieces
    }

    /// True when the text holds the ASCII byte `b`.
    func containsByte(_ b: UInt8) -> Bool { utf8.containsByte(b) }
}

extension Substring {
    /// The index of the first `byte`, an ASCII character that is a Character of its own, found
    /// with memchr: `utf8.firstIndex(of:)` steps an index a byte at a time.
    func firstIndex(ofByte byte: UInt8) -> Index? {
        var copy = self
        let offset = copy.withUTF8 { $0.firstIndex(of: byte, from: 0) }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` at or after `start`, found with memchr. Always inlined:
    /// every line loop asks it once a line, and the call cost as much as memchr on a short line.
    @inline(__always)
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count, let hit = memchr(base + start, Int32(byte), count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}

extension Collection where Element == UInt8 {
    /// `contains(b)` with `memchr` over contiguous storage: the generic `contains` steps an
    /// index a byte at a time.
    func containsByte(_ b: UInt8) -> Bool {
        withContiguousStorageIfAvailable { p in
            guard let base = p.baseAddress else { return false }
            return memchr(base, Int32(b), p.count) != nil
        } ?? contains(b)
    }
}

extension TextBytes {
    /// The slice without leading and trailing layout spaces and line breaks, found in the bytes:
    /// no copy, unlike `trimmed`.
    static func trimmed(_ s: Substring) -> Substring {
        let bytes = s.utf8
        var copy = s
        let kept = copy.withUTF8(trimmedRange)
        let lo = bytes.index(bytes.startIndex, offsetBy: kept.lowerBound)
        let hi = bytes.index(bytes.endIndex, offsetBy: kept.upperBound - bytes.count)
        return s[lo..<hi]
    }

    /// The lines between LF bytes, each trimmed, the empty ones dropped, joined by LF: what
    /// `lineSlices().map(\.trimmed)` without the empty ones, joined, gives, without a String per
    /// line. Bytes that need nothing of this come back as their String.
    static func joiningNonBlankLines(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.firstIndex(of: UInt8(ascii: "\n"), from: 0) != nil || trimmedRange(bytes).count != bytes.count else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return joinedTrimmedLines(bytes)
    }

    /// The lines between LF bytes, each trimmed, the empty ones dropped, joined by LF, made
    /// whatever the bytes hold (callers skip it where they know there is nothing to do).
    static func joinedTrimmedLines(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            let end = bytes.firstIndex(of: UInt8(ascii: "\n"), from: start) ?? bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let trimmed = trimmedRange(line)
            if !trimmed.isEmpty {
                if !kept.isEmpty { kept.append(UInt8(ascii: "\n")) }
                kept.append(contentsOf: UnsafeBufferPointer(rebasing: line[trimmed]))
            }
            start = end + 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The bytes between leading and trailing layout spaces and line breaks.
    static func trimmedRange(_ p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var i = 0
        while i < p.count {
            let n = gapLength(p, i)
            if n == 0 { break }
            i += n
        }
        // From the end, a gap is the last scalar when one starts where the scalar does: every
        // gap's bytes after its first are continuation bytes, and its first is not one. So the
        // scalar's start is found (at most two continuation bytes back, never before `i`) and
        // asked once, where asking each of the three lengths cost three looks.
        var j = p.count
        while j > i {
            var k = j - 1
            while k > i, j - k < 3, p[k] & 0xC0 == 0x80 { k -= 1 }
            if gapLength(p, k) == j - k {
                j = k
            } else if k == j - 1, j - 3 >= i, p[j - 3] == 0xE2, gapLength(p, j - 3) == 3 {
                // Bytes that are not UTF-8: E2 80 and an ASCII byte, which `spaceLength` reads
                // as a space of three bytes.
                j -= 3
            } else {
                break
            }
        }
        return i..<j
    }
}
