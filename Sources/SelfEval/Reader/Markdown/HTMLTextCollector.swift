/// Gathers the text of an HTML element the way a browser shows it: runs of HTML white space are
/// one space, `<br>` and block elements break lines, and blank lines disappear. Keeps the line of
/// the first text it sees so that the result can say where it came from.
struct HTMLTextCollector {
    private(set) var raw = ""
    private(set) var firstLine: Int?

    /// True while no visible character has been added (only spaces and line breaks).
    var isEmpty: Bool { firstLine == nil }

    mutating func append(text: String, line: Int) {
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                pendingSpace = true
            default:
                if pendingSpace { raw.unicodeScalars.append(" ") }
                pendingSpace = false
                raw.unicodeScalars.append(scalar)
                if firstLine == nil { firstLine = line }
            }
        }
        if pendingSpace { raw.unicodeScalars.append(" ") }
    }

    /// A symbol that stands for an element (a checkbox's ☑ or ☐).
    mutating func append(symbol: Character, line: Int) {
        raw.append(symbol)
        if firstLine == nil { firstLine = line }
    }

    mutating func lineBreak() {
        raw.append("\n")
    }

    /// The text with every line trimmed and empty lines dropped.
    var text: String {
        let bytes = raw.utf8
        if !bytes.contains(UInt8(ascii: "\n")), bytes.first != UInt8(ascii: " "), bytes.last != UInt8(ascii: " ") {
            return raw
        }
        return raw.lineSlices(omittingEmpty: true).map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    mutating func reset() {
        raw = ""
        firstLine = nil
    }
}
