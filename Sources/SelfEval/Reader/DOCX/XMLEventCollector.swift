import CLibXML2

/// What libxml2's SAX2 callbacks report while one chunk of a part is parsed, kept as events for
/// `XMLStreamReader` to hand out in order. It lives at a fixed address (the callbacks reach it
/// through the parser's user data) and is mutated in place, so a callback costs no reference
/// counting. A failure found in a callback (a DTD, a limit) is kept and the parser stopped; the
/// reader throws it once the events before it have been handed out.
struct XMLEventCollector {
    /// One event and what the reader may ask about it while it is current. Plain values only
    /// (a text is an index into `texts`), so that buffering an event copies a few words.
    struct Collected {
        enum Kind: UInt8 { case start, end, text }
        var kind: Kind
        /// The element's name id, or the text's index in `texts`.
        var value: Int32
        var line: Int32
        var column: Int32
        /// The element's attributes, in `attributes` (start events only).
        var attributes: Range<Int32>
        /// The innermost namespace binding in scope at the element, in `bindings` (-1 for none).
        var scope: Int32
    }

    struct Attribute {
        /// libxml2's interned local name, valid as long as the parser lives.
        var local: UnsafePointer<xmlChar>
        /// The value's bytes in `attributeBytes`.
        var value: Range<Int>
    }

    /// A namespace declaration. Bindings are kept after their element ends (events still in the
    /// buffer may point at them), each linking to the binding it shadows, and compacted between
    /// chunks.
    struct Binding {
        var prefix: String?
        var uri: String
        var parent: Int32
    }

    private struct NameSlot {
        var namespace: UnsafePointer<xmlChar>?
        var local: UnsafePointer<xmlChar>?
        var id: XMLName.ID
    }

    let part: String
    let file: String
    let limits: ReadLimits
    /// Set once the parser exists; the callbacks read the parser's position from it.
    var parser: xmlParserCtxtPtr?

    private(set) var events: [Collected] = []
    private(set) var texts: [String] = []
    private(set) var attributes: [Attribute] = []
    private(set) var attributeBytes: [UInt8] = []
    private(set) var bindings: [Binding] = []
    private var scope: Int32 = -1
    /// The open elements, innermost last: an end tag is its start's name (libxml2 has checked
    /// that), so the end needs no lookup.
    private var open: [OpenElement] = []

    private struct OpenElement {
        var name: Int32
        /// The binding in scope around the element.
        var outerScope: Int32
    }
    private var text: [UInt8] = []
    private var elementCount = 0
    private(set) var failure: InputError?
    /// Whether `failure` is set: tested in every callback, where comparing an optional error
    /// with nil went through its value witnesses.
    private(set) var stopped = false
    private(set) var errors = XMLErrorCapture()

    /// Names seen so far, in an open-addressed table keyed by libxml2's interned name pointers (a
    /// `Dictionary` hashed the pointer pair at several hundred instructions a lookup): a part names
    /// a few dozen elements a million times.
    private var nameSlots = [NameSlot?](repeating: nil, count: 256)
    /// Every name met so far, by id.
    private(set) var names: [XMLName] = []

    init(part: String, file: String, limits: ReadLimits) {
        self.part = part
        self.file = file
        self.limits = limits
        events.reserveCapacity(1_024)
    }

    /// Forgets the events handed out, before the next chunk is parsed.
    mutating func clear() {
        events.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        attributeBytes.removeAll(keepingCapacity: true)
        if bindings.count > 64 { compactBindings() }
    }

    /// Hands the text gathered since the last element to the events; called at the end of the part.
    mutating func flushText() {
        guard !text.isEmpty else { return }
        texts.append(String(decoding: text, as: UTF8.self))
        events.append(Collected(kind: .text, value: Int32(texts.count - 1), line: 0, column: 0, attributes: 0..<0, scope: scope))
        text.removeAll(keepingCapacity: true)
    }

    // MARK: - Callbacks

    mutating func startElement(local: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?,
                               declarations: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, declarationCount: Int,
                               attributes values: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int) {
        guard !stopped else { return }
        flushText()
        elementCount += 1
        if elementCount > limits.maxXMLElements {
            return fail(limitError(limits.exceeded(.xmlElements, "more than \(limits.maxXMLElements) XML elements")))
        }
        if open.count >= limits.maxXMLDepth {
            return fail(limitError(limits.exceeded(.xmlDepth, "XML elements nested deeper than \(limits.maxXMLDepth) levels")))
        }
        let outerScope = scope
        if let declarations {
            for i in 0..<declarationCount {
                let uri = declarations[2 * i + 1].map { String(cString: $0) } ?? ""
                bindings.append(Binding(prefix: declarations[2 * i].map { String(cString: $0) }, uri: uri, parent: scope))
                scope = Int32(bindings.count - 1)
            }
        }
        let first = Int32(attributes.count)
        if let values {
            // libxml2 gives five pointers an attribute: local name, prefix, URI, value start, value end.
            for i in 0..<attributeCount {
                guard let name = values[5 * i], let start = values[5 * i + 3], let end = values[5 * i + 4] else { continue }
                let from = attributeBytes.count
                for i in 0..<(end - start) { attributeBytes.append(start[i]) }
                attributes.append(Attribute(local: name, value: from..<attributeBytes.count))
            }
        }
        let name = Int32(nameID(namespace, local))
        open.append(OpenElement(name: name, outerScope: outerScope))
        let (line, column) = position
        events.append(Collected(kind: .start, value: name, line: line, column: column,
                                attributes: first..<Int32(attributes.count), scope: scope))
    }

