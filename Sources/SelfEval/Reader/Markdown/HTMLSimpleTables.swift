/// Builds the tree of the one HTML shape OCR tools write (MinerU, PaddleOCR): a block on one
/// line, `<html><body><table><tr><td>…</td></tr></table></body></html>`, cells of text, `<br>`
/// and the common entities, `rowspan`/`colspan` in double quotes. Such a block needs none of
/// libxml2's repairs, and scanning it directly costs a tenth of the parse. Anything else (a
/// line break, another tag or attribute, a character libxml2 would drop) is declined, and the
/// block goes to libxml2; the tree made here is the one libxml2 makes (`HTMLNodeTreeTests`).
/// The scan reports what it finds to a `Sink`: the tree, or (`SimpleTableWalker`) the tables
/// the walker would read from that tree, made without the tree.
enum HTMLSimpleTables {
    static func tree(_ html: String) -> HTMLNodeTree? {
        scan(html, into: TreeSink())?.tree
    }

    /// The entities the scan decodes; any other `&` declines the block.
    fileprivate static let entities: [(name: StaticString, character: [UInt8])] = [
        ("&lt;", [0x3C]), ("&gt;", [0x3E]), ("&amp;", [0x26]), ("&quot;", [0x22]), ("&nbsp;", [0xC2, 0xA0]),
    ]

    /// Scans `html` into `sink`; nil when the block is not of the simple shape.
    static func scan<S: Sink>(_ html: String, into sink: S) -> S? {
        var html = html
        return html.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes, sink: sink)
            return scanner.document() ? scanner.sink : nil
        }
    }

    /// What the scan finds, in document order. Every element is on line 1 of the block.
    protocol Sink {
        mutating func openDocument()
        mutating func openTable()
        mutating func openRow()
        mutating func openCell(_ tag: HTMLTag)
        mutating func attribute(_ name: HTMLNodeTree.AttributeName, value: UnsafeBufferPointer<UInt8>)
        mutating func lineBreak()
        /// A run of text up to the next tag, entities decoded; never empty.
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>)
        mutating func closeCell()
        mutating func closeRow()
        mutating func closeTable()
        mutating func closeDocument()
    }

    /// Builds the tree libxml2 would build.
    struct TreeSink: Sink {
        var tree = HTMLNodeTree()
        private var body: Int32 = -1
        private var table: Int32 = -1
        private var row: Int32 = -1
        private var cell: Int32 = -1

        mutating func openDocument() {
            let html = tree.append(.element, tag: .html, line: 1, to: HTMLNodeTree.root)
            body = tree.append(.element, tag: .body, line: 1, to: html)
        }
        mutating func openTable() { table = tree.append(.element, tag: .table, line: 1, to: body) }
        mutating func openRow() { row = tree.append(.element, tag: .tr, line: 1, to: table) }
        mutating func openCell(_ tag: HTMLTag) { cell = tree.append(.element, tag: tag, line: 1, to: row) }
        mutating func attribute(_ name: HTMLNodeTree.AttributeName, value: UnsafeBufferPointer<UInt8>) {
            tree.addAttribute(name, value: value, to: cell)
        }
        mutating func lineBreak() { tree.append(.element, tag: .br, line: 1, to: cell) }
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            let node = tree.append(.text, line: 1, to: cell)
            tree.appendText(bytes, to: node)
        }
        mutating func closeCell() {}
        mutating func closeRow() {}
        mutating func closeTable() {}
        mutating func closeDocument() { tree.prependToDocument(.doctype) }
    }

    private struct Scanner<S: Sink> {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        var sink: S
        var decoded: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, sink: S) {
            self.bytes = bytes
            self.sink = sink
        }

        mutating func document() -> Bool {
            guard skip("<html>"), skip("<body>") else { return false }
            sink.openDocument()
            repeat {
                guard table() else { return false }
            } while !skip("</body>")
            guard skip("</html>"), at == bytes.count else { return false }
            sink.closeDocument()
            return true
        }

        private mutating func table() -> Bool {
            guard skip("<table>") else { return false }
            sink.openTable()
            while !skip("</table>") {
                guard skip("<tr>") else { return false }
                sink.openRow()
                while !skip("</tr>") {
                    guard cell() else { return false }
                }
                sink.closeRow()
            }
            sink.closeTable()
            return true
        }

        private mutating func cell() -> Bool {
            let tag: HTMLTag
            if skip("<td") { tag = .td } else if skip("<th") { tag = .th } else { return false }
            sink.openCell(tag)
            var seen: [HTMLNodeTree.AttributeName] = []
            while !skip(">") {
                let name: HTMLNodeTree.AttributeName
                if skip(" rowspan=\"") { name = .rowspan } else if skip(" colspan=\"") { name = .colspan } else { return false }
                let start = at
                while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
                guard at > start, !seen.contains(name) else { return false }
                sink.attribute(name, value: UnsafeBufferPointer(rebasing: bytes[start..<at]))
                seen.append(name)
                guard skip("\"") else { return false }
            }
            let end: StaticString = tag == .td ? "</td>" : "</th>"
            while !skip(end) {
                if skip("<br>") {
                    sink.lineBreak()
                } else if !text() {
                    return false
                }
            }
            sink.closeCell()
            return true
        }

        /// A run of text up to the next tag, entities decoded, as one text node. A run without
        /// entities (most) is handed over from the block's own bytes; only one with entities is
        /// gathered, decoded, in `decoded`.
        private mutating func text() -> Bool {
            let runStart = at
            var gathered = false
            while at < bytes.count, bytes[at] != UInt8(ascii: "<") {
                if bytes[at] == UInt8(ascii: "&") {
                    if !gathered {
                        decoded.removeAll(keepingCapacity: true)
                        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<at]))
                        gathered = true
                    }
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
                if gathered { decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at])) }
            }
            if gathered {
                guard !decoded.isEmpty else { return false }
                decoded.withUnsafeBufferPointer { sink.text($0) }
            } else {
                guard at > runStart else { return false }
                sink.text(UnsafeBufferPointer(rebasing: bytes[runStart..<at]))
            }
            return true
        }

        private mutating func entity() -> [UInt8]? {
            for (name, character) in HTMLSimpleTables.entities where skip(name) { return character }
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
