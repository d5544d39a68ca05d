import CLibXML2
import Foundation

/// A pull reader over one XML part of an OOXML package. libxml2's SAX2 push parser reads the
/// part a chunk at a time into a buffer of events that `next()` hands out: no tree nodes are made
/// (libxml2's `xmlTextReader` built and freed a node for every element and text, about half of its
/// cost) and memory stays flat however large the part is. It refuses what an OOXML part may not
/// contain (a DTD: OPC forbids it, and it is how entity attacks arrive) and enforces the depth and
/// element-count limits, so that hostile parts fail fast with their place.
struct XMLStreamReader {
    /// What the reader met, in document order. Empty elements get a start and an end; adjacent
    /// character data (text, CDATA, entity references) comes as one text. Elements come as name
    /// ids (`name(_:)` gives the name): an id copies for nothing, a name's Strings are retained
    /// and released at every copy.
    enum Event {
        case start(XMLName.ID)
        case end(XMLName.ID)
        case text(String)
    }

    private let parser: xmlParserCtxtPtr
    private let collector: UnsafeMutablePointer<XMLEventCollector>
    private let input: UnsafeRawBufferPointer
    private var fed: Int
    private var malformedAfterEvents = false
    /// The whole part has been parsed: the events buffered are its last.
    private var finished = false
    private var nextEvent = 0
    private var current = -1

    /// Bytes given to the parser at a time: enough that the per-call overhead vanishes, few
    /// enough events (a few thousand) that the buffer stays small.
    private static let chunkSize = 64 * 1024
    /// The nesting libxml2 allows without `XML_PARSE_HUGE`.
    private static let libxml2DepthCap = 256

    /// The name an event's id stands for.
    func name(_ id: XMLName.ID) -> XMLName { collector.pointee.names[id] }

