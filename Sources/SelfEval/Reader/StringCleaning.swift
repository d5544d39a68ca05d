extension Unicode.Scalar {
    /// Spaces a form uses for layout: ASCII, ideographic (U+3000), no-break and the other Unicode spaces.
    var isLayoutSpace: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: return true
        default: return false
        }
    }

    var isLineBreak: Bool { value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 || value == 0x85 }
}

extension Character {
    var isLayoutSpace: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        return scalar.isLayoutSpace
    }
}

extension StringProtocol {
    /// True when the text holds nothing but spaces and line breaks (ideographic spaces included).
    public var isBlank: Bool {
        utf8.withContiguousStorageIfAvailable { TextBytes.trimmedRange($0).isEmpty }
            ?? unicodeScalars.allSatisfy { $0.isLayoutSpace || $0.isLineBreak }
    }

    /// Byte-wise prefix test: no Unicode normalisation, which the header words never need.
    func hasPrefixBytes(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    func hasSuffixBytes(_ suffix: String) -> Bool {
        let count = suffix.utf8.count
        return utf8.count >= count && utf8.suffix(count).elementsEqual(suffix.utf8)
    }

    /// Byte-wise substring test.
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n -> Bool in
            guard let first = n.first else { return true }
            let search = { (hay: UnsafeBufferPointer<UInt8>) -> Bool in
                guard hay.count >= n.count else { return false }
                var i = 0
                while i <= hay.count - n.count {
                    if hay[i] == first, UnsafeBufferPointer(rebasing: hay[i..<(i + n.count)]).elementsEqual(n) { return true }
                    i += 1
                }
                return false
            }
            return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
        }
    }

    /// True when every character is its own NFC form and composes with nothing, as in almost all
    /// form text: then byte comparison finds what canonical (Foundation, `String ==`) comparison
    /// finds. Combining marks, compatibility ideographs, Hangul and the like make it false.
    var isOwnNFC: Bool {
        utf8.allSatisfy { $0 < 0xCC } || unicodeScalars.allSatisfy { u in
            switch u.value {
            case 0..<0x300, 0x2010...0x20CF, 0x2150...0x2328, 0x232B...0x2BFF, 0x2E80...0x2FDF, 0x3000...0x3029,
                 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return true
            default: return false
            }
        }
    }

    /// `contains` of a word, in the bytes where the text is its own NFC form.
    func containsWord(_ word: String) -> Bool { isOwnNFC ? containsBytes(word) : contains(word) }
}

extension Substring {
    /// The text without leading and trailing spaces and line breaks of any kind. Copied from the
    /// trimmed slice, whose bytes a String already holds, rather than decoded from its bytes:
    /// decoding validates them again, which costs twice as much on a paragraph line.
    public var trimmed: String { String(TextBytes.trimmed(self)) }
}

extension String {
    /// The text without leading and trailing spaces and line breaks of any kind; found in the
    /// bytes, since trimming runs on every cell. Text with nothing to trim is returned as it is.
    public var trimmed: String {
        var copy = self
        return copy.withUTF8 { p in
            let kept = TextBytes.trimmedRange(p)
            return kept.count == p.count ? self : String(decoding: UnsafeBufferPointer(rebasing: p[kept]), as: UTF8.self)
        }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// The longest prefix of at most `utf8Count` bytes that ends on a whole scalar: a cut made
    /// to honour a byte limit must not leave half a Chinese character behind.
    func prefix(utf8Count: Int) -> String {
        let bytes = utf8
        guard bytes.count > utf8Count else { return String(self) }
        var end = bytes.index(bytes.startIndex, offsetBy: Swift.max(0, utf8Count))
        while end > bytes.startIndex, bytes[end] & 0xC0 == 0x80 { end = bytes.index(before: end) }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}
