/// What `HTMLTreeWalker` reads from the tree of a simple table block (`HTMLSimpleTables`), made
/// while the block is scanned: the tables, their rows and cells, with the walker's text rules
/// (the same `HTMLTextCollector`), spans and cut-off reports. The tree, its text copy and the
/// walk over it are not made at all for the blocks OCR tools write.
///
/// The walker would read such a block the same way only while its depth guards let the cells be
/// read (html, body, table, tr, td sit at depths 1 to 5) and the element limit holds; otherwise
/// `tables` declines and the block takes the tree's way, which reports what is wrong.
struct SimpleTableWalker: HTMLSimpleTables.Sink {
    /// The deepest element the walker reaches in a simple block: a cell's text is gathered at 5.
    private static let cellDepth = 5

    /// The block's tables as the walker reads them, or nil where the walker must read the tree.
    static func tables(_ html: String, firstLine: Int, limits: ReadLimits) -> [HTMLTable]? {
        guard limits.maxXMLDepth > cellDepth,
              let walker = HTMLSimpleTables.scan(html, into: SimpleTableWalker(line: firstLine, limits: limits)),
              walker.elements <= limits.maxXMLElements else { return nil }
        return walker.tables
    }

    /// Every node of a simple block is on its first line.
    private let line: Int
    private let limits: ReadLimits
    private(set) var tables: [HTMLTable] = []
    private var elements = 0
    private var table = HTMLTable(line: 0)
    private var cells: [HTMLTable.Cell] = []
    /// One collector for every cell, emptied between them: its buffer is kept.
    private var text = HTMLTextCollector()
    private var rowSpan = 1
    private var colSpan = 1

    private init(line: Int, limits: ReadLimits) {
        self.line = line
        self.limits = limits
    }

    mutating func openDocument() { elements += 2 }

    mutating func openTable() {
        elements += 1
        table = HTMLTable(line: line)
    }

    mutating func openRow() {
        elements += 1
        // Rows mostly share a width, as in the walker.
        cells = []
        cells.reserveCapacity(table.rows.last?.cells.count ?? 0)
    }

    mutating func openCell(_ tag: HTMLTag) {
        elements += 1
        text.reset()
        rowSpan = 1
        colSpan = 1
    }

    /// A span's value here is digits only (the scan takes nothing else), which the walker reads
    /// as their number, or `Int.max` past it.
    mutating func attribute(_ name: HTMLNodeTree.AttributeName, value: UnsafeBufferPointer<UInt8>) {
        let number = Int(String(decoding: value, as: UTF8.self)) ?? Int.max
        switch name {
        case .rowspan: rowSpan = number
        case .colspan: colSpan = number
        case .type, .checked: break
        }
    }

    mutating func lineBreak() {
        elements += 1
        text.lineBreak()
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(text: bytes, line: line)
    }

    mutating func closeCell() {
        var value = text.text
        if value.utf8.count > limits.maxCellTextLength {
            table.diagnostics.append(Diagnostic(.warning, "text-truncated",
                limits.exceeded(.cellText, "a cell holds \(value.utf8.count) bytes of text; kept the first \(limits.maxCellTextLength)"),
                row: table.rows.count, line: line))
            value = value.prefix(utf8Count: limits.maxCellTextLength)
        }
        cells.append(HTMLTable.Cell(text: value, rowSpan: rowSpan, colSpan: colSpan, line: line, nested: []))
    }

    mutating func closeRow() {
        table.rows.append(HTMLTable.Row(cells: cells, line: line))
    }

    mutating func closeTable() {
        tables.append(table)
    }

    mutating func closeDocument() {}
}
