/// Finds where an HTML table written inside Markdown ends: MinerU and PaddleOCR put a whole
/// `<html><body><table>…</table></body></html>` on one line, others spread it over many. The
/// block runs from the line that opens a `<table>` to the first line that ends with every table
/// closed again; a table that never closes runs to the end of the file, as it would in a browser.
enum HTMLTableBlock {
    /// True when the line opens a `<table>` element.
    static func opens(_ line: Substring) -> Bool {
        var found = false
        scan(line) { isClose in
            if !isClose { found = true }
            return !found
        }
        return found
    }

    /// The index of the block's last line, and whether its tables all closed. Scans each line
    /// once, so a file of many blocks costs one pass.
    static func end(startingAt start: Int, in lines: [Substring]) -> (last: Int, closed: Bool) {
        var depth = 0
        var i = start
        while i < lines.count {
            scan(lines[i]) { isClose in
                depth = isClose ? max(0, depth - 1) : depth + 1
                return true
            }
            if depth == 0 { return (i, true) }
            i += 1
        }
        return (lines.count - 1, false)
    }

    /// Calls `visit` for each `<table` (false) and `</table` (true) tag, in order, until it returns false.
    private static func scan(_ line: Substring, _ visit: (_ isClose: Bool) -> Bool) {
        let bytes = line.utf8
        guard bytes.contains(UInt8(ascii: "<")) else { return }
        let name = Array("table".utf8)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "<") else { i = bytes.index(after: i); continue }
            var j = bytes.index(after: i)
            var isClose = false
            if j < bytes.endIndex, bytes[j] == UInt8(ascii: "/") { isClose = true; j = bytes.index(after: j) }
            var k = 0
            while k < name.count, j < bytes.endIndex, bytes[j] | 0x20 == name[k] { k += 1; j = bytes.index(after: j) }
            if k == name.count, j == bytes.endIndex || !isNameByte(bytes[j]) {
                if !visit(isClose) { return }
            }
            i = j > i ? j : bytes.index(after: i)
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }
}
