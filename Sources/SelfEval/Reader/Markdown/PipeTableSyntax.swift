/// The lines of a GFM pipe table: cells split on unescaped `|`, outer pipes optional, `\|` a
/// literal pipe, and the delimiter row (`|---|:-:|`) that separates the header from the body.
/// Works on UTF-8 bytes because a single OCR line can run to megabytes.
enum PipeTableSyntax {
    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")

    /// True when the line holds a pipe that is not escaped.
    static func hasPipe(_ line: Substring) -> Bool {
        var escaped = false
        for byte in line.utf8 {
            if byte == pipe && !escaped { return true }
            escaped = byte == backslash && !escaped
        }
        return false
    }

    /// A row that starts with a pipe and holds another: a table row even without a delimiter row
    /// (OCR tools drop it), as long as the line is not a TAB-separated record.
    static func isBareRow(_ line: Substring) -> Bool {
        let t = line.utf8.drop(while: { $0 == 0x20 })
        guard t.first == pipe, !line.utf8.contains(0x09) else { return false }
        return hasPipe(Substring(t.dropFirst()))
    }

    /// `| --- | :-: | ---: |` (outer pipes optional): only dashes, colons, spaces and pipes, each
    /// cell holding at least one dash.
    static func isDelimiterRow(_ line: Substring) -> Bool {
        let cells = split(line)
        guard !cells.isEmpty, line.utf8.contains(pipe) || cells.count == 1 && line.utf8.contains(UInt8(ascii: "-")) else { return false }
        return cells.allSatisfy { cell in
            let t = cell.trimmed
            guard t.contains("-") else { return false }
            let body = t.drop(while: { $0 == ":" })
            let core = body.reversed().drop(while: { $0 == ":" })
            return !core.isEmpty && core.allSatisfy { $0 == "-" }
        }
    }

    /// The row's cells, escapes resolved, text otherwise as written (inline HTML is cleaned later).
    static func cells(_ line: Substring) -> [String] {
        split(line, unescaping: true)
    }

    private static func split(_ line: Substring, unescaping: Bool = false) -> [String] {
        let bytes = line.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start < end, bytes[bytes.index(before: end)] == 0x20 || bytes[bytes.index(before: end)] == 0x09 { end = bytes.index(before: end) }
        guard start < end else { return [] }
        if bytes[start] == pipe { start = bytes.index(after: start) }
        if start < end, bytes[bytes.index(before: end)] == pipe {
            let beforePipe = bytes.index(before: end)
            let escaped = beforePipe > start && bytes[bytes.index(before: beforePipe)] == backslash
            if !escaped { end = beforePipe }
        }
        var result: [String] = []
        var cellStart = start
        var i = start
        var escaped = false
        var hasEscapedPipe = false
        func finishCell(at end: Substring.UTF8View.Index) {
            let raw = bytes[cellStart..<end]
            if unescaping && hasEscapedPipe {
                var unescaped: [UInt8] = []
                unescaped.reserveCapacity(raw.count)
                for byte in raw {
                    if byte == pipe, unescaped.last == backslash { unescaped.removeLast() }
                    unescaped.append(byte)
                }
                result.append(String(decoding: unescaped, as: UTF8.self))
            } else {
                result.append(String(decoding: raw, as: UTF8.self))
            }
            hasEscapedPipe = false
        }
        while i < end {
            let byte = bytes[i]
            if byte == pipe {
                if escaped { hasEscapedPipe = true } else {
                    finishCell(at: i)
                    cellStart = bytes.index(after: i)
                }
            }
            escaped = byte == backslash && !escaped
            i = bytes.index(after: i)
        }
        finishCell(at: end)
        return result
    }
}
