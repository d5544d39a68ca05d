/// Builds the tree of the one HTML shape OCR tools write (MinerU, PaddleOCR): a block on one
/// line, `<html><body><table><tr><td>…</td></tr></table></body></html>`, cells of text, `<br>`
/// and the common entities, `rowspan`/`colspan` in double quotes. Such a block needs none of
/// libxml2's repairs, and scanning it directly costs a tenth of the parse. Anything else (a
/// line break, another tag or attribute, a character libxml2 would drop) is declined, and the
/// block goes to libxml2; the tree made here is the one libxml2 makes (`HTMLNodeTreeTests`).
enum HTMLSimpleTables {
    static func tree(_ html: String) -> HTMLNodeTree? {
        var html = html
        return html.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.document()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        var tree = HTMLNodeTree()
        var decoded: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func document() -> HTMLNodeTree? {
            guard skip("<html>") else { return nil }
            let html = tree.append(.element, tag: .html, line: 1, to: HTMLNodeTree.root)
            guard skip("<body>") else { return nil }
            let body = tree.append(.element, tag: .body, line: 1, to: html)
            repeat {
                guard table(in: body) else { return nil }
            } while !skip("</body>")
            guard skip("</html>"), at == bytes.count else { return nil }
            tree.prependToDocument(.doctype)
            return tree
        }

        private mutating func table(in parent: Int32) -> Bool {
            guard skip("<table>") else { return false }
            let table = tree.append(.element, tag: .table, line: 1, to: parent)
            while !skip("</table>") {
                guard skip("<tr>") else { return false }
                let row = tree.append(.element, tag: .tr, line: 1, to: table)
                while !skip("</tr>") {
                    guard cell(in: row) else { return false }
                }
            }
            return true
        }

        private mutating func cell(in row: Int32) -> Bool {
            let tag: HTMLTag
            if skip("<td") { tag = .td } else if skip("<th") { tag = .th } else { return false }
            let cell = tree.append(.element, tag: tag, line: 1, to: row)
            var seen: [HTMLNodeTree.AttributeName] = []
            while !skip(">") {
                let name: HTMLNodeTree.AttributeName
                if skip(" rowspan=\"") { name = .rowspan } else if skip(" colspan=\"") { name = .colspan } else { return false }
                let start = at
                while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
                guard at > start, !seen.contains(name) else { return false }
                tree.addAttribute(name, value: UnsafeBufferPointer(rebasing: bytes[start..<at]), to: cell)
                seen.append(name)
                guard skip("\"") else { return false }
            }
            let end: StaticString = tag == .td ? "</td>" : "</th>"
            while !skip(end) {
                if skip("<br>") {
                    tree.append(.element, tag: .br, line: 1, to: cell)
                } else if !text(in: cell) {
                    return false
                }
            }
            return true
        }

        /// A run of text up to the next tag, entities decoded, as one text node.
        private mutating func text(in cell: Int32) -> Bool {
            decoded.removeAll(keepingCapacity: true)
            while at < bytes.count, bytes[at] != UInt8(ascii: "<") {
                if bytes[at] == UInt8(ascii: "&") {
                    guard let character = entity() else { return false }
                    decoded += character
                    continue
                }
                let start = at
                while at < bytes.count {
                    let byte = bytes[at]
                    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                    // libxml2 drops control characters and U+FFFE/U+FFFF from text; a line
                    // break would move the lines it records.
                    if byte < 0x20, byte != 0x09 { return false }
                    if byte == 0xEF, at + 2 < bytes.count, bytes[at + 1] == 0xBF, bytes[at + 2] >= 0xBE { return false }
                    at += 1
                }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
            }
            guard !decoded.isEmpty else { return false }
            let node = tree.append(.text, line: 1, to: cell)
            decoded.withUnsafeBufferPointer { tree.appendText($0, to: node) }
            return true
        }

        private static let entities: [(name: StaticString, character: [UInt8])] = [
            ("&lt;", [0x3C]), ("&gt;", [0x3E]), ("&amp;", [0x26]), ("&quot;", [0x22]), ("&nbsp;", [0xC2, 0xA0]),
        ]

        private mutating func entity() -> [UInt8]? {
            for (name, character) in Self.entities where skip(name) { return character }
            return nil
        }

        /// Steps over `literal` when the bytes continue with it.
        private mutating func skip(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - at >= count else { return false }
            let start = literal.utf8Start
            for i in 0..<count where bytes[at + i] != start[i] { return false }
            at += count
            return true
        }
    }
}
