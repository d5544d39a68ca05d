/// Reads HTML (a whole `.html` file, or a table block inside Markdown) with libxml2's HTML
/// parser, which repairs the unclosed and misnested tags OCR writes, then walks the tree into
/// the document's paragraphs and tables.
struct HTMLReader {
    let limits: ReadLimits

    /// Reads `html`, whose first line is line `firstLine` of the source, appending paragraphs
    /// and tables to `document` in reading order.
    func read(_ html: String, firstLine: Int, into document: inout SourceDocument) throws(InputError) {
        if let tables = SimpleTableWalker.tables(html, firstLine: firstLine, limits: limits) {
            for table in tables { try document.place(table, limits: limits) }
            return
        }
        guard let tree = HTMLSimpleTables.tree(html) ?? HTMLTreeBuilder.parse(html) else {
            document.diagnostics.append(Diagnostic(.warning, "html-unreadable",
                "the HTML parser returned nothing for this block; it was skipped", line: firstLine))
            return
        }
        if let element = tree.element(beyond: limits.maxXMLElements) {
            throw InputError(.limitExceeded, file: document.source.path, line: tree.line(of: element) + firstLine - 1,
                             limits.exceeded(.xmlElements, "the HTML holds more than \(limits.maxXMLElements) elements"))
        }
        var walker = HTMLTreeWalker(tree: tree, limits: limits, lineOffset: firstLine - 1)
        walker.walk(HTMLNodeTree.root)
        walker.finishParagraph()
        document.diagnostics += walker.diagnostics
        for block in walker.blocks {
            switch block {
            case .paragraph(let p): document.append(paragraph: p)
            case .table(let t): try document.place(t, limits: limits)
            }
        }
    }
}
