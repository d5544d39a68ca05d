import Foundation

/// A printed label made usable: `产出指标\n(50分)` → name `产出指标`, weight 50; `经济效\n益指标` →
/// `经济效益指标`; `A11部门…（2分）` → code `A11`; a parenthetical remark on its own line kept
/// apart as a note.
struct LabelText {
    var name: String
    var weight: Double?
    var note: String?
    var code: String?

    static func parse(_ raw: String) -> LabelText? { parse(clean: ValueReader.cleanText(raw)) }

    /// `parse` of a text already through `ValueReader.cleanText`.
    static func parse(clean: String) -> LabelText? {
        // Most labels are one line: they are not split and joined again.
        guard clean.containsByte(0x0A) else {
            let trimmed = clean.trimmed
            return trimmed.isEmpty ? nil : parse(compacted: compact(trimmed), note: nil)
        }
        var lines = clean.lineSlices(omittingEmpty: true).map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        var note: String?
        if lines.count >= 2 {
            let tail = lines[1...].joined()
            if let first = tail.first, let last = tail.last, "（(".contains(first), "）)".contains(last), weightIn(tail) == nil {
                note = String(tail.dropFirst().dropLast()).trimmed
                lines = [lines[0]]
            }
        }
        // Without a note the lines are compacted as the whole text is, not joined again first:
        // trimming a line and dropping an empty one take away only gaps, and `compact` drops a
        // gap at either end and makes one space (or none) of a gap between.
        return parse(compacted: compact(note == nil ? clean : lines[0]), note: note)
    }

    /// The label's name, weight and code from its compacted text.
    private static func parse(compacted: String, note: String?) -> LabelText? {
        var text = compacted
        var weight: Double?
        if let (w, start, end) = weightBytes(in: text) {
            weight = w
            text = without(start..<end, in: text)
        }
        guard !text.isEmpty || weight != nil else { return nil }
        return LabelText(name: text, weight: weight, note: note, code: code(of: text))
    }

