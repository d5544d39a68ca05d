/// Turns a `w:sym` (or a private-use character in a symbol-font run) into Unicode text.
/// Forms tick options with Wingdings glyphs, so the box glyphs become ☑/☐ and the marks
/// ✓/✗; Symbol supplies the comparison signs budget indicators use (≥95%).
enum WordSymbol {
    enum Font {
        case wingdings, wingdings2, symbol

        init?(name: String) {
            let n = name.lowercased().replacingOccurrences(of: " ", with: "")
            if n == "wingdings" { self = .wingdings }
            else if n == "wingdings2" { self = .wingdings2 }
            else if n == "symbol" { self = .symbol }
            else { return nil }
        }
    }

    /// The text for a symbol code (`F0FE` or `00FE` alike), or nil when it has no known meaning.
    static func text(font: Font, code: UInt32) -> String? {
        let c = code >= 0xF000 && code <= 0xF0FF ? code - 0xF000 : code
        switch font {
        case .wingdings: return wingdings[c]
        case .wingdings2: return wingdings2[c]
        case .symbol: return symbol[c]
        }
    }

    static func text(fontName: String?, hex: String?) -> String? {
        guard let fontName, let font = Font(name: fontName), let hex, let code = UInt32(hex, radix: 16) else { return nil }
        return text(font: font, code: code)
    }

    // Code points after the Wingdings charts (Microsoft's font, Unicode 7.0 mappings).
    private static let wingdings: [UInt32: String] = [
        0xFE: WordCheckbox.checkedGlyph,    // ballot box with check
        0xFD: WordCheckbox.checkedGlyph,    // ballot box with X
        0x78: WordCheckbox.checkedGlyph,    // X in a rectangle box
        0xA8: WordCheckbox.uncheckedGlyph,  // white medium square
        0x6F: WordCheckbox.uncheckedGlyph,  // white square
        0x71: WordCheckbox.uncheckedGlyph,  // shadowed white square
        0x72: WordCheckbox.uncheckedGlyph,  // shadowed white square
        0xFC: "✓", 0xFB: "✗", 0x9F: "•", 0x6C: "●", 0x6E: "■", 0xA7: "▪", 0xD8: "➢", 0xE0: "→",
    ]

    private static let wingdings2: [UInt32: String] = [
        0x52: WordCheckbox.checkedGlyph,    // ballot box with check
        0x53: WordCheckbox.checkedGlyph,    // ballot box with X
        0x54: WordCheckbox.checkedGlyph,    // ballot box with bold X
        0xA3: WordCheckbox.uncheckedGlyph,  // white large square
        0x50: "✓", 0x4F: "✗", 0x51: "✗", 0x96: "●", 0x97: "●", 0x98: "●",
    ]

    private static let symbol: [UInt32: String] = [
        0xB3: "≥", 0xA3: "≤", 0xB9: "≠", 0xBB: "≈", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xB0: "°",
        0xAE: "→", 0xAC: "←", 0xAD: "↑", 0xAF: "↓", 0xB7: "•", 0x2D: "−", 0x3C: "<", 0x3E: ">", 0x3D: "=",
        0x25: "%", 0xA5: "∞", 0xD6: "√", 0xE5: "∑", 0xD7: "·", 0x61: "α", 0x62: "β", 0x67: "γ", 0x64: "δ",
        0x44: "Δ", 0x6D: "μ", 0x70: "π", 0x73: "σ", 0x57: "Ω", 0xB2: "″", 0xA2: "′", 0xBC: "…",
    ]
}
