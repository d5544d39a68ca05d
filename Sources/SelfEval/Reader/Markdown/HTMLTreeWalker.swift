/// Walks the HTML tree into paragraphs and tables in reading order. Text outside tables
/// becomes paragraphs (headings keep their level); each `<table>` becomes an `HTMLTable` whose
/// cells hold plain text: line breaks for `<br>` and block elements, ☑/☐ for checkboxes,
/// entities decoded by the parser, anything else (LaTeX, OCR tokens) left as written.
struct HTMLTreeWalker {
    enum Block {
        case paragraph(Paragraph)
        case table(HTMLTable)
    }

    let tree: HTMLNodeTree
    let limits: ReadLimits
    /// Added to libxml2's line numbers: the Markdown line the HTML started on, minus one.
    let lineOffset: Int
    private(set) var blocks: [Block] = []
    /// Problems that belong to no table (content too deep to walk).
    private(set) var diagnostics: [Diagnostic] = []
    private var paragraph = HTMLTextCollector()

    init(tree: HTMLNodeTree, limits: ReadLimits, lineOffset: Int) {
        self.tree = tree
        self.limits = limits
        self.lineOffset = lineOffset
    }

    private typealias Node = Int32

    private func line(_ node: Node) -> Int { tree.line(of: node) + lineOffset }

    private func isText(_ node: Node) -> Bool {
        let kind = tree[node].kind
        return kind == .text || kind == .cdata
    }

    private func isBlankText(_ node: Node) -> Bool { tree.withText(of: node) { TextBytes.trimmedRange($0).isEmpty } }

    private func append(text node: Node, to collector: inout HTMLTextCollector) {
        let line = line(node)
        tree.withText(of: node) { collector.append(text: $0, line: line) }
    }

    // MARK: Text outside tables

    mutating func walk(_ node: Int32, depth: Int = 0) {
        guard depth < limits.maxXMLDepth else {
            diagnostics.append(Diagnostic(.warning, "html-too-deep",
                limits.exceeded(.xmlDepth, "HTML nested deeper than \(limits.maxXMLDepth) elements was not read"), line: line(node)))
            return
        }
        for child in tree.children(of: node) {
            if isText(child) {
                append(text: child, to: &paragraph)
                continue
            }
            guard tree[child].kind == .element else { continue }
            let tag = tree[child].tag
            if tag.isSkipped { continue }
            if tag == .table {
                finishParagraph()
                blocks.append(.table(table(child, nesting: 0, depth: depth + 1)))
            } else if tag == .br {
                paragraph.lineBreak()
            } else if tag == .input {
                if let box = checkbox(child) { paragraph.append(symbol: box, line: line(child)) }
            } else if let level = tag.headingLevel {
                finishParagraph()
                walk(child, depth: depth + 1)
                finishParagraph(headingLevel: level)
            } else if tag.isBlock {
                finishParagraph()
                walk(child, depth: depth + 1)
                finishParagraph()
            } else {
                walk(child, depth: depth + 1)
            }
        }
    }

    /// Ends the paragraph being gathered, if it holds any text.
    mutating func finishParagraph(headingLevel: Int? = nil) {
        defer { paragraph.reset() }
        guard !paragraph.isEmpty, let first = paragraph.firstLine else { return }
        blocks.append(.paragraph(Paragraph(text: paragraph.text, headingLevel: headingLevel, location: .line(first))))
    }

    private func checkbox(_ node: Node) -> Character? {
        guard tree.attribute(.type, of: node)?.trimmed.lowercased() == "checkbox" else { return nil }
        return tree.attribute(.checked, of: node) != nil ? "☑" : "☐"
    }

    // MARK: Tables

