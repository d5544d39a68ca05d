/// Reads a checkbox group (`1、部门预算项目 ☑ 2、省专项 ☐`, or boxes before their labels) into
/// its options and their state.
enum CheckboxOptions {
    static let checked: Character = "☑"
    static let unchecked: Character = "☐"

    /// Most cells hold no box: their bytes are searched for ☑ and ☐ before any Character is
    /// looked at.
    static func containsBox(_ s: String) -> Bool { !boxes(in: s, first: true).isEmpty }

    /// `ch == checked || ch == unchecked`, its first scalar looked at first: a Character equal
    /// to a box is the box's scalar alone, and comparing other Characters with it costs.
    static func isBox(_ ch: Character) -> Bool {
        guard let first = ch.unicodeScalars.first, first == "☑" || first == "☐" else { return false }
        return ch == checked || ch == unchecked
    }

    /// The boxes in `s` in order (only the first when `first`), by UTF-8 offset. Their bytes
    /// (E2 98 91 and E2 98 90) are found first; a place counts when a Character starts there
    /// and is the box alone (not the box with a variation selector, say), which is what
    /// comparing every Character of the text found, without cutting the rest of it into Characters.
    private static func boxes(in s: String, first: Bool = false) -> [(offset: Int, ticked: Bool)] {
        var found: [(offset: Int, ticked: Bool)] = []
        var copy = s
        copy.withUTF8 { p in
            var from = 0
            while let i = p.firstIndex(of: 0xE2, from: from), i + 2 < p.count {
                if p[i + 1] == 0x98, p[i + 2] == 0x90 || p[i + 2] == 0x91 {
                    if isBoxAlone(p, at: i) || isBoxCharacter(s, at: i) {
                        found.append((i, p[i + 2] == 0x91))
                        if first { return }
                    }
                }
                from = i + 1
            }
        }
        return found
    }

    /// True when the box at byte `i` is a Character alone, told by its neighbours' bytes: a
    /// Character breaks before a box unless a prepended mark or a zero-width joiner stands
    /// before it, and after it unless a mark that extends it follows. ASCII, a CJK ideograph
    /// (lead byte E4–E9) or another box is neither. False leaves it to `isBoxCharacter`.
    private static func isBoxAlone(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        func isPlain(_ j: Int) -> Bool { p[j] < 0x80 || (p[j] >= 0xE4 && p[j] <= 0xE9) }
        let before = i == 0 || p[i - 1] < 0x80 || (i >= 3 && p[i - 3] >= 0xE4 && p[i - 3] <= 0xE9)
        let after = i + 3 == p.count || isPlain(i + 3)
            || (i + 5 < p.count && p[i + 3] == 0xE2 && p[i + 4] == 0x98 && (p[i + 5] == 0x90 || p[i + 5] == 0x91))
        return before && after
    }

    /// True when a Character starts at byte `i` of `s` and is a box alone.
    private static func isBoxCharacter(_ s: String, at i: Int) -> Bool {
        let index = s.utf8.index(s.utf8.startIndex, offsetBy: i)
        return index.samePosition(in: s) != nil && isBox(s[index])
    }

    /// Every option with its state, in printed order; text after the last box with no box of
    /// its own is an option with no box and is left out.
    static func options(in text: String) -> [(label: String, ticked: Bool)] {
        let flat = TextBytes.rewrite(text) { p in p.contains(0x0A) ? p.map { $0 == 0x0A ? 0x20 : $0 } : nil }
        let boxFirst = flat.trimmed.first.map(isBox) ?? false
        var result: [(label: String, ticked: Bool)] = []
        // The text between two boxes is sliced out by its byte offsets, not gathered Character by Character.
        let bytes = flat.utf8
        func slice(from start: Int, to end: Int) -> Substring {
            flat[bytes.index(bytes.startIndex, offsetBy: start)..<bytes.index(bytes.startIndex, offsetBy: end)]
        }
        var pendingStart = 0
        var pendingBox: Bool?
        for box in boxes(in: flat) {
            let pending = slice(from: pendingStart, to: box.offset)
            if boxFirst {
                if let ticked = pendingBox, let label = cleaned(pending) { result.append((label, ticked)) }
                pendingBox = box.ticked
            } else if let label = cleaned(pending) {
                result.append((label, box.ticked))
            }
            // A box is one three-byte scalar.
            pendingStart = box.offset + 3
        }
        if boxFirst, let ticked = pendingBox, let label = cleaned(slice(from: pendingStart, to: bytes.count)) { result.append((label, ticked)) }
        return result
    }

    /// The text after the last box of a group whose boxes follow their labels: an option
    /// printed without a box, whose state is unknown.
    static func textAfterLastBox(_ text: String) -> String? {
        let flat = text.trimmed
        guard let first = flat.first, !isBox(first), let last = boxes(in: flat).last else { return nil }
        let tail = LabelText.compact(String(flat[flat.utf8.index(flat.utf8.startIndex, offsetBy: last.offset + 3)...]))
        return tail.isEmpty ? nil : tail
    }

    /// An option label without its numbering (`1、`, `2.`, `（3）`).
    static func cleaned(_ s: Substring) -> String? {
        var t = Substring(s.trimmed)
        if let afterNumbering = afterPlainNumbering(t) {
            t = afterNumbering
        } else if t.first == "（" || t.first == "(" {
            let inner = t.dropFirst().prefix { $0.isNumber }
            if !inner.isEmpty, let close = t.dropFirst(1 + inner.count).first, close == "）" || close == ")" {
                t = t.dropFirst(2 + inner.count)
            }
        } else {
            let digits = t.prefix { $0.isNumber }
            if !digits.isEmpty, let sep = t.dropFirst(digits.count).first, "、.．)）".contains(sep) {
                t = t.dropFirst(digits.count + 1)
            }
        }
        let label = LabelText.compact(String(t)).trimmed
        return label.isEmpty ? nil : label
    }

    /// The text after a numbering of ASCII digits and one of `、.．)）`, as most options are
    /// numbered, found in the bytes where the Characters were cut and compared one by one. Nil
    /// for any other start, and where the character after the separator could join it into one
    /// Character (anything but ASCII or a CJK ideograph): the Characters decide those.
    private static func afterPlainNumbering(_ t: Substring) -> Substring? {
        let u = t.utf8
        var i = u.startIndex
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard i < u.endIndex, isDigit(u[i]) else { return nil }
        repeat { i = u.index(after: i) } while i < u.endIndex && isDigit(u[i])
        let separator = t.utf8[i...].prefix(3)
        let length: Int
        switch (separator.first, separator.dropFirst().first, separator.dropFirst(2).first) {
        case (0x2E, _, _), (0x29, _, _): length = 1
        // 、 E3 80 81, ．EF BC 8E, ） EF BC 89.
        case (0xE3, 0x80, 0x81), (0xEF, 0xBC, 0x8E), (0xEF, 0xBC, 0x89): length = 3
        default: return nil
        }
        let end = u.index(i, offsetBy: length)
        if end < u.endIndex, case let next = u[end], next >= 0x80, !(0xE4...0xE9).contains(next) { return nil }
        return t[end...]
    }
}
