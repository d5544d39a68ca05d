/// Words looked for at the start (or either end) of a key, in a fixed order: the first word
/// that the key starts (or ends) with gives its value. The words are kept in one byte buffer and
/// a word is compared in full only when its last byte is where a match would put it, which
/// passes over most words after two byte comparisons: every header cell of every row is
/// looked up here.
struct FramingWords<Value: Sendable>: Sendable {
    private let bytes: [UInt8]
    private let words: [(start: Int, count: Int, value: Value)]
    /// The words' first and last scalars, each's UTF-8 bytes packed in 32 bits: a key that
    /// starts (or ends) with a word starts (or ends) with its scalar, so a key whose first and
    /// last scalars are none of these is turned away before any word is compared, as most
    /// data cells are.
    private let firstScalars: [UInt32]
    private let lastScalars: [UInt32]

    init(_ entries: [(String, Value)]) {
        var bytes: [UInt8] = []
        var words: [(Int, Int, Value)] = []
        var firstScalars: [UInt32] = [], lastScalars: [UInt32] = []
        for (word, value) in entries where !word.isEmpty {
            words.append((bytes.count, word.utf8.count, value))
            bytes += word.utf8
            let (first, last) = Array(word.utf8).withUnsafeBufferPointer { (Self.firstScalar(of: $0), Self.lastScalar(of: $0)) }
            if !firstScalars.contains(first) { firstScalars.append(first) }
            if !lastScalars.contains(last) { lastScalars.append(last) }
        }
        self.bytes = bytes
        self.words = words
        self.firstScalars = firstScalars
        self.lastScalars = lastScalars
    }

    /// The value of the first word that `key` starts with, compared byte by byte.
    func first(startingWith key: String) -> Value? { first(key, orEndingWith: false) }

    /// The value of the first word that `key` starts or ends with, compared byte by byte.
    func first(framing key: String) -> Value? { first(key, orEndingWith: true) }

    private func first(_ key: String, orEndingWith atEnd: Bool) -> Value? {
        var key = key
        return key.withUTF8 { k -> Value? in
            guard !k.isEmpty, firstScalars.contains(Self.firstScalar(of: k)) || (atEnd && lastScalars.contains(Self.lastScalar(of: k))) else { return nil }
            return bytes.withUnsafeBufferPointer { all -> Value? in
                for word in words where word.count <= k.count {
                    let w = UnsafeBufferPointer(rebasing: all[word.start..<(word.start + word.count)])
                    let last = w[w.count - 1]
                    if k[w.count - 1] == last, UnsafeBufferPointer(rebasing: k[0..<w.count]).elementsEqual(w) { return word.value }
                    if atEnd, k[k.count - 1] == last, UnsafeBufferPointer(rebasing: k[(k.count - w.count)...]).elementsEqual(w) { return word.value }
                }
                return nil
            }
        }
    }

    /// The bytes of the first scalar of non-empty UTF-8, packed (its length read from the lead byte).
    private static func firstScalar(of p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = p[0]
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return packed(p, from: 0, to: min(length, p.count))
    }

    /// The bytes of the last scalar of non-empty UTF-8, packed (found by stepping back over continuation bytes).
    private static func lastScalar(of p: UnsafeBufferPointer<UInt8>) -> UInt32 {
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

extension String {
    /// `unicodeScalars.count`, counted in the bytes: every scalar has one byte that is not a
    /// UTF-8 continuation byte.
    var scalarCount: Int {
        var copy = self
        return copy.withUTF8 { p in
            var n = 0
            for b in p where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}
