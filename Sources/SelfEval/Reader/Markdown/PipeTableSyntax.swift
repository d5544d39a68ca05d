/// The lines of a GFM pipe table: cells split on unescaped `|`, outer pipes optional, `\|` a
/// literal pipe, and the delimiter row (`|---|:-:|`) that separates the header from the body.
/// Works on UTF-8 bytes because a single OCR line can run to megabytes.
enum PipeTableSyntax {
    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")

    /// True when the line holds a pipe that is not escaped.
    static func hasPipe(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8(hasPipe(bytes:))
    }

    private static func hasPipe(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.containsByte(pipe) else { return false }
        var escaped = false
        for byte in bytes {
            if byte == pipe && !escaped { return true }
            escaped = byte == backslash && !escaped
        }
        return false
    }

    /// A row that starts with a pipe and holds another: a table row even without a delimiter row
    /// (OCR tools drop it), as long as the line is not a TAB-separated record.
    static func isBareRow(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var i = 0
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            guard i < bytes.count, bytes[i] == pipe, !bytes.containsByte(0x09) else { return false }
            return hasPipe(bytes: UnsafeBufferPointer(rebasing: bytes[(i + 1)...]))
        }
    }

    /// `| --- | :-: | ---: |` (outer pipes optional): only dashes, colons, spaces and pipes, each
    /// cell holding at least one dash. Read in the bytes: a dash or colon that a mark joins is
    /// another Character, and its mark's bytes fail the test as the Character would.
    static func isDelimiterRow(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var cells = 0
            var allCells = true
            forEachCell(bytes) { cell, _ in
                cells += 1
                let t = UnsafeBufferPointer(rebasing: cell[TextBytes.trimmedRange(cell)])
                var start = 0, end = t.count
                while start < end, t[start] == UInt8(ascii: ":") { start += 1 }
                while end > start, t[end - 1] == UInt8(ascii: ":") { end -= 1 }
                if start == end || t[start..<end].contains(where: { $0 != UInt8(ascii: "-") }) { allCells = false }
            }
            guard cells > 0, bytes.containsByte(pipe) || cells == 1 && bytes.containsByte(UInt8(ascii: "-")) else { return false }
            return allCells
        }
    }

    /// The row's cells, escapes resolved, text otherwise as written (inline HTML is cleaned
    /// later). A cell of at most `trimmedUpTo` bytes without markup (`<`, `&`) comes back trimmed,
    /// as the grid cleans every cell (`InlineMarkup.plainTrimmed` of it is then the cell itself):
    /// the padding of `| a | b |` is not copied into a String only to be cut off again.
    static func cells(_ line: Substring, trimmedUpTo maxBytes: Int) -> [String] {
        split(line, unescaping: true, trimmedUpTo: maxBytes)
    }

    /// Works on the line's contiguous bytes: stepping a Substring's UTF-8 index costs a call a byte.
    private static func split(_ line: Substring, unescaping: Bool = false, trimmedUpTo maxBytes: Int = -1) -> [String] {
        var line = line
        return line.withUTF8 { split(bytes: $0, unescaping: unescaping, trimmedUpTo: maxBytes) }
    }

    /// The cell's bytes, trimmed where `cells` says.
    private static func kept(_ cell: UnsafeBufferPointer<UInt8>, trimmedUpTo maxBytes: Int) -> UnsafeBufferPointer<UInt8> {
        guard cell.count <= maxBytes, !cell.containsByte(UInt8(ascii: "<")), !cell.containsByte(UInt8(ascii: "&")) else { return cell }
        return UnsafeBufferPointer(rebasing: cell[TextBytes.trimmedRange(cell)])
    }

    private static func split(bytes: UnsafeBufferPointer<UInt8>, unescaping: Bool, trimmedUpTo maxBytes: Int) -> [String] {
        var result: [String] = []
        forEachCell(bytes, unescaping: unescaping) { cell in
            result.append(String(decoding: kept(cell, trimmedUpTo: maxBytes), as: UTF8.self))
        }
        return result
    }

    /// Calls `body` with each cell's bytes, escapes resolved, text otherwise as written: what
    /// `cells` makes Strings of, for a reader that cleans the bytes itself.
    static func forEachCell(_ line: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var line = line
        line.withUTF8 { forEachCell($0, unescaping: true, body) }
    }

    private static func forEachCell(_ bytes: UnsafeBufferPointer<UInt8>, unescaping: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachCell(bytes) { raw, hasEscapedPipe in
            guard unescaping && hasEscapedPipe else { return body(raw) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(raw.count)
            for byte in raw {
                if byte == pipe, unescaped.last == backslash { unescaped.removeLast() }
                unescaped.append(byte)
            }
            unescaped.withUnsafeBufferPointer(body)
        }
    }

    /// Calls `body` with each cell's bytes as written, and whether they hold an escaped pipe.
    private static func forEachCell(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while start < end, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return }
        if bytes[start] == pipe { start += 1 }
        if start < end, bytes[end - 1] == pipe {
            let escaped = end - 1 > start && bytes[end - 2] == backslash
            if !escaped { end -= 1 }
        }
        var cellStart = start
        var i = start
        var escaped = false
        var hasEscapedPipe = false
        while i < end {
            let byte = bytes[i]
            if byte == pipe {
                if escaped { hasEscapedPipe = true } else {
                    body(UnsafeBufferPointer(rebasing: bytes[cellStart..<i]), hasEscapedPipe)
                    hasEscapedPipe = false
                    cellStart = i + 1
                }
            }
            escaped = byte == backslash && !escaped
            i += 1
        }
        body(UnsafeBufferPointer(rebasing: bytes[cellStart..<end]), hasEscapedPipe)
    }
}
