/// The codes selfeval's own diagnostics use, so that a diagnostic keeps its code as one byte: a
/// large table can carry a note on every row. A code from elsewhere (a library user's, or one
/// added without being listed here) is kept whole, out of line, and reads the same.
enum DiagnosticCodes {
    static let known = [
        "label-shifted", "number-unreadable", "placeholder-row", "unplaced-cell", "unplaced-row", "row-realigned",
        "columns-realigned", "merge-inferred", "ocr-comparator", "option-without-box", "repeated-header",
        "field-repeated", "merged-text-kept", "no-indicators", "not-a-form", "no-table", "table-joined",
        "row-joined", "cell-overlap", "cell-past-grid", "span-clamped", "text-truncated", "text-outside-cells",
        "textbox-skipped", "symbol-unknown", "styles-unreadable", "vmerge-orphan", "nesting-limit",
        "html-too-deep", "html-unreadable", "html-table-unclosed", "unbalanced-quote", "bom-mismatch",
        "encoding-mismatch", "mixed-encoding", "invalid-utf16", "nul-removed", "limit-exceeded",
    ]

    private static let indexes = Dictionary(uniqueKeysWithValues: known.enumerated().map { ($0.element, UInt8($0.offset + 1)) })

    /// The code's number, from 1; nil for a code not listed.
    static func number(of code: String) -> UInt8? { indexes[code] }

    static func code(_ number: UInt8) -> String { known[Int(number) - 1] }
}
