/// Gathers the text of an HTML element the way a browser shows it: runs of HTML white space are
/// one space, `<br>` and block elements break lines, and blank lines disappear. Keeps the line of
/// the first text it sees so that the result can say where it came from.
struct HTMLTextCollector {
    private(set) var raw = ""
    private(set) var firstLine: Int?

    var isEmpty: Bool { raw.isBlank }

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
        raw.split(separator: "\n").map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    mutating func reset() {
        raw = ""
        firstLine = nil
    }
}
