/// A printed label made usable: `产出指标\n(50分)` → name `产出指标`, weight 50; `经济效\n益指标` →
/// `经济效益指标`; `A11部门…（2分）` → code `A11`; a parenthetical remark on its own line kept
/// apart as a note.
struct LabelText: Equatable {
    var name: String
    var weight: Double?
    var note: String?
    var code: String?

    static func parse(_ raw: String) -> LabelText? {
        var lines = ValueReader.cleanText(raw).split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        var note: String?
        if lines.count >= 2 {
            let tail = lines[1...].joined()
            if let first = tail.first, let last = tail.last, "（(".contains(first), "）)".contains(last), weightIn(tail) == nil {
                note = String(tail.dropFirst().dropLast()).trimmed
                lines = [lines[0]]
            }
        }
        var text = compact(lines.joined(separator: "\n"))
        var weight: Double?
        if let (w, range) = weightIn(text) {
            weight = w
            text.removeSubrange(range)
            text = text.trimmed
        }
        guard !text.isEmpty || weight != nil else { return nil }
        return LabelText(name: text, weight: weight, note: note, code: code(of: text))
    }

    /// Removes layout whitespace and line wraps, keeping a single space only between two Latin
    /// letters or digits, where it separates words.
    static func compact(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.isLayoutSpace || u.isLineBreak {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last, isWordChar(last), isWordChar(u) { out.append(" ") }
            pendingSpace = false
            out.append(u)
        }
        return String(out)
    }

    private static func isWordChar(_ u: Unicode.Scalar) -> Bool { u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u)) }

    /// The `(50分)` / `（30分）` weight in a label, with its range.
    static func weightIn(_ s: String) -> (Double, Range<String.Index>)? {
        var search = s.startIndex
        while let open = s[search...].firstIndex(where: { $0 == "(" || $0 == "（" }) {
            var j = s.index(after: open)
            var digits = ""
            while j < s.endIndex, s[j].isLayoutSpace { j = s.index(after: j) }
            while j < s.endIndex, s[j].isASCII, s[j].isNumber || s[j] == "." { digits.append(s[j]); j = s.index(after: j) }
            while j < s.endIndex, s[j].isLayoutSpace { j = s.index(after: j) }
            if !digits.isEmpty, j < s.endIndex, s[j] == "分" {
                j = s.index(after: j)
                while j < s.endIndex, s[j].isLayoutSpace { j = s.index(after: j) }
                if j < s.endIndex, s[j] == ")" || s[j] == "）", let w = Double(digits) {
                    return (w, open..<s.index(after: j))
                }
            }
            search = s.index(after: open)
        }
        return nil
    }

    /// A leading letters-then-digits code such as `A11` or `C104`.
    static func code(of name: String) -> String? {
        let letters = name.prefix { $0.isASCII && $0.isUppercase }
        let digits = name.dropFirst(letters.count).prefix { $0.isASCII && $0.isNumber }
        guard !letters.isEmpty, letters.count <= 3, !digits.isEmpty else { return nil }
        return String(letters + digits)
    }

    /// The form a header or label is matched by: compact, without `(A)`/`（万元）`-style
    /// parentheticals, colons and full-width variants.
    static func key(_ raw: String) -> String {
        var s = compact(TextCleaning.halfWidthNumbers(ValueReader.cleanText(raw)))
        guard s.unicodeScalars.contains(where: { $0 == "(" || $0 == "（" || $0 == ":" || $0 == "：" || $0 == "*" }) else { return s }
        var out = String.UnicodeScalarView()
        var depth = 0
        for u in s.unicodeScalars {
            if u == "(" || u == "（" { depth += 1; continue }
            if (u == ")" || u == "）") && depth > 0 { depth -= 1; continue }
            if depth > 0 || u == ":" || u == "：" || u == "*" { continue }
            out.append(u)
        }
        s = depth > 0 ? String(s.unicodeScalars.filter { $0 != ":" && $0 != "：" && $0 != "*" }) : String(out)
        return s
    }
}
