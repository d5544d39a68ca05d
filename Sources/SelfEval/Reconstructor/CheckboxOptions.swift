/// Reads a checkbox group (`1、部门预算项目 ☑ 2、省专项 ☐`, or boxes before their labels) into
/// its options and their state.
enum CheckboxOptions {
    static let checked: Character = "☑"
    static let unchecked: Character = "☐"

    /// Most cells hold no box: their bytes are searched for ☑ and ☐ (E2 98 91 and E2 98 90)
    /// before any Character is compared.
    static func containsBox(_ s: String) -> Bool {
        guard s.utf8.withContiguousStorageIfAvailable(hasBoxBytes) ?? true else { return false }
        return s.contains(where: isBox)
    }

    /// `ch == checked || ch == unchecked`, its first scalar looked at first: a Character equal
    /// to a box is the box's scalar alone, and comparing other Characters with it costs.
    static func isBox(_ ch: Character) -> Bool {
        guard let first = ch.unicodeScalars.first, first == "☑" || first == "☐" else { return false }
        return ch == checked || ch == unchecked
    }

    private static func hasBoxBytes(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 2 < p.count {
            if p[i] == 0xE2, p[i + 1] == 0x98, p[i + 2] == 0x90 || p[i + 2] == 0x91 { return true }
            i += 1
        }
        return false
    }

    /// Every option with its state, in printed order; text after the last box with no box of
    /// its own is an option with no box and is left out.
    static func options(in text: String) -> [(label: String, ticked: Bool)] {
        let flat = TextBytes.rewrite(text) { p in p.contains(0x0A) ? p.map { $0 == 0x0A ? 0x20 : $0 } : nil }
        let boxFirst = flat.trimmed.first.map(isBox) ?? false
        var result: [(String, Bool)] = []
        // The text between two boxes is sliced out by its byte offsets, not gathered Character by Character.
        let bytes = flat.utf8
        func slice(from start: Int, to end: Int) -> Substring {
            flat[bytes.index(bytes.startIndex, offsetBy: start)..<bytes.index(bytes.startIndex, offsetBy: end)]
        }
        var offset = 0, pendingStart = 0
        var pendingBox: Bool?
        for ch in flat {
            let length = ch.utf8.count
            if isBox(ch) {
                let state = ch == checked
                let pending = slice(from: pendingStart, to: offset)
                if boxFirst {
                    if let box = pendingBox, let label = cleaned(pending) { result.append((label, box)) }
                    pendingBox = state
                } else if let label = cleaned(pending) {
                    result.append((label, state))
                }
                pendingStart = offset + length
            }
            offset += length
        }
        if boxFirst, let box = pendingBox, let label = cleaned(slice(from: pendingStart, to: offset)) { result.append((label, box)) }
        return result
    }

    /// The text after the last box of a group whose boxes follow their labels: an option
    /// printed without a box, whose state is unknown.
    static func textAfterLastBox(_ text: String) -> String? {
        let flat = text.trimmed
        guard let first = flat.first, !isBox(first), let last = flat.lastIndex(where: isBox) else { return nil }
        let tail = LabelText.compact(String(flat[flat.index(after: last)...]))
        return tail.isEmpty ? nil : tail
    }

    /// An option label without its numbering (`1、`, `2.`, `（3）`).
    private static func cleaned(_ s: Substring) -> String? {
        var t = Substring(s.trimmed)
        if t.first == "（" || t.first == "(" {
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
}
