/// A cell's text made ready for reading: `clean` is `ValueReader.cleanText(text)` and `key` is
/// `LabelText.key(clean: clean)`. Each cleaning step scans the text again; one pass over the
/// bytes first tells when a step would return the text as it is, as it does for most cells
/// (a name, a number, a short phrase of Chinese), and those steps are skipped.
///
/// The key is made the first time it is asked for: the header tests that run on every cell
/// need only `mayOpenBlock`, told from the key's first and last scalars (`KeyEdges`), and most
/// cells of an indicator row are never keyed. A reference, so that the copies of a cell that
/// every test of a row makes share the texts and the key once made, and cost one retain.
final class CellText {
    let text: String
    let clean: String
    /// `HeaderVocabulary.mayOpenBlock(key)`: the block header tests pass over the other cells.
    let mayOpenBlock: Bool
    /// The key's first and last scalars and (at most) its length, known without making it: a
    /// key that starts with none of a vocabulary's words, or is longer than all of them, need
    /// not be made to be looked up there.
    let keyEdges: KeyEdges
    private var madeKey: String?

    init(_ text: String) {
        var copy = text
        // A text that is its own key is clean too; its key's edges are read while its bytes are at hand.
        let (cleanAsIs, ownKeyEdges) = copy.withUTF8 { p -> (Bool, KeyEdges?) in
            Self.isKey(p) ? (true, KeyEdges(ofKey: p)) : (Self.isClean(p), nil)
        }
        self.text = text
        let clean = cleanAsIs ? text : ValueReader.cleanText(text)
        self.clean = clean
        if let ownKeyEdges {
            madeKey = clean
            keyEdges = ownKeyEdges
        } else if let edges = KeyEdges(clean: clean) {
            keyEdges = edges
        } else {
            let key = LabelText.key(clean: clean)
            madeKey = key
            keyEdges = KeyEdges(ofKey: key)
        }
        mayOpenBlock = HeaderVocabulary.mayOpenBlock(keyEdges)
    }

    var key: String {
        if let madeKey { return madeKey }
        let key = LabelText.key(clean: clean)
        madeKey = key
        return key
    }

    /// True when `ValueReader.cleanText` returns the text as it is: no `[` (a bookmark
    /// marker), `\` or `$` (LaTeX), and spaces already collapsed (no space but single ASCII
    /// ones between other characters, no line break at either end).
    private static func isClean(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        !p.contains { $0 == 0x5B || $0 == 0x5C || $0 == 0x24 } && TextCleaning.isCollapsed(p)
    }

    /// True when the text is clean and `LabelText.key(clean:)` returns it as it is: every
    /// scalar is its own NFC form (the ranges of `isOwnNFC`) and none is a layout space, a line
    /// break, a full-width number form or comparison variant, a parenthesis, colon or star, or
    /// a character `cleanText` acts on (`[`, `\`, `$`).
    private static func isKey(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < p.count {
            let b = p[i]
            if b < 0x80 {
                switch b {
                case 0...0x20, 0x7F, 0x24, 0x28, 0x29, 0x2A, 0x3A, 0x5B, 0x5C: return false
                default: i += 1
                }
                continue
            }
            if TextCleaning.isPlainIdeograph(p, i) { i += 3; continue }
            guard let (scalar, length) = TextCleaning.scalar(p, i) else { return false }
            i += length
            switch scalar {
            // Layout spaces and line breaks (U+2000–U+200B lie outside the own-NFC ranges).
            case 0x80...0xA0, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return false
            // Full-width digits, `%`, `.`, `,`, `+`, `-`, `<`, `=`, `>` and `≧`/`≦`, which `halfWidthNumbers` rewrites.
            case 0xFF10...0xFF19, 0xFF05, 0xFF0E, 0xFF0C, 0xFF0B, 0xFF0D, 0xFF1C, 0xFF1D, 0xFF1E, 0x2266, 0x2267: return false
            // `（`, `）` and `：`, which the key drops.
            case 0xFF08, 0xFF09, 0xFF1A: return false
            default: if !TextCleaning.isOwnNFC(scalar: scalar) { return false }
            }
        }
        return true
    }
}
