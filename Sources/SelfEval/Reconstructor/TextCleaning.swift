/// Cleaning shared by values and labels: export markers, LaTeX from OCR, full-width forms.
enum TextCleaning {
    /// Removes `[bookmark: …]` markers that Word exports leave in cell text.
    static func withoutMarkers(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "[")), s.containsBytes("[bookmark:") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "[bookmark:") {
            out += rest[..<r.lowerBound]
            guard let close = rest[r.upperBound...].firstIndex(of: "]") else { rest = rest[r.lowerBound...]; break }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private static let latexSymbols: [(String, String)] = [
        ("\\geqslant", "≥"), ("\\leqslant", "≤"), ("\\geq", "≥"), ("\\leq", "≤"), ("\\ge", "≥"), ("\\le", "≤"),
        ("\\neq", "≠"), ("\\sim", "~"), ("\\times", "×"), ("\\div", "÷"), ("\\pm", "±"), ("\\%", "%"),
        ("\\cdot", "·"), ("\\approx", "≈"), ("\\left", ""), ("\\right", ""),
    ]

    /// Turns OCR's inline LaTeX (`$\geq X$`, `$\text{km}^{2}$`) into plain symbols.
    static func withoutLaTeX(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "$") }) else { return s }
        var t = s
        // Every command starts with a backslash (which has no canonical equivalent), so text
        // with only `$` skips the twenty-one searches.
        if t.utf8.contains(UInt8(ascii: "\\")) {
            for (command, symbol) in latexSymbols where t.contains(command) {
                t = t.replacingOccurrences(of: command, with: symbol)
            }
            for wrapper in ["\\text", "\\mathrm", "\\mathbf", "\\textbf", "\\rm"] where t.contains(wrapper) {
                t = t.replacingOccurrences(of: wrapper, with: "")
            }
        }
        if t.contains("$") {
            t = t.replacingOccurrences(of: "$", with: "")
            t = t.replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "")
        }
        return t
    }

    /// Collapses runs of spaces (ideographic ones included) and trims every line; keeps line breaks.
    static func collapsedSpaces(_ s: String) -> String {
        if isCollapsed(s) { return s }
        var lines: [String.UnicodeScalarView] = []
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u == "\n" {
                lines.append(out)
                out = String.UnicodeScalarView()
                pendingSpace = false
            } else if u.isLayoutSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(u)
            }
        }
        lines.append(out)
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        var result = String.UnicodeScalarView()
        for (i, line) in lines.enumerated() {
            if i > 0 { result.append("\n") }
            result.append(contentsOf: line)
        }
        return String(result)
    }

    /// True when `collapsedSpaces` would return the text unchanged, as it does for most cells:
    /// no blank first or last line, and no space but single ASCII ones between other characters.
    private static func isCollapsed(_ s: String) -> Bool {
        if s.utf8.first == UInt8(ascii: "\n") || s.utf8.last == UInt8(ascii: "\n") { return false }
        var atLineStart = true, afterSpace = false
        for u in s.unicodeScalars {
            if u == "\n" {
                if afterSpace { return false }
                atLineStart = true
            } else if u.isLayoutSpace {
                if u != " " || atLineStart || afterSpace { return false }
                afterSpace = true
            } else {
                atLineStart = false
                afterSpace = false
            }
        }
        return !afterSpace
    }

    /// Full-width digits and number punctuation as ASCII, and the variant comparison signs as the
    /// standard ones, so that `５０％` and `≧95%` read like `50%` and `≥95%`.
    static func halfWidthNumbers(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0xFF01 && $0.value <= 0xFF5E || $0 == "≧" || $0 == "≦" }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19, 0xFF05, 0xFF0E, 0xFF0C, 0xFF0B, 0xFF0D, 0xFF1C, 0xFF1D, 0xFF1E:
                out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            default:
                if u == "≧" { out.append("≥") } else if u == "≦" { out.append("≤") } else { out.append(u) }
            }
        }
        return String(out)
    }

    /// True for CJK ideographs and CJK punctuation, where a line wrap or a space is layout, not a word break.
    static func isCJK(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first else { return false }
        switch u.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x3000...0x303F, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
}
