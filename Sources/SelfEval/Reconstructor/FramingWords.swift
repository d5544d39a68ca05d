/// Words looked for at the start (or either end) of a key, in a fixed order: the first word
/// that the key starts (or ends) with gives its value. The words are kept in one byte buffer and
/// a word is compared in full only when its last byte is where a match would put it, which
/// passes over most words after two byte comparisons: every header cell of every row is
/// looked up here.
struct FramingWords<Value: Sendable>: Sendable {
    private let bytes: [UInt8]
    private let words: [(start: Int, count: Int, value: Value)]
    /// The words' first and last scalars: a key whose first and last scalars are none of these
    /// is turned away before any word is compared, as most data cells are.
    private let edges: WordEdges

    init(_ entries: [(String, Value)]) {
        var bytes: [UInt8] = []
        var words: [(Int, Int, Value)] = []
        for (word, value) in entries where !word.isEmpty {
            words.append((bytes.count, word.utf8.count, value))
            bytes += word.utf8
        }
        self.bytes = bytes
        self.words = words
        edges = WordEdges(entries.lazy.map(\.0))
    }

    /// False when a key of these edges starts with none of the words: the key need not be made.
    func mayStart(_ key: KeyEdges) -> Bool { key.ends.map { edges.mayStart(first: $0.first) } ?? false }

    /// The value of the first word that `key` starts with, compared byte by byte.
    func first(startingWith key: String) -> Value? { first(key, orEndingWith: false) }

    /// The value of the first word that `key` starts or ends with, compared byte by byte.
    func first(framing key: String) -> Value? { first(key, orEndingWith: true) }

    private func first(_ key: String, orEndingWith atEnd: Bool) -> Value? {
        var key = key
        return key.withUTF8 { k -> Value? in
            guard atEnd ? edges.mayFrame(k) : edges.mayStart(k) else { return nil }
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
