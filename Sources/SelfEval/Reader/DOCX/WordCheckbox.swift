/// A checkbox as the document states it, whichever of Word's three encodings carried it
/// (`w14:checkbox` content control, legacy `FORMCHECKBOX` field, or a symbol-font glyph).
/// The state comes from the XML, never from the glyph a content control happens to show.
struct WordCheckbox: Equatable, Sendable {
    var checked: Bool

    static let checkedGlyph = "☑"
    static let uncheckedGlyph = "☐"

    var glyph: String { checked ? Self.checkedGlyph : Self.uncheckedGlyph }

    /// Reads an OOXML on/off value: an absent `val` means on (ST_OnOff), as do `1`, `true`, `on`.
    static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        switch value.lowercased() {
        case "1", "true", "on": return true
        default: return false
        }
    }
}

/// A legacy form checkbox (`w:ffData/w:checkBox`): `w:checked` wins when present, else `w:default`.
struct FormCheckboxState: Equatable, Sendable {
    var checked: Bool?
    var byDefault: Bool?

    var checkbox: WordCheckbox { WordCheckbox(checked: checked ?? byDefault ?? false) }
}