    /// Reads a `<table>`: rows from `<tr>` (directly or inside `<thead>`, `<tbody>`, `<tfoot>`,
    /// in source order), cells from `<td>`/`<th>`. Cells found outside any row form a row of their
    /// own; text or tables found between rows are reported, never dropped silently.
    private func table(_ node: Node, nesting: Int, depth: Int) -> HTMLTable {
        var result = HTMLTable(line: line(node))
        var loose: [HTMLTable.Cell] = []
        var looseLine = 0

        func endLooseRow(_ table: inout HTMLTable) {
            guard !loose.isEmpty else { return }
            table.rows.append(HTMLTable.Row(cells: loose, line: looseLine))
            loose = []
        }

        func collect(_ parent: Node, depth: Int, into table: inout HTMLTable) {
            guard depth < limits.maxXMLDepth else {
                table.diagnostics.append(Diagnostic(.warning, "html-too-deep",
                    limits.exceeded(.xmlDepth, "table markup nested deeper than \(limits.maxXMLDepth) elements was not read"), line: line(parent)))
                return
            }
            for child in tree.children(of: parent) {
                if isText(child) {
                    if !isBlankText(child) {
                        table.diagnostics.append(Diagnostic(.warning, "text-outside-cells",
                            "text between the table's rows is not in any cell: \(Self.excerpt(tree.string(of: child)))", line: line(child)))
                    }
                    continue
                }
                guard tree[child].kind == .element else { continue }
                switch tree[child].tag {
                case .tr:
                    endLooseRow(&table)
                    let rowIndex = table.rows.count
                    var cells: [HTMLTable.Cell] = []
                    // Rows mostly share a width: room for the last row's cells spares the
                    // array's growing by doubling, a copy and a free each time.
                    cells.reserveCapacity(table.rows.last?.cells.count ?? 0)
                    gatherCells(child, rowIndex: rowIndex, nesting: nesting, depth: depth + 1, into: &cells, table: &table)
                    table.rows.append(HTMLTable.Row(cells: cells, line: line(child)))
                case .td, .th:
                    if loose.isEmpty { looseLine = line(child) }
                    loose.append(cell(child, rowIndex: table.rows.count, nesting: nesting, depth: depth + 1, table: &table))
                case .caption:
                    var text = HTMLTextCollector()
                    var none: [HTMLTable] = []
                    gatherText(child, into: &text, nesting: nesting, depth: depth + 1, keepsNested: false, nested: &none, table: &table)
                    if !text.isEmpty { table.caption = text.text }
                case .table:
                    table.diagnostics.append(Diagnostic(.warning, "text-outside-cells",
                        "a table sits between the rows of another, outside any cell; its text was kept as a row", line: line(child)))
                    endLooseRow(&table)
                    var text = HTMLTextCollector()
                    var none: [HTMLTable] = []
                    gatherText(child, into: &text, nesting: nesting, depth: depth + 1, keepsNested: false, nested: &none, table: &table)
                    if !text.isEmpty {
                        table.rows.append(HTMLTable.Row(cells: [HTMLTable.Cell(text: text.text, rowSpan: 1, colSpan: 1, line: line(child), nested: [])], line: line(child)))
                    }
                case .colgroup, .col, .script, .style:
                    continue
                default:
                    collect(child, depth: depth + 1, into: &table)
                }
            }
        }

        collect(node, depth: depth, into: &result)
        endLooseRow(&result)
        return result
    }

    /// The cells of one `<tr>`; wrappers between the row and its cells are looked through.
    private func gatherCells(_ row: Node, rowIndex: Int, nesting: Int, depth: Int, into cells: inout [HTMLTable.Cell], table: inout HTMLTable) {
        guard depth < limits.maxXMLDepth else { return }
        for child in tree.children(of: row) {
            if isText(child) {
                if !isBlankText(child) {
                    table.diagnostics.append(Diagnostic(.warning, "text-outside-cells",
                        "text inside a row but outside its cells: \(Self.excerpt(tree.string(of: child)))", row: rowIndex, line: line(child)))
                }
                continue
            }
            guard tree[child].kind == .element else { continue }
            switch tree[child].tag {
            case .td, .th: cells.append(cell(child, rowIndex: rowIndex, nesting: nesting, depth: depth + 1, table: &table))
            case .script, .style: continue
            default: gatherCells(child, rowIndex: rowIndex, nesting: nesting, depth: depth + 1, into: &cells, table: &table)
            }
        }
    }