    /// Removes layout whitespace and line wraps, keeping a single space only between two Latin
    /// letters or digits, where it separates words.
    static func compact(_ s: String) -> String {
        TextBytes.rewrite(s, from: { p, i in gap(p, i) > 0 }) { p, start, out in
            var i = start
            var pendingSpace = false
            while i < p.count {
                let length = gap(p, i)
                if length > 0 {
                    pendingSpace = true
                    i += length
                    continue
                }
                // The last byte out is a letter or digit only when the last character is one.
                if pendingSpace, let last = out.last, TextBytes.isWordByte(last), TextBytes.isWordByte(p[i]) { out.append(0x20) }
                pendingSpace = false
                // The bytes up to the next gap go out together.
                var end = i + 1
                while end < p.count, gap(p, end) == 0 { end += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<end]))
                i = end
            }
        }
    }

    /// `TextBytes.gapLength`, asked only of a byte that can start a gap.
    @inline(__always)
    private static func gap(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        mayStartGapOrForm(p[i]) ? TextBytes.gapLength(p, i) : 0
    }

    /// The `(50分)` / `（30分）` weight in a label, with its range. Found in the bytes: `(`, `（`,
    /// digits, `分` and the closing parenthesis are all characters of their own.
    static func weightIn(_ s: String) -> (Double, Range<String.Index>)? {
        guard let found = weightBytes(in: s) else { return nil }
        let bytes = s.utf8
        return (found.weight, bytes.index(bytes.startIndex, offsetBy: found.start)..<bytes.index(bytes.startIndex, offsetBy: found.end))
    }

    /// `weightIn`, its range as UTF-8 offsets.
    private static func weightBytes(in s: String) -> (weight: Double, start: Int, end: Int)? {
        var copy = s
        return copy.withUTF8 { p -> (weight: Double, start: Int, end: Int)? in
            func spaces(from j: Int) -> Int {
                var j = j
                while j < p.count, case let n = TextBytes.spaceLength(p, j), n > 0 { j += n }
                return j
            }
            func isFullWidth(_ third: UInt8, at j: Int) -> Bool { j + 2 < p.count && p[j] == 0xEF && p[j + 1] == 0xBC && p[j + 2] == third }
            var i = 0
            while i < p.count {
                let open = p[i] == 0x28 ? 1 : isFullWidth(0x88, at: i) ? 3 : 0
                guard open > 0 else { i += 1; continue }
                let digitsStart = spaces(from: i + open)
                var j = digitsStart
                while j < p.count, (0x30...0x39).contains(p[j]) || p[j] == 0x2E { j += 1 }
                let digitsEnd = j
                j = spaces(from: j)
                // 分 is E5 88 86.
                if digitsEnd > digitsStart, j + 2 < p.count, p[j] == 0xE5, p[j + 1] == 0x88, p[j + 2] == 0x86 {
                    j = spaces(from: j + 3)
                    let close = j < p.count && p[j] == 0x29 ? 1 : isFullWidth(0x89, at: j) ? 3 : 0
                    if close > 0, let w = Double(String(decoding: UnsafeBufferPointer(rebasing: p[digitsStart..<digitsEnd]), as: UTF8.self)) {
                        return (w, i, j + close)
                    }
                }
                i += open
            }
            return nil
        }
    }

    /// `s` without the bytes `cut` (whole scalars), trimmed: what `removeSubrange` and then
    /// `trimmed` make, in the bytes, where removing a range of String indexes walked Characters.
    private static func without(_ cut: Range<Int>, in s: String) -> String {
        var copy = s
        return copy.withUTF8 { p in
            var kept: [UInt8] = []
            kept.reserveCapacity(p.count - cut.count)
            kept.append(contentsOf: UnsafeBufferPointer(rebasing: p[..<cut.lowerBound]))
            kept.append(contentsOf: UnsafeBufferPointer(rebasing: p[cut.upperBound...]))
            return kept.withUnsafeBufferPointer { k in
                String(decoding: UnsafeBufferPointer(rebasing: k[TextBytes.trimmedRange(k)]), as: UTF8.self)
            }
        }
    }

    /// A leading letters-then-digits code such as `A11` or `C104`.
    static func code(of name: String) -> String? {
        var copy = name
        let length = copy.withUTF8 { p -> Int in
            var i = 0
            while i < p.count, (0x41...0x5A).contains(p[i]) { i += 1 }
            let letters = i
            while i < p.count, (0x30...0x39).contains(p[i]) { i += 1 }
            return letters > 0 && letters <= 3 && i > letters ? i : 0
        }
        return length > 0 ? String(decoding: name.utf8.prefix(length), as: UTF8.self) : nil
    }

    /// The form a header or label is matched by: compact, without `(A)`/`（万元）`-style
    /// parentheticals, colons and full-width variants.
    static func key(_ raw: String) -> String { key(clean: ValueReader.cleanText(raw)) }

    /// `key` of a text already through `ValueReader.cleanText`: what
    /// `canonical(withoutParentheticals(compact(TextCleaning.halfWidthNumbers(clean))))` makes,
    /// with the first two steps done in one pass over the bytes and one String made at most.
    static func key(clean: String) -> String {
        var copy = clean
        let bytes = copy.withUTF8 { p -> [UInt8]? in
            let compacted = halfWidthCompacted(p)
            guard let compacted else { return withoutParentheticals(p) }
            return compacted.withUnsafeBufferPointer { withoutParentheticals($0) } ?? compacted
        }
        return canonical(bytes.map { String(decoding: $0, as: UTF8.self) } ?? clean)
    }

    /// `compact(TextCleaning.halfWidthNumbers(_:))` of the bytes, or nil when it is the text
    /// itself. Neither a half-width form nor its replacement is a space or line break, so each
    /// character is either replaced or compacted, and the replacement goes through `compact`'s
    /// rule for the space between two words as `compact` would see it.
    private static func halfWidthCompacted(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var i = 0
        while i < p.count, !mayStartGapOrForm(p[i]) || (TextBytes.gapLength(p, i) == 0 && TextCleaning.halfWidthForm(p, i) == nil) { i += 1 }
        guard i < p.count else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[0..<i]))
        var pendingSpace = false
        while i < p.count {
            if !mayStartGapOrForm(p[i]) {
                appendCompacting(p[i], to: &out, pendingSpace: &pendingSpace)
                i += 1
            } else if let replacement = TextCleaning.halfWidthForm(p, i) {
                for b in replacement { appendCompacting(b, to: &out, pendingSpace: &pendingSpace) }
                i += 3
            } else if case let gap = TextBytes.gapLength(p, i), gap > 0 {
                pendingSpace = true
                i += gap
            } else {
                appendCompacting(p[i], to: &out, pendingSpace: &pendingSpace)
                i += 1
            }
        }
        return out
    }

    /// False for a byte that starts neither a space or line break (`TextBytes.gapLength`) nor a
    /// half-width form (`TextCleaning.halfWidthForm`): most bytes, passed over on this one test.
    @inline(__always)
    static func mayStartGapOrForm(_ b: UInt8) -> Bool {
        switch b {
        case 0x09, 0x0A, 0x0D, 0x20, 0xC2, 0xE2, 0xE3, 0xEF: return true
        default: return false
        }
    }

    /// `compact`'s rule for a byte after dropped spaces: one space is kept only between two
    /// Latin letters or digits.
    @inline(__always)
    private static func appendCompacting(_ b: UInt8, to out: inout [UInt8], pendingSpace: inout Bool) {
        if pendingSpace, let last = out.last, TextBytes.isWordByte(last), TextBytes.isWordByte(b) { out.append(0x20) }
        pendingSpace = false
        out.append(b)
    }

    /// The text in NFC, so that keys compare byte by byte as `String ==` compares them (a CJK
    /// compatibility ideograph such as U+F94F equals 累). Text made only of characters that are
    /// their own NFC form, as almost all form text is, is returned as it is.
    static func canonical(_ s: String) -> String {
        var copy = s
        return copy.withUTF8(TextCleaning.isOwnNFC) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// The bytes without `(A)`/`（万元）`-style parentheticals, colons and stars; with an unclosed
    /// parenthesis, only without the colons and stars. Nil when there is nothing to take out.
    private static func withoutParentheticals(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var i = 0
        while i < p.count, keyByte(p, i) == nil { i += 1 }
        guard i < p.count else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[0..<i]))
        var depth = 0
        while i < p.count {
            guard let (kind, length) = keyByte(p, i) else {
                if depth == 0 { out.append(p[i]) }
                i += 1
                continue
            }
            switch kind {
            case .open: depth += 1
            case .close: if depth > 0 { depth -= 1 } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + length)])) }
            case .dropped: break
            }
            i += length
        }
        guard depth > 0 else { return out }
        // An unclosed parenthesis: keep everything but the colons and stars.
        out.removeAll()
        i = 0
        while i < p.count {
            if let (kind, length) = keyByte(p, i), kind == .dropped { i += length; continue }
            out.append(p[i])
            i += 1
        }
        return out
    }

    private enum KeyByteKind { case open, close, dropped }

    /// `(`/`（`, `)`/`）`, or `:`/`：`/`*`, with its byte length.
    @inline(__always)
    private static func keyByte(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (KeyByteKind, Int)? {
        switch p[i] {
        case 0x28: return (.open, 1)
        case 0x29: return (.close, 1)
        case 0x3A, 0x2A: return (.dropped, 1)
        case 0xEF:
            guard i + 2 < p.count, p[i + 1] == 0xBC else { return nil }
            switch p[i + 2] {
            case 0x88: return (.open, 3)
            case 0x89: return (.close, 3)
            case 0x9A: return (.dropped, 3)
            default: return nil
            }
        default: return nil
        }
    }
}
