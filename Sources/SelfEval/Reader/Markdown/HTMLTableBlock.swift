import Foundation

/// Finds where an HTML table written inside Markdown ends: MinerU and PaddleOCR put a whole
/// `<html><body><table>…</table></body></html>` on one line, others spread it over many. The
/// block runs from the line that opens a `<table>` to the first line that ends with every table
/// closed again; a table that never closes runs to the end of the file, as it would in a browser.
enum HTMLTableBlock {
    /// True when the line opens a `<table>` element.
    static func opens(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8(opens(bytes:))
    }

    /// The same test on a line's UTF-8 bytes.
    static func opens(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        scan(bytes) { isClose in
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
            var line = lines[i]
            line.withUTF8 { bytes in
                scan(bytes) { isClose in
                    depth = isClose ? max(0, depth - 1) : depth + 1
                    return true
                }
            }
            if depth == 0 { return (i, true) }
            i += 1
        }
        return (lines.count - 1, false)
    }

    /// Calls `visit` for each `<table` (false) and `</table` (true) tag, in order, until it
    /// returns false. Each `<` is found with memchr.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (_ isClose: Bool) -> Bool) {
        guard let base = bytes.baseAddress else { return }
        let name = "table".utf8
        var i = 0
        while i < bytes.count, let hit = memchr(base + i, Int32(UInt8(ascii: "<")), bytes.count - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var j = i + 1
            var isClose = false
            if j < bytes.count, bytes[j] == UInt8(ascii: "/") { isClose = true; j += 1 }
            var matched = 0
            for byte in name {
                guard j < bytes.count, bytes[j] | 0x20 == byte else { break }
                matched += 1
                j += 1
            }
            if matched == name.count, j == bytes.count || !isNameByte(bytes[j]) {
                if !visit(isClose) { return }
            }
            i = j
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }
}
