/// The document libxml2's HTML parser reports, kept as the tree its own tree builder would have
/// made (the same nodes, text runs, lines and attributes the walker reads) but as plain values in
/// three arrays: no allocation per node, no tree to free, and element names decided once as
/// `HTMLTag`s. `HTMLTreeBuilder` fills it from the parser's SAX callbacks.
struct HTMLNodeTree {
    enum Kind: UInt8 {
        case document, element, text, cdata, comment, instruction, doctype
    }

    /// One node. Links are indexes into `nodes` (-1 for none), as libxml2's are pointers.
    struct Node {
        var kind: Kind
        var tag: HTMLTag
        /// The line libxml2 stores: the parser's line when the node was made, 65535 from there on.
        var line: Int32
        var parent: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var previous: Int32 = -1
        var next: Int32 = -1
        /// A text's bytes in `text`, or an element's attributes in `attributes`.
        var content: Range<Int32> = 0..<0
    }

    /// The attributes the walker asks about; others are not kept.
    enum AttributeName: UInt8 {
        case rowspan, colspan, type, checked
    }

    struct Attribute {
        var name: AttributeName
        /// The value's bytes in `attributeBytes`.
        var value: Range<Int32>
    }

    static let root: Int32 = 0
    /// libxml2 keeps a node's line in 16 bits and stops counting here.
    static let lastCountedLine: Int32 = 65535

    private(set) var nodes: [Node] = [Node(kind: .document, tag: .other, line: 0, parent: -1)]
    private(set) var text: [UInt8] = []
    private(set) var attributes: [Attribute] = []
    private(set) var attributeBytes: [UInt8] = []

    subscript(_ node: Int32) -> Node { nodes[Int(node)] }

    /// The node's children in order.
    func children(of node: Int32) -> Children { Children(nodes: nodes, following: nodes[Int(node)].firstChild) }

    struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        var following: Int32

        mutating func next() -> Int32? {
            guard following >= 0 else { return nil }
            defer { following = nodes[Int(following)].next }
            return following
        }
    }

    /// Runs `body` over a text node's bytes.
    func withText<T>(of node: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let range = nodes[Int(node)].content
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(range.lowerBound)..<Int(range.upperBound)])) }
    }

    /// A text node's content.
    func string(of node: Int32) -> String { withText(of: node) { String(decoding: $0, as: UTF8.self) } }

    /// The attribute's value, or nil when the element has none; a bare attribute has the value
    /// "" (libxml2 gives a bare `checked` its own name, which only its presence matters for).
    func attribute(_ name: AttributeName, of node: Int32) -> String? {
        let range = nodes[Int(node)].content
        for i in Int(range.lowerBound)..<Int(range.upperBound) where attributes[i].name == name {
            let value = attributes[i].value
            return String(decoding: attributeBytes[Int(value.lowerBound)..<Int(value.upperBound)], as: UTF8.self)
        }
        return nil
    }

    /// The first element past the first `limit` in tree order, or nil when there are no more.
    /// Elements are made in tree order (each goes after every node made before it), so the
    /// order of `nodes` is that order.
    func element(beyond limit: Int) -> Int32? {
        var count = 0
        for (index, node) in nodes.enumerated() where node.kind == .element {
            count += 1
            if count > limit { return Int32(index) }
        }
        return nil
    }

    /// The node's line as `xmlGetLineNo` reports it (at least 1). Past line 65535 libxml2
    /// stores 65535 and then looks at the node's first child, next or previous sibling, up to
    /// five steps away, for a line it did store; this does the same, so lines stay as they were.
    func line(of node: Int32) -> Int { max(1, Int(lineNumber(node, depth: 0))) }

    private func lineNumber(_ index: Int32, depth: Int) -> Int32 {
        guard depth < 5, index >= 0 else { return -1 }
        let node = nodes[Int(index)]
        switch node.kind {
        case .element, .text, .comment, .instruction:
            var result: Int32 = -1
            if node.line == Self.lastCountedLine {
                if node.kind == .element, node.firstChild >= 0 {
                    result = lineNumber(node.firstChild, depth: depth + 1)
                } else if node.next >= 0 {
                    result = lineNumber(node.next, depth: depth + 1)
                } else if node.previous >= 0 {
                    result = lineNumber(node.previous, depth: depth + 1)
                }
            }
            return result == -1 || result == Self.lastCountedLine ? node.line : result
        default:
            if node.previous >= 0, Self.hasLine(nodes[Int(node.previous)].kind) {
                return lineNumber(node.previous, depth: depth + 1)
            }
            if node.parent >= 0, nodes[Int(node.parent)].kind == .element {
                return lineNumber(node.parent, depth: depth + 1)
            }
            return -1
        }
    }

    private static func hasLine(_ kind: Kind) -> Bool {
        kind == .element || kind == .text || kind == .comment || kind == .instruction
    }

    // MARK: Building

    /// Appends a node as the last child of `parent` and returns its index.
    @discardableResult
    mutating func append(_ kind: Kind, tag: HTMLTag = .other, line: Int32, to parent: Int32) -> Int32 {
        let index = Int32(nodes.count)
        var node = Node(kind: kind, tag: tag, line: line, parent: parent)
        let last = nodes[Int(parent)].lastChild
        node.previous = last
        nodes.append(node)
        if last >= 0 { nodes[Int(last)].next = index } else { nodes[Int(parent)].firstChild = index }
        nodes[Int(parent)].lastChild = index
        return index
    }

    /// Puts a node in front of the document's children (where libxml2 puts an HTML DTD).
    mutating func prependToDocument(_ kind: Kind) {
        let index = Int32(nodes.count)
        let first = nodes[Int(Self.root)].firstChild
        var node = Node(kind: kind, tag: .other, line: 0, parent: Self.root)
        node.next = first
        nodes.append(node)
        if first >= 0 { nodes[Int(first)].previous = index } else { nodes[Int(Self.root)].lastChild = index }
        nodes[Int(Self.root)].firstChild = index
    }

    /// Adds bytes to a text or CDATA node.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>, to node: Int32) {
        let held = nodes[Int(node)].content
        if held.isEmpty {
            nodes[Int(node)].content = Int32(text.count)..<Int32(text.count)
        } else if held.upperBound != Int32(text.count) {
            // Not the last text made (the builder never does this): move it to the end first.
            nodes[Int(node)].content = Int32(text.count)..<Int32(text.count + held.count)
            text.append(contentsOf: Array(text[Int(held.lowerBound)..<Int(held.upperBound)]))
        }
        text.append(contentsOf: bytes)
        nodes[Int(node)].content = nodes[Int(node)].content.lowerBound..<Int32(text.count)
    }

    /// Gives an element its attributes, all added at once.
    mutating func addAttribute(_ name: AttributeName, value: UnsafeBufferPointer<UInt8>, to node: Int32) {
        if nodes[Int(node)].content.isEmpty { nodes[Int(node)].content = Int32(attributes.count)..<Int32(attributes.count) }
        let start = Int32(attributeBytes.count)
        attributeBytes.append(contentsOf: value)
        attributes.append(Attribute(name: name, value: start..<Int32(attributeBytes.count)))
        nodes[Int(node)].content = nodes[Int(node)].content.lowerBound..<Int32(attributes.count)
    }
}