    mutating func endElement(local: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?) {
        guard !stopped else { return }
        flushText()
        let name: Int32
        if let element = open.popLast() {
            name = element.name
            scope = element.outerScope
        } else {
            name = Int32(nameID(namespace, local))
        }
        let (line, column) = position
        events.append(Collected(kind: .end, value: name, line: line, column: column, attributes: 0..<0, scope: scope))
    }

    /// Text past the cell-text limit (and a character more, so that the reader sees the text
    /// was longer and reports the cut) is dropped here: a part that is one 200 MB text would
    /// otherwise be held twice over.
    mutating func characters(_ bytes: UnsafePointer<xmlChar>?, count: Int) {
        guard !stopped, let bytes, count > 0 else { return }
        let room = limits.maxCellTextLength + 4 - text.count
        guard room > 0 else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: min(count, room)))
    }

    mutating func documentType() {
        let (line, column) = position
        fail(InputError(.malformedXML, file: file, line: Int(line), column: Int(column),
                        "\(part): a DOCTYPE declaration is not allowed in an OOXML part; its entities are neither fetched nor expanded"))
    }

    mutating func record(_ error: xmlError) {
        errors.record(error)
    }

    // MARK: -

    /// Where the parser stands: just past the tag being reported.
    var position: (line: Int32, column: Int32) {
        guard let input = parser?.pointee.input else { return (0, 0) }
        return (input.pointee.line, input.pointee.col)
    }

    func limitError(_ what: String) -> InputError {
        let (line, column) = position
        return InputError(.limitExceeded, file: file, line: Int(line), column: Int(column), "\(part): \(what)")
    }

    private mutating func fail(_ error: InputError) {
        guard !stopped else { return }
        flushText()
        failure = error
        if let parser { xmlStopParser(parser) }
    }

    private mutating func nameID(_ namespace: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>?) -> XMLName.ID {
        let mask = nameSlots.count - 1
        var i = Self.hash(namespace, local) & mask
        while let slot = nameSlots[i] {
            if slot.local == local && slot.namespace == namespace { return slot.id }
            i = (i + 1) & mask
        }
        let id = names.count
        names.append(XMLName(namespace: namespace.map { String(cString: $0) } ?? "", local: local.map { String(cString: $0) } ?? "", id: id))
        nameSlots[i] = NameSlot(namespace: namespace, local: local, id: id)
        if names.count * 2 > nameSlots.count { growNameSlots() }
        return id
    }

    private static func hash(_ namespace: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>?) -> Int {
        (Int(bitPattern: local) >> 3) &* 31 &+ (Int(bitPattern: namespace) >> 3)
    }

    /// Doubles the table, keeping it at most half full so that probes stay short.
    private mutating func growNameSlots() {
        let old = nameSlots.compactMap { $0 }
        nameSlots = [NameSlot?](repeating: nil, count: nameSlots.count * 2)
        let mask = nameSlots.count - 1
        for slot in old {
            var i = Self.hash(slot.namespace, slot.local) & mask
            while nameSlots[i] != nil { i = (i + 1) & mask }
            nameSlots[i] = slot
        }
    }

    /// Keeps only the bindings still in scope (the chain from the innermost one: every open
    /// element's outer scope lies on it), once no buffered event points at the others.
    private mutating func compactBindings() {
        var chain: [Int32] = []
        var i = scope
        while i >= 0 { chain.append(i); i = bindings[Int(i)].parent }
        var renumbered = [Int32: Int32](minimumCapacity: chain.count)
        var kept: [Binding] = []
        for old in chain.reversed() {
            var binding = bindings[Int(old)]
            binding.parent = kept.isEmpty ? -1 : Int32(kept.count - 1)
            renumbered[old] = Int32(kept.count)
            kept.append(binding)
        }
        bindings = kept
        scope = renumbered[scope] ?? -1
        for i in open.indices { open[i].outerScope = renumbered[open[i].outerScope] ?? -1 }
    }
}
