/// Cleaning shared by values and labels: export markers, LaTeX from OCR, full-width forms.
enum TextCleaning {
    /// Removes `[bookmark: …]` markers that Word exports leave in cell text.
    static func withoutMarkers(_ s: String) -> String {
        guard s.containsByte(UInt8(ascii: "[")), s.containsBytes("[bookmark:") else { return s }
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

    /// The commands OCR writes, longest first so that `\leqslant` is not read as `\le`.
    private static let latexCommands: [(command: [UInt8], symbol: [UInt8])] = [
        ("\\geqslant", "≥"), ("\\leqslant", "≤"), ("\\geq", "≥"), ("\\leq", "≤"), ("\\ge", "≥"), ("\\le", "≤"),
        ("\\neq", "≠"), ("\\sim", "~"), ("\\times", "×"), ("\\div", "÷"), ("\\pm", "±"), ("\\%", "%"),
        ("\\cdot", "·"), ("\\approx", "≈"), ("\\left", ""), ("\\right", ""),
        ("\\text", ""), ("\\mathrm", ""), ("\\mathbf", ""), ("\\textbf", ""), ("\\rm", ""),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }.sorted { $0.command.count > $1.command.count }

    /// Turns OCR's inline LaTeX (`$\geq X$`, `$\text{km}^{2}$`) into plain symbols: commands
    /// become their symbols (wrappers such as `\text` go), and where the text has a `$`, the
    /// dollars and braces go too.
    static func withoutLaTeX(_ s: String) -> String {
        TextBytes.rewrite(s, from: { p, i in p[i] == 0x5C || p[i] == 0x24 }) { p, start, out in
            let math = p[start...].contains(0x24)
            var i = start
            scan: while i < p.count {
                let b = p[i]
                if b == 0x5C {
                    for (command, symbol) in latexCommands where i + command.count <= p.count {
                        if UnsafeBufferPointer(rebasing: p[i..<(i + command.count)]).elementsEqual(command) {
                            out.append(contentsOf: symbol)
                            i += command.count
                            continue scan
                        }
                    }
                }
                if !(math && (b == 0x24 || b == 0x7B || b == 0x7D)) { out.append(b) }
                i += 1
            }
        }
    }

    /// Collapses runs of spaces (ideographic ones included) and trims every line; keeps line
    /// breaks between lines, drops blank lines at the start and the end.
    static func collapsedSpaces(_ s: String) -> String {
        TextBytes.rewrite(s) { p in
            if isCollapsed(p) { return nil }
            var lines: [[UInt8]] = []
            var line: [UInt8] = []
            var pendingSpace = false
            var i = 0
            while i < p.count {
                if p[i] == 0x0A {
                    lines.append(line)
                    line = []
                    pendingSpace = false
                    i += 1
                } else if case let n = TextBytes.spaceLength(p, i), n > 0 {
                    pendingSpace = !line.isEmpty
                    i += n
                } else {
                    if pendingSpace { line.append(0x20) }
                    pendingSpace = false
                    line.append(p[i])
                    i += 1
                }
            }
            lines.append(line)
            while lines.last?.isEmpty == true { lines.removeLast() }
            while lines.first?.isEmpty == true { lines.removeFirst() }
            return Array(lines.joined(separator: [0x0A]))
        }
    }

    /// True when `collapsedSpaces` would return the text unchanged, as it does for most cells:
    /// no blank first or last line, and no space but single ASCII ones between other characters.
    static func isCollapsed(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        if p.first == 0x0A || p.last == 0x0A { return false }
        var atLineStart = true, afterSpace = false
        var i = 0
        while i < p.count {
            if isPlainIdeograph(p, i) {
                atLineStart = false
                afterSpace = false
                i += 3
            } else if p[i] == 0x0A {
                if afterSpace { return false }
                atLineStart = true
                i += 1
            } else if case let n = TextBytes.spaceLength(p, i), n > 0 {
                if p[i] != 0x20 || atLineStart || afterSpace { return false }
                afterSpace = true
                i += n
            } else {
                atLineStart = false
                afterSpace = false
                i += 1
            }
        }
        return !afterSpace
    }

    /// Full-width digits and number punctuation as ASCII, and the variant comparison signs as the
    /// standard ones, so that `５０％` and `≧95%` read like `50%` and `≥95%`.
    static func halfWidthNumbers(_ s: String) -> String {
        TextBytes.rewrite(s, from: { p, i in halfWidthForm(p, i) != nil }) { p, start, out in
            var i = start
            while i < p.count {
                if let replacement = halfWidthForm(p, i) {
                    out.append(contentsOf: replacement)
                    i += 3
                } else {
                    out.append(p[i])
                    i += 1
                }
            }
        }
    }

    private static let greaterEqual = Array("≥".utf8), lessEqual = Array("≤".utf8)
    /// The ASCII form of U+FF00 + (b - 0x80), by b - 0x80: made once, not an array per character.
    private static let asciiForms: [[UInt8]] = (0x80...0xBF).map { [UInt8($0 - 0x60)] }

    /// The replacement for the three-byte character at `i` when it is a full-width digit, `%`,
    /// `.`, `,`, `+`, `-`, `<`, `=`, `>` (U+FF05…U+FF1E) or `≧`/`≦`.
    @inline(__always)
    static func halfWidthForm(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> [UInt8]? {
        guard i + 2 < p.count else { return nil }
        switch p[i] {
        case 0xEF where p[i + 1] == 0xBC:
            switch p[i + 2] {
            // U+FF00 + (b - 0x80) less 0xFEE0 is b - 0x60.
            case 0x90...0x99, 0x85, 0x8E, 0x8C, 0x8B, 0x8D, 0x9C, 0x9D, 0x9E: return asciiForms[Int(p[i + 2]) - 0x80]
            default: return nil
            }
        case 0xE2 where p[i + 1] == 0x89:
            switch p[i + 2] {
            case 0xA7: return greaterEqual
            case 0xA6: return lessEqual
            default: return nil
            }
        default: return nil
        }
    }

    /// `isOwnNFC` of UTF-8 bytes: the same ranges, each scalar decoded from its bytes, where
    /// walking a String's scalars costs a call each.
    static func isOwnNFC(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < p.count {
            if p[i] < 0x80 { i += 1; continue }
            if isPlainIdeograph(p, i) { i += 3; continue }
            guard let (scalar, length) = scalar(p, i), isOwnNFC(scalar: scalar) else { return false }
            i += length
        }
        return true
    }

    /// True at the lead byte of a CJK ideograph from U+4000 to U+9FFF but for U+4DC0–U+4DFF
    /// (the Yijing hexagrams): its own NFC form, and none of the characters that cleaning, keys
    /// or spaces act on. Most of a Chinese text, told on its lead byte where decoding the scalar
    /// and testing its ranges costs several times more.
    @inline(__always)
    static func isPlainIdeograph(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        return (b >= 0xE5 && b <= 0xE9) || (b == 0xE4 && p[i + 1] != 0xB7)
    }

    /// The ranges of characters that are their own NFC form and compose with nothing (see `isOwnNFC`).
    @inline(__always)
    static func isOwnNFC(scalar: UInt32) -> Bool {
        switch scalar {
        case 0..<0x300, 0x2010...0x20CF, 0x2150...0x2328, 0x232B...0x2BFF, 0x2E80...0x2FDF, 0x3000...0x3029,
             0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return true
        default: return false
        }
    }

    /// The two- or three-byte scalar starting at `i` and its length; nil for a four-byte one,
    /// which lies outside every range above.
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let b = p[i]
        if b & 0xE0 == 0xC0, i + 1 < p.count {
            return (UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b & 0xF0 == 0xE0, i + 2 < p.count {
            return (UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        return nil
    }
}
