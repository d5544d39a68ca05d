import CLibXML2

/// A read-only view of one node of a libxml2 HTML tree. Valid only while the tree's document
/// lives, so it never leaves `HTMLReader`.
struct HTMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element name; the HTML parser already lowercases it.
    var name: String {
        guard let raw = pointer.pointee.name else { return "" }
        return String(cString: raw)
    }

    /// A text node's content, entities already decoded by the parser.
    var content: String {
        guard let raw = pointer.pointee.content else { return "" }
        return String(cString: raw)
    }

    /// The 1-based line within the parsed text (libxml2 stops counting at 65535).
    var line: Int { max(1, Int(xmlGetLineNo(pointer))) }

    /// The child nodes in order, read lazily along libxml2's sibling links.
    var children: UnfoldSequence<HTMLNode, xmlNodePtr?> {
        sequence(state: pointer.pointee.children) { next in
            guard let node = next else { return nil }
            next = node.pointee.next
            return HTMLNode(pointer: node)
        }
    }

    /// The attribute's value, or nil when absent; a bare attribute (`checked`) has the value "".
    /// Reads the attribute nodes directly, so nothing is allocated on libxml2's heap.
    func attribute(_ wanted: String) -> String? {
        var next = pointer.pointee.properties
        while let attr = next {
            if let raw = attr.pointee.name, String(cString: raw).lowercased() == wanted {
                var value = ""
                var child = attr.pointee.children
                while let text = child {
                    if let raw = text.pointee.content { value += String(cString: raw) }
                    child = text.pointee.next
                }
                return value
            }
            next = attr.pointee.next
        }
        return nil
    }
}
