/// Turns the inline HTML that exports and OCR leave in cell text (`<b>`, `<p>`, `<br>`,
/// entities, checkbox inputs) into plain text. Block tags become line breaks so that a cell's
/// paragraphs stay apart; a checkbox becomes ☑ or ☐ at its place.
public enum InlineMarkup {
    public static func plainText(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "<")) || text.containsByte(UInt8(ascii: "&")) else { return text }
        var copy = text
        if let plain = copy.withUTF8(plainBytes) {
            return plain.withUnsafeBufferPointer(TextBytes.joiningNonBlankLines)
        }
        return plainTextByCharacter(text)
    }

    /// `plainText(text).trimmed`, as every table cell is cleaned, in one look at the bytes: most
    /// cells hold no markup, and then only the trimming is left, which most cells do not need
    /// either; such a cell comes back as it is.
    static func plainTrimmed(_ text: String) -> String {
        var copy = text
        let trimmed = copy.withUTF8 { p -> String? in
            if p.containsByte(UInt8(ascii: "<")) || p.containsByte(UInt8(ascii: "&")) { return nil }
            let kept = TextBytes.trimmedRange(p)
            return kept.count == p.count ? text : String(decoding: UnsafeBufferPointer(rebasing: p[kept]), as: UTF8.self)
        }
        return trimmed ?? plainText(text).trimmed
    }

    /// `plainTrimmed` of the text these UTF-8 bytes spell, for a reader that holds a cell as
    /// bytes: a cell without markup becomes a String once, already trimmed, instead of a String
    /// of its bytes as written that `plainTrimmed` then looks at again and cuts into another.
    static func plainTrimmed(bytes p: UnsafeBufferPointer<UInt8>) -> String {
        if p.containsByte(UInt8(ascii: "<")) || p.containsByte(UInt8(ascii: "&")) {
            return plainText(String(decoding: p, as: UTF8.self)).trimmed
        }
        return String(decoding: UnsafeBufferPointer(rebasing: p[TextBytes.trimmedRange(p)]), as: UTF8.self)
    }

    /// The markup read Character by Character: the rules' own statement, and the way for text
    /// whose markup bytes may not be Characters of their own (`plainBytes` declines it).
    static func plainTextByCharacter(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "<", let (tag, end) = tag(in: text, at: i) {
                out += replacement(forTag: tag, afterLast: out.last)
                i = end
            } else if ch == "&", let (decoded, end) = entity(in: text, at: i) {
                out.append(decoded)
                i = end
            } else {
                out.append(ch)
                i = text.index(after: i)
            }
        }
        return collapseBlankLines(out)
    }

    /// A tag is `<` then a letter, `/` or `!`, up to the next `>` on a bounded stretch; anything
    /// else (`<100`, a lone `<`) is text.
    private static func tag(in text: String, at start: String.Index) -> (String, String.Index)? {
        let next = text.index(after: start)
        guard next < text.endIndex else { return nil }
        let first = text[next]
        guard first == "/" || first == "!" || (first.isASCII && first.isLetter) else { return nil }
        var j = next
        var count = 0
        while j < text.endIndex, count < 2048 {
            if text[j] == ">" {
                return (String(text[next..<j]), text.index(after: j))
            }
            if text[j] == "<" { return nil }
            j = text.index(after: j)
            count += 1
        }
        return nil
    }

    private static let blockTags: Set<String> = ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"]

    /// What a tag becomes, given the last Character written before it (nil at the start).
    private static func replacement(forTag raw: String, afterLast last: Character?) -> String {
        var lower = raw.lowercased()
        if let ascii = lower.withUTF8({ asciiReplacement(forTag: $0, afterLast: last) }) { return ascii }
        let name = lower.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
        if name == "input" {
            guard lower.contains("checkbox") else { return "" }
            return hasAttribute("checked", in: lower) ? "☑" : "☐"
        }
        if name == "td" || name == "th" { return last == nil || last == " " ? "" : " " }
        if blockTags.contains(String(name)) {
            return last == nil || last == "\n" ? "" : "\n"
        }
        return ""
    }

    /// The byte path's last written byte as the Character it ends: a space or a line feed ends
    /// a Character of its own there (`joinsASCII` ruled out a Prepend before it, and decoded
    /// text has no CR), and any other byte stands for "neither".
    private static func replacement(forTag raw: String, afterLast last: UInt8?) -> String {
        let character: Character? = switch last {
        case nil: nil
        case UInt8(ascii: " "): " "
        case UInt8(ascii: "\n"): "\n"
        default: "x"
        }
        return replacement(forTag: raw, afterLast: character)
    }

    /// `replacement` for a lowercased tag that is all ASCII (nearly every tag), read in the
    /// bytes: there a byte search finds what Foundation's `contains` and `range(of:)` find,
    /// at a few hundredths of their cost. Nil for any other tag.
    private static func asciiReplacement(forTag tag: UnsafeBufferPointer<UInt8>, afterLast last: Character?) -> String? {
        guard tag.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = 0
        while start < tag.count, tag[start] == UInt8(ascii: "/") { start += 1 }
        var end = start
        while end < tag.count, TextBytes.isWordByte(tag[end]) { end += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: tag[start..<end]), as: UTF8.self)
        if name == "input" {
            guard firstOffset(of: "checkbox", in: tag, from: 0) != nil else { return "" }
            return hasAttribute("checked", inASCII: tag) ? "☑" : "☐"
        }
        if name == "td" || name == "th" { return last == nil || last == " " ? "" : " " }
        if blockTags.contains(name) {
            return last == nil || last == "\n" ? "" : "\n"
        }
        return ""
    }

    /// `hasAttribute` over ASCII bytes, with the same word edges: a match's left neighbour is
    /// looked for only after the previous match, as `hasAttribute` looks in what is left.
    private static func hasAttribute(_ name: StaticString, inASCII tag: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let r = firstOffset(of: name, in: tag, from: from) {
            let end = r + name.utf8CodeUnitCount
            let before: UInt8? = r > from ? tag[r - 1] : nil
            let after: UInt8? = end < tag.count ? tag[end] : nil
            let startsWord = before == nil || before == 0x20 || before == 0x09 || before == 0x0A
            let endsWord = after == nil || after == 0x20 || after == UInt8(ascii: "=") || after == UInt8(ascii: "/") || after == 0x09 || after == 0x0A
            if startsWord && endsWord { return true }
            from = end
        }
        return false
    }

    private static func firstOffset(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard bytes.count >= n.count else { return nil }
        var i = start
        while i <= bytes.count - n.count {
            if UnsafeBufferPointer(rebasing: bytes[i..<(i + n.count)]).elementsEqual(n) { return i }
            i += 1
        }
        return nil
    }

    private static func hasAttribute(_ name: String, in tag: String) -> Bool {
        var rest = Substring(tag)
        while let r = rest.range(of: name) {
            let before = rest[..<r.lowerBound].last
            let after = rest[r.upperBound...].first
            let startsWord = before == nil || before == " " || before == "\t" || before == "\n"
            let endsWord = after == nil || after == " " || after == "=" || after == "/" || after == "\t" || after == "\n"
            if startsWord && endsWord { return true }
            rest = rest[r.upperBound...]
        }
        return false
    }

    private static let namedEntities: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "mdash": "—", "ndash": "–",
        "hellip": "…", "middot": "·", "times": "×", "divide": "÷", "le": "≤", "ge": "≥",
        "ne": "≠", "plusmn": "±", "deg": "°", "permil": "‰", "yen": "¥", "copy": "©", "reg": "®",
    ]

    private static func entity(in text: String, at start: String.Index) -> (Character, String.Index)? {
        var j = text.index(after: start)
        var name = ""
        while j < text.endIndex, name.count < 12 {
            let c = text[j]
            if c == ";" {
                return decode(name).map { ($0, text.index(after: j)) }
            }
            guard c.isASCII, c.isLetter || c.isNumber || c == "#" else { return nil }
            name.append(c)
            j = text.index(after: j)
        }
        return nil
    }

    private static func decode(_ name: String) -> Character? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map(Character.init)
        }
        return namedEntities[name]
    }

    /// `plainTextByCharacter` over the UTF-8 bytes, copying the text between tags and entities
    /// in runs; nil when the text holds a scalar that could join an ASCII byte into a larger
    /// Character (see `joinsASCII`), where only the Character walk gives the same answer.
    private static func plainBytes(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if joinsASCII(p) { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var run = 0
        var i = 0
        while i < p.count {
            let byte = p[i]
            guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") else {
                i += 1
                continue
            }
            if byte == UInt8(ascii: "<") {
                // A tag whose end lies past 2,048 bytes may still lie within 2,048 Characters.
                guard let end = tagEnd(p, at: i) else {
                    if tagNeedsCharacters(p, at: i) { return nil }
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
                let tag = String(decoding: UnsafeBufferPointer(rebasing: p[(i + 1)..<end]), as: UTF8.self)
                out.append(contentsOf: replacement(forTag: tag, afterLast: out.last).utf8)
                i = end + 1
            } else {
                guard let (decoded, end) = entity(p, at: i) else {
                    i += 1
                    continue
                }
                // A numeric entity can write what the text may not hold (a CR, a Prepend
                // before a space), and `out.last` would then read differently.
                var decodedText = String(decoded)
                if decodedText.withUTF8(joinsASCII) { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
                out.append(contentsOf: decodedText.utf8)
                i = end
            }
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<p.count]))
        return out
    }

    /// The index of the `>` closing the tag that starts at `start`, found as `tag(in:at:)` finds
    /// it, within 2,048 bytes; nil otherwise.
    private static func tagEnd(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let next = start + 1
        guard next < p.count else { return nil }
        let first = p[next]
        guard first == UInt8(ascii: "/") || first == UInt8(ascii: "!") || isASCIILetter(first) else { return nil }
        var j = next
        while j < p.count, j - next < 2048 {
            if p[j] == UInt8(ascii: ">") { return j }
            if p[j] == UInt8(ascii: "<") { return nil }
            j += 1
        }
        return nil
    }

    /// Whether a tag start that `tagEnd` turned down for its length might still be a tag when
    /// counted in Characters: it runs 2,048 bytes with neither `<` nor `>`.
    private static func tagNeedsCharacters(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let next = start + 1
        guard next < p.count, p.count - next > 2048 else { return false }
        let first = p[next]
        guard first == UInt8(ascii: "/") || first == UInt8(ascii: "!") || isASCIILetter(first) else { return false }
        for j in next..<(next + 2048) where p[j] == UInt8(ascii: ">") || p[j] == UInt8(ascii: "<") { return false }
        return true
    }

    /// An entity at `start` (`&name;`, at most twelve ASCII letters, digits or `#`), decoded, and
    /// the index after its `;`.
    private static func entity(_ p: UnsafeBufferPointer<UInt8>, at start: Int) -> (Character, Int)? {
        var j = start + 1
        while j < p.count, j - start - 1 < 12 {
            let c = p[j]
            if c == UInt8(ascii: ";") {
                let name = String(decoding: UnsafeBufferPointer(rebasing: p[(start + 1)..<j]), as: UTF8.self)
                return decode(name).map { ($0, j + 1) }
            }
            guard TextBytes.isWordByte(c) || c == UInt8(ascii: "#") else { return nil }
            j += 1
        }
        return nil
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Whether the text holds a scalar that may share a Character with an ASCII byte next to
    /// it: a Prepend scalar before one, or an Extend, SpacingMark or ZWJ after one (combining
    /// marks, Indic vowel signs, variation selectors, kana voicing marks...). Only lead bytes
    /// of scripts known to hold none pass (CJK ideographs, Latin, Greek, Cyrillic, most general
    /// punctuation); the rest, rare in these forms, go the Character way.
    private static func joinsASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < p.count {
            let b = p[i]
            if b < 0x80 {
                // CR LF is one Character.
                if b == 0x0D { return true }
                i += 1
                continue
            }
            switch b {
            case 0xC2...0xCB, 0xCE...0xD1, 0xE4...0xE9:
                break
            case 0xE2:
                // U+200C, U+200D, U+20C0–U+20FF and the combining marks of U+2CC0–U+2DFF
                // extend; the rest of U+2000–U+2FFF does not.
                guard i + 2 < p.count else { return true }
                let b1 = p[i + 1]
                if (b1 == 0x80 && (p[i + 2] == 0x8C || p[i + 2] == 0x8D)) || b1 == 0x83 || b1 == 0xB3 || b1 == 0xB5 || b1 == 0xB7 { return true }
            case 0xE3:
                // U+302A–U+302F and U+3099–U+309A extend.
                guard i + 2 < p.count else { return true }
                if (p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAF) || (p[i + 1] == 0x82 && (p[i + 2] == 0x99 || p[i + 2] == 0x9A)) { return true }
            case 0xEF:
                // Full-width forms pass; U+FB1E, U+FE00–U+FE0F, U+FE20–U+FE2F and U+FF9E–U+FF9F extend.
                guard i + 2 < p.count else { return true }
                let (b1, b2) = (p[i + 1], p[i + 2])
                if (b1 == 0xAC && b2 == 0x9E) || (b1 == 0xB8 && (b2 <= 0x8F || (b2 >= 0xA0 && b2 <= 0xAF))) || (b1 == 0xBE && b2 >= 0x9E && b2 <= 0x9F) { return true }
            default:
                if b >= 0xC0 { return true }
            }
            i += 1
        }
        return false
    }

    private static func collapseBlankLines(_ s: String) -> String {
        var s = s
        return s.withUTF8(TextBytes.joiningNonBlankLines)
    }
}
