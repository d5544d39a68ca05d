import Foundation

/// A fixed vocabulary looked up by a label key's bytes. A `Set<String>` or `Dictionary` hashes
/// a Chinese key through Unicode normalisation, thousands of instructions a lookup, and the
/// reconstructor looks up every cell several times; here a key is compared only with the words
/// of its byte length. Keys are NFC (`LabelText.key` makes them so) and so are the words, so
/// byte equality is the canonical equality `String ==` gives.
struct WordTable<Value: Sendable>: Sendable {
    private var buckets: [[(word: [UInt8], value: Value)]] = []

    init(_ entries: [(String, Value)]) {
        for (word, value) in entries {
            let bytes = Array(word.utf8)
            if buckets.count <= bytes.count { buckets += Array(repeating: [], count: bytes.count + 1 - buckets.count) }
            // The first entry for a word wins, as `Dictionary(uniquingKeysWith: { a, _ in a })` kept it.
            if !buckets[bytes.count].contains(where: { $0.word == bytes }) { buckets[bytes.count].append((bytes, value)) }
        }
    }

    /// The byte length of the longest word: a longer key is none of them.
    var longestWord: Int { buckets.count - 1 }

    subscript(key: String) -> Value? {
        var key = key
        return key.withUTF8 { k -> Value? in
            guard k.count < buckets.count else { return nil }
            // Words of the key's length, compared last byte first (the first bytes of Chinese
            // words often agree), then whole with memcmp.
            guard let last = k.last else { return buckets[0].first?.value }
            for entry in buckets[k.count] where entry.word[k.count - 1] == last
                && entry.word.withUnsafeBufferPointer({ memcmp($0.baseAddress!, k.baseAddress!, k.count) == 0 }) {
                return entry.value
            }
            return nil
        }
    }
}

/// A `WordTable` that only says whether a word is in it.
struct WordSet: Sendable {
    private let table: WordTable<Void>

    init(_ words: [String]) {
        table = WordTable(words.map { ($0, ()) })
    }

    func contains(_ key: String) -> Bool { table[key] != nil }

    var longestWord: Int { table.longestWord }
}