    /// Runs `body` over the part's events. The bytes stay pinned for the reader's whole life.
    static func read<T>(_ data: Data, part: String, file: String, limits: ReadLimits, encoding: String? = nil,
                        _ body: (inout XMLStreamReader) throws(InputError) -> T) throws(InputError) -> T {
        XMLParserSetup.once()
        guard !data.isEmpty else {
            throw InputError(.malformedXML, file: file, line: 1, column: 1, "\(part): the part is empty")
        }
        guard data.count <= Int(Int32.max) else {
            throw InputError(.limitExceeded, file: file, "\(part): the part is larger than 2 GB")
        }
        var outcome: Result<T, InputError>?
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let collector = UnsafeMutablePointer<XMLEventCollector>.allocate(capacity: 1)
            collector.initialize(to: XMLEventCollector(part: part, file: file, limits: limits))
            defer { collector.deinitialize(count: 1); collector.deallocate() }
            var handler = Self.makeHandler()
            // The first bytes alone, as libxml2's own reader does: they settle the encoding.
            let head = min(4, bytes.count)
            guard let parser = xmlCreatePushParserCtxt(&handler, collector, bytes.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(head), part) else {
                outcome = .failure(InputError(.malformedXML, file: file, "\(part): the XML parser could not be started"))
                return
            }
            defer { xmlFreeParserCtxt(parser) }
            var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            // libxml2 stops at 256 levels of its own unless told XML_PARSE_HUGE; only a user who
            // raised --max-xml-depth past that gets it, and a DTD is refused either way.
            if limits.maxXMLDepth > Self.libxml2DepthCap { options |= Int32(XML_PARSE_HUGE.rawValue) }
            xmlCtxtUseOptions(parser, options)
            if let encoding, let converter = xmlFindCharEncodingHandler(encoding) {
                xmlSwitchToEncoding(parser, converter)
            }
            collector.pointee.parser = parser
            var stream = XMLStreamReader(parser: parser, collector: collector, input: bytes, fed: head)
            do throws(InputError) {
                outcome = .success(try body(&stream))
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome!.get()
    }

    private init(parser: xmlParserCtxtPtr, collector: UnsafeMutablePointer<XMLEventCollector>, input: UnsafeRawBufferPointer, fed: Int) {
        self.parser = parser
        self.collector = collector
        self.input = input
        self.fed = fed
    }

    /// The next event, or nil at the end of the part.
    mutating func next() throws(InputError) -> Event? {
        while true {
            if nextEvent < collector.pointee.events.count {
                current = nextEvent
                nextEvent += 1
                let event = collector.pointee.events[current]
                switch event.kind {
                case .start: return .start(XMLName.ID(event.value))
                case .end: return .end(XMLName.ID(event.value))
                case .text: return .text(collector.pointee.texts[Int(event.value)])
                }
            }
            if let failure = collector.pointee.failure { throw failure }
            if malformedAfterEvents { throw malformed() }
            if finished { return nil }
            feed()
        }
    }

    /// Parses the next chunk (the last one with `terminate`) into fresh events.
    private mutating func feed() {
        collector.pointee.clear()
        nextEvent = 0
        current = -1
        let size = min(Self.chunkSize, input.count - fed)
        let last = fed + size == input.count
        let status = xmlParseChunk(parser, input.baseAddress!.advanced(by: fed).assumingMemoryBound(to: CChar.self), Int32(size), last ? 1 : 0)
        fed += size
        if last {
            collector.pointee.flushText()
            finished = true
        }
        if status != 0 && !collector.pointee.stopped { malformedAfterEvents = true }
    }

    /// The value of the current element's attribute with this local name (any namespace):
    /// WordprocessingML writes `w:val`, `w14:val` and `w:fldCharType` where one name is unambiguous.
    func attribute(_ local: String) -> String? {
        guard current >= 0 else { return nil }
        let range = collector.pointee.events[current].attributes
        for i in Int(range.lowerBound)..<Int(range.upperBound) where xmlStrEqual(collector.pointee.attributes[i].local, local) == 1 {
            let bytes = collector.pointee.attributeBytes[collector.pointee.attributes[i].value]
            let value = String(decoding: bytes, as: UTF8.self)
            // Without entity substitution (which stays off: it is the switch external entities
            // come through) libxml2 hands an attribute's `&` over as `&#38;`, for a tree builder
            // to decode; every other reference arrives decoded.
            return bytes.contains(UInt8(ascii: "&")) ? value.replacingOccurrences(of: "&#38;", with: "&") : value
        }
        return nil
    }

    /// The namespace URI bound to a prefix at the current element (for `mc:Choice Requires`).
    func namespaceURI(forPrefix prefix: String) -> String? {
        guard current >= 0 else { return nil }
        var i = collector.pointee.events[current].scope
        while i >= 0 {
            let binding = collector.pointee.bindings[Int(i)]
            if binding.prefix == prefix { return binding.uri }
            i = binding.parent
        }
        return nil
    }

    /// Where the current event was met in the part, for diagnostics and errors.
    var lineNumber: Int { current >= 0 ? Int(collector.pointee.events[current].line) : Int(collector.pointee.position.line) }
    var columnNumber: Int { current >= 0 ? Int(collector.pointee.events[current].column) : Int(collector.pointee.position.column) }

    private func malformed() -> InputError {
        let capture = collector.pointee.errors
        let position = collector.pointee.position
        let line = capture.line ?? Int(position.line)
        let column = capture.column ?? Int(position.column)
        let reason = capture.message ?? "the XML is not well-formed"
        let part = collector.pointee.part, limits = collector.pointee.limits
        if reason.contains("Excessive depth") {
            return InputError(.limitExceeded, file: collector.pointee.file, line: line, column: column,
                              "\(part): " + limits.exceeded(.xmlDepth, "XML elements nested deeper than \(min(limits.maxXMLDepth, Self.libxml2DepthCap)) levels"))
        }
        return InputError(.malformedXML, file: collector.pointee.file, line: line, column: column, "\(part): \(reason)")
    }

    /// The SAX2 callbacks: each finds the collector in the parser's user data.
    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, local, _, namespace, declarationCount, declarations, attributeCount, _, attributes in
            context?.assumingMemoryBound(to: XMLEventCollector.self).pointee.startElement(
                local: local, namespace: namespace, declarations: declarations, declarationCount: Int(declarationCount),
                attributes: attributes, attributeCount: Int(attributeCount))
        }
        handler.endElementNs = { context, local, _, namespace in
            context?.assumingMemoryBound(to: XMLEventCollector.self).pointee.endElement(local: local, namespace: namespace)
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            context?.assumingMemoryBound(to: XMLEventCollector.self).pointee.characters(bytes, count: Int(count))
        }
        handler.characters = characters
        handler.cdataBlock = characters
        handler.ignorableWhitespace = characters
        handler.internalSubset = { context, _, _, _ in
            context?.assumingMemoryBound(to: XMLEventCollector.self).pointee.documentType()
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            context.assumingMemoryBound(to: XMLEventCollector.self).pointee.record(error.pointee)
        }
        return handler
    }
}

/// An element's expanded name: namespace URI and local name, whatever prefix the part used.
struct XMLName: Equatable, Sendable {
    typealias ID = Int

    var namespace: String
    var local: String
    /// The name's number within one part, counted from 0: a reader of a part can remember what
    /// it decided about a name in an array instead of comparing strings for every element.
    var id: Int

    static func == (a: XMLName, b: XMLName) -> Bool { a.namespace == b.namespace && a.local == b.local }
}

/// The first error libxml2 reported through the structured handler, kept for the message.
struct XMLErrorCapture {
    var message: String?
    var line: Int?
    var column: Int?

    mutating func record(_ error: xmlError) {
        guard message == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let text = error.message.map { String(cString: $0) } ?? "the XML is not well-formed"
        message = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if error.line > 0 { line = Int(error.line) }
        if error.int2 > 0 { column = Int(error.int2) }
    }
}

/// libxml2 wants `xmlInitParser()` once per process before threads use it, and never
/// `xmlCleanupParser()` (FoundationXML shares the library).
enum XMLParserSetup {
    private static let done: Bool = {
        xmlInitParser()
        selfeval_xml_silence()
        return true
    }()

    static func once() {
        _ = done
        selfeval_xml_silence()
    }
}
