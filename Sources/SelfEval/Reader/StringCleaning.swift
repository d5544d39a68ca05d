extension Character {
    /// Spaces a form uses for layout: ASCII, ideographic (U+3000), no-break and the other Unicode spaces.
    var isLayoutSpace: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: return true
        default: return false
        }
    }
}

extension StringProtocol {
    /// True when the text holds nothing but spaces and line breaks (ideographic spaces included).
    public var isBlank: Bool { allSatisfy { $0.isLayoutSpace || $0.isNewline } }

    /// The text without leading and trailing spaces and line breaks of any kind.
    public var trimmed: String {
        guard let first = firstIndex(where: { !($0.isLayoutSpace || $0.isNewline) }) else { return "" }
        let last = lastIndex(where: { !($0.isLayoutSpace || $0.isNewline) })!
        return String(self[first...last])
    }
}