    private func cell(_ node: Node, rowIndex: Int, nesting: Int, depth: Int, table: inout HTMLTable) -> HTMLTable.Cell {
        var text = HTMLTextCollector()
        var nested: [HTMLTable] = []
        gatherText(node, into: &text, nesting: nesting, depth: depth, keepsNested: true, nested: &nested, table: &table)
        var value = text.text
        if value.utf8.count > limits.maxCellTextLength {
            table.diagnostics.append(Diagnostic(.warning, "text-truncated",
                limits.exceeded(.cellText, "a cell holds \(value.utf8.count) bytes of text; kept the first \(limits.maxCellTextLength)"), row: rowIndex, line: line(node)))
            value = value.prefix(utf8Count: limits.maxCellTextLength)
        }
        let rowSpan = span(node, .rowspan, rowIndex: rowIndex, table: &table)
        let colSpan = span(node, .colspan, rowIndex: rowIndex, table: &table)
        return HTMLTable.Cell(text: value, rowSpan: rowSpan, colSpan: colSpan, line: line(node), nested: nested)
    }

    /// A cell's text. Nested tables become tables of their own (into `nested`) while `nesting`
    /// is under `maxTableNesting` and `keepsNested` holds; otherwise their text joins the cell.
    private func gatherText(_ node: Node, into text: inout HTMLTextCollector, nesting: Int, depth: Int,
                            keepsNested: Bool, nested: inout [HTMLTable], table: inout HTMLTable) {
        guard depth < limits.maxXMLDepth else {
            table.diagnostics.append(Diagnostic(.warning, "html-too-deep",
                limits.exceeded(.xmlDepth, "cell markup nested deeper than \(limits.maxXMLDepth) elements was not read"), line: line(node)))
            return
        }
        for child in tree.children(of: node) {
            if isText(child) {
                append(text: child, to: &text)
                continue
            }
            guard tree[child].kind == .element else { continue }
            let tag = tree[child].tag
            switch tag {
            case .br:
                text.lineBreak()
            case .input:
                if let box = checkbox(child) { text.append(symbol: box, line: line(child)) }
            case .script, .style, .template:
                continue
            case .table where keepsNested && nesting + 1 <= limits.maxTableNesting:
                nested.append(self.table(child, nesting: nesting + 1, depth: depth + 1))
            case .table:
                if keepsNested {
                    table.diagnostics.append(Diagnostic(.warning, "nesting-limit",
                        limits.exceeded(.tableNesting, "a table nested more than \(limits.maxTableNesting) deep was kept as text in its cell"), line: line(child)))
                }
                text.lineBreak()
                gatherText(child, into: &text, nesting: nesting, depth: depth + 1, keepsNested: false, nested: &nested, table: &table)
                text.lineBreak()
            case .td, .th:
                text.lineBreak()
                gatherText(child, into: &text, nesting: nesting, depth: depth + 1, keepsNested: keepsNested, nested: &nested, table: &table)
            default:
                let breaks = tag.breaksLines
                if breaks { text.lineBreak() }
                gatherText(child, into: &text, nesting: nesting, depth: depth + 1, keepsNested: keepsNested, nested: &nested, table: &table)
                if breaks { text.lineBreak() }
            }
        }
    }

    /// `rowspan`/`colspan` read the way browsers do (leading digits, `2px` is 2); a value with
    /// no digits is reported and read as 1. Out-of-range numbers pass through for GridBuilder to
    /// clamp and report.
    private func span(_ node: Node, _ name: HTMLNodeTree.AttributeName, rowIndex: Int, table: inout HTMLTable) -> Int {
        guard let raw = tree.attribute(name, of: node) else { return 1 }
        let value = raw.trimmed
        var digits = value.drop(while: { $0 == "+" || $0 == "-" })
        let negative = value.first == "-"
        digits = digits.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty else {
            table.diagnostics.append(Diagnostic(.warning, "span-clamped",
                "\(name) \"\(Self.excerpt(raw))\" is not a number; read as 1", row: rowIndex, line: line(node)))
            return 1
        }
        let magnitude = Int(digits) ?? Int.max
        return negative ? -magnitude : magnitude
    }

    private static func excerpt(_ text: String) -> String {
        let t = text.trimmed
        return t.count > 40 ? String(t.prefix(40)) + "…" : t
    }
}
