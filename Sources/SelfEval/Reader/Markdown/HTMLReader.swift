import CLibXML2

/// Reads HTML (a whole `.html` file, or a table block inside Markdown) with libxml2's HTML
/// parser, which repairs the unclosed and misnested tags OCR writes, then walks the tree into
/// the document's paragraphs and tables.
struct HTMLReader {
    let limits: ReadLimits

    /// The parser must not fetch anything, must stay quiet, must repair rather than stop, and
    /// must not let a `<meta charset>` re-decode text that is already UTF-8.
    private static let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Reads `html`, whose first line is line `firstLine` of the source, appending paragraphs
    /// and tables to `document` in reading order.
    func read(_ html: String, firstLine: Int, into document: inout SourceDocument) throws(InputError) {
        var walker = HTMLTreeWalker(limits: limits, lineOffset: firstLine - 1)
        var tooMany: Int?
        let parsed = Self.withTree(of: html) { root in
            tooMany = Self.elementBeyond(limits.maxXMLElements, under: root)
            if tooMany == nil { walker.walk(root) }
        }
        if let line = tooMany {
            throw InputError(.limitExceeded, file: document.source.path, line: line + firstLine - 1,
                             limits.exceeded(.xmlElements, "the HTML holds more than \(limits.maxXMLElements) elements"))
        }
        guard parsed else {
            document.diagnostics.append(Diagnostic(.warning, "html-unreadable",
                "the HTML parser returned nothing for this block; it was skipped", line: firstLine))
            return
        }
        walker.finishParagraph()
        document.diagnostics += walker.diagnostics
        for block in walker.blocks {
            switch block {
            case .paragraph(let p): document.append(paragraph: p)
            case .table(let t): try document.place(t, limits: limits)
            }
        }
    }

    /// The line of the first element past `limit`, in tree order, or nil when there are no more
    /// than `limit`. Walks the sibling and parent links, so no depth can exhaust the stack.
    private static func elementBeyond(_ limit: Int, under root: HTMLNode) -> Int? {
        var count = 0
        var node = root.pointer.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                count += 1
                if count > limit { return HTMLNode(pointer: current).line }
            }
            if let child = current.pointee.children, current.pointee.type == XML_ELEMENT_NODE {
                node = child
                continue
            }
            var up: xmlNodePtr? = current
            while let u = up, u != root.pointer, u.pointee.next == nil { up = u.pointee.parent }
            guard let u = up, u != root.pointer else { return nil }
            node = u.pointee.next
        }
        return nil
    }

    /// Parses `html` and hands the document node to `body` while the tree lives. The bytes stay
    /// alive for the whole parse; the tree is freed afterwards. Returns false when libxml2 built
    /// no tree at all.
    private static func withTree(of html: String, _ body: (HTMLNode) -> Void) -> Bool {
        _ = parserReady
        selfeval_xml_silence()
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return true }
        bytes.append(0)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(clamping: chars.count - 1), "", "UTF-8", options)
            }
        }
        guard let document else { return false }
        defer { xmlFreeDoc(document) }
        body(HTMLNode(pointer: UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)))
        return true
    }

    /// libxml2 wants one initialisation per process; `xmlCleanupParser` is never called because
    /// FoundationXML shares the library.
    private static let parserReady: Void = { xmlInitParser() }()
}
