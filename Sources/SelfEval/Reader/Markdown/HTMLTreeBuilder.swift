import CLibXML2

/// Builds an `HTMLNodeTree` from libxml2's HTML parser, through SAX callbacks instead of
/// libxml2's own tree (about a third of the HTML reader's cost went into making and freeing its
/// nodes). The parser runs exactly as `htmlReadMemory` runs it, repairs and all, and the
/// callbacks place each node where libxml2's SAX2 tree builder would: the walker reads the same
/// tree either way.
///
/// The builder lives at a fixed address that the parser context carries, so a callback costs no
/// reference counting. It pushes a placeholder on the parser's node stack for each element, as
/// the tree builder pushes the element: the parser pops that stack itself when a start tag is
/// never closed, and stops at the same depth.
struct HTMLTreeBuilder {
    private(set) var tree = HTMLNodeTree()
    private let parser: htmlParserCtxtPtr
    /// The open elements, innermost last; always as many as the parser's node stack holds.
    private var open: [Int32] = []
    private var tags = HTMLTagCache()
    private var sawDoctype = false
    private let placeholder: UnsafeMutablePointer<xmlNode>

    /// The options `htmlReadMemory` was called with: the parser must not fetch anything, must
    /// stay quiet, must repair rather than stop, and must not let a `<meta charset>` re-decode
    /// text that is already UTF-8.
    private static let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Parses `html` into a tree, or returns nil when libxml2 could not start a parser.
    static func parse(_ html: String) -> HTMLNodeTree? {
        XMLParserSetup.once()
        guard let parser = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(parser) }
        let builder = UnsafeMutablePointer<HTMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: HTMLTreeBuilder(parser: parser))
        defer { builder.deinitialize(count: 1); builder.deallocate() }
        parser.pointee._private = UnsafeMutableRawPointer(builder)
        parser.pointee.sax.pointee = makeHandler()
        var html = html
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                // Returns no document: the handler makes none.
                _ = htmlCtxtReadMemory(parser, chars, Int32(clamping: bytes.count), "", "UTF-8", options)
            }
        }
        builder.pointee.finish()
        return builder.pointee.tree
    }

    private init(parser: htmlParserCtxtPtr) {
        self.parser = parser
        placeholder = .allocate(capacity: 1)
        placeholder.initialize(to: xmlNode())
        placeholder.pointee.type = XML_ELEMENT_NODE
        open.reserveCapacity(64)
    }

    /// The parser's current line, as libxml2 stores it in a node.
    private var line: Int32 {
        min(parser.pointee.input.map { $0.pointee.line } ?? 0, HTMLNodeTree.lastCountedLine)
    }

    /// Drops the elements the parser popped off its node stack by itself.
    private mutating func syncWithParser() {
        let depth = max(0, Int(parser.pointee.nodeNr))
        if open.count > depth { open.removeLast(open.count - depth) }
    }

    // MARK: Callbacks

    mutating func startElement(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let name else { return }
        syncWithParser()
        // Where libxml2 links an element: into the current one, or with none open, into the
        // document's first child when that is an element, else after the document's children.
        let parent: Int32
        if let current = open.last {
            parent = current
        } else {
            let first = tree[HTMLNodeTree.root].firstChild
            parent = first >= 0 && tree[first].kind == .element ? first : HTMLNodeTree.root
        }
        // Past the parser's depth limit the push fails and stops the parser; the element is not kept.
        guard nodePush(parser, placeholder) >= 0 else { return }
        let tag = tags.tag(name)
        let node = tree.append(.element, tag: tag, line: line, to: parent)
        open.append(node)
        guard tag == .td || tag == .th || tag == .input, let attributes else { return }
        var i = 0
        while let attribute = attributes[i] {
            let value = attributes[i + 1]
            i += 2
            guard let kept = Self.attributeName(attribute) else { continue }
            let bytes = value.map { UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0))) }
            tree.addAttribute(kept, value: bytes ?? UnsafeBufferPointer(start: nil, count: 0), to: node)
        }
    }

    mutating func endElement() {
        syncWithParser()
        _ = nodePop(parser)
        syncWithParser()
    }

    /// Text joins the current element's last child when that is text, as libxml2's does.
    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int32, kind: HTMLNodeTree.Kind) {
        guard let bytes, count > 0 else { return }
        syncWithParser()
        guard let current = open.last else { return }
        var node = tree[current].lastChild
        if node < 0 || tree[node].kind != kind {
            node = tree.append(kind, line: kind == .text ? line : 0, to: current)
        }
        tree.appendText(UnsafeBufferPointer(start: bytes, count: Int(count)), to: node)
    }

    /// A comment or processing instruction: into the current element, or after the document's children.
    mutating func other(_ kind: HTMLNodeTree.Kind) {
        syncWithParser()
        tree.append(kind, line: line, to: open.last ?? HTMLNodeTree.root)
    }

    mutating func doctype() {
        guard !sawDoctype else { return }
        sawDoctype = true
        tree.prependToDocument(.doctype)
    }

    /// libxml2 gives a document without a DOCTYPE a default one at the end.
    mutating func finish() {
        doctype()
        placeholder.pointee.properties.map { xmlFreePropList($0) }
        placeholder.deinitialize(count: 1)
        placeholder.deallocate()
    }

    private static func attributeName(_ name: UnsafePointer<xmlChar>) -> HTMLNodeTree.AttributeName? {
        if xmlStrEqual(name, "rowspan") == 1 { return .rowspan }
        if xmlStrEqual(name, "colspan") == 1 { return .colspan }
        if xmlStrEqual(name, "type") == 1 { return .type }
        if xmlStrEqual(name, "checked") == 1 { return .checked }
        return nil
    }

    /// The SAX callbacks; each finds the builder through the parser context, which libxml2
    /// passes as the user data.
    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.startElement = { context, name, attributes in
            HTMLTreeBuilder.at(context)?.pointee.startElement(name, attributes)
        }
        handler.endElement = { context, _ in HTMLTreeBuilder.at(context)?.pointee.endElement() }
        handler.characters = { context, bytes, count in
            HTMLTreeBuilder.at(context)?.pointee.characters(bytes, count: count, kind: .text)
        }
        handler.cdataBlock = { context, bytes, count in
            HTMLTreeBuilder.at(context)?.pointee.characters(bytes, count: count, kind: .cdata)
        }
        handler.comment = { context, _ in HTMLTreeBuilder.at(context)?.pointee.other(.comment) }
        handler.processingInstruction = { context, _, _ in HTMLTreeBuilder.at(context)?.pointee.other(.instruction) }
        handler.internalSubset = { context, _, _, _ in HTMLTreeBuilder.at(context)?.pointee.doctype() }
        return handler
    }

    fileprivate static func at(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLTreeBuilder>? {
        context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?.assumingMemoryBound(to: HTMLTreeBuilder.self)
    }
}
