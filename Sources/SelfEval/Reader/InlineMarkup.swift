/// Turns the inline HTML that exports and OCR leave in cell text (`<b>`, `<p>`, `<br>`,
/// entities, checkbox inputs) into plain text. Block tags become line breaks so that a cell's
/// paragraphs stay apart; a checkbox becomes ☑ or ☐ at its place.
public enum InlineMarkup {
    public static func plainText(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "<")) || text.containsByte(UInt8(ascii: "&")) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "<", let (tag, end) = tag(in: text, at: i) {
                out += replacement(forTag: tag, after: out)
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

    private static func replacement(forTag raw: String, after out: String) -> String {
        let lower = raw.lowercased()
        let name = lower.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
        if name == "input" {
            guard lower.contains("checkbox") else { return "" }
            return hasAttribute("checked", in: lower) ? "☑" : "☐"
        }
        if name == "td" || name == "th" { return out.isEmpty || out.last == " " ? "" : " " }
        if blockTags.contains(String(name)) {
            return out.isEmpty || out.last == "\n" ? "" : "\n"
        }
        return ""
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

    private static func collapseBlankLines(_ s: String) -> String {
        var lines = s.lineSlices().map { $0.trimmed }
        lines.removeAll { $0.isEmpty }
        return lines.joined(separator: "\n")
    }
}
