/// Gathers the text of an HTML element the way a browser shows it: runs of HTML white space are
/// one space, `<br>` and block elements break lines, and blank lines disappear. Keeps the line of
/// the first text it sees so that the result can say where it came from.
struct HTMLTextCollector {
    /// The UTF-8 bytes gathered so far: HTML white space is ASCII, so the text is gathered
    /// byte by byte rather than scalar by scalar.
    private(set) var raw: [UInt8] = []
    private(set) var firstLine: Int?

    /// True while no visible character has been added (only spaces and line breaks).
    var isEmpty: Bool { firstLine == nil }

    /// Adds a text node's UTF-8 bytes.
    mutating func append(text bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            if Self.isHTMLSpace(bytes[i]) {
                pendingSpace = true
                i += 1
                continue
            }
            if pendingSpace { raw.append(UInt8(ascii: " ")) }
            pendingSpace = false
            if firstLine == nil { firstLine = line }
            let start = i
            while i < bytes.count, !Self.isHTMLSpace(bytes[i]) { i += 1 }
            raw.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        }
        if pendingSpace { raw.append(UInt8(ascii: " ")) }
    }

    /// Space, TAB, LF, CR and form feed: what HTML collapses.
    private static func isHTMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// A symbol that stands for an element (a checkbox's ☑ or ☐).
    mutating func append(symbol: Character, line: Int) {
        raw += symbol.utf8
        if firstLine == nil { firstLine = line }
    }

    mutating func lineBreak() {
        raw.append(UInt8(ascii: "\n"))
    }

    /// The text with every line trimmed and empty lines dropped, done in the bytes: a cell
    /// with `<br>`s would otherwise make a String per line.
    var text: String {
        raw.withUnsafeBufferPointer { bytes in
            guard bytes.firstIndex(of: UInt8(ascii: "\n"), from: 0) != nil || bytes.first == UInt8(ascii: " ")
                    || bytes.last == UInt8(ascii: " ") else {
                return String(decoding: bytes, as: UTF8.self)
            }
            return TextBytes.joinedTrimmedLines(bytes)
        }
    }

    mutating func reset() {
        raw.removeAll(keepingCapacity: true)
        firstLine = nil
    }
}
