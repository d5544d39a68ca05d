import CLibXML2
import Foundation

/// A pull reader over one XML part of an OOXML package, built on libxml2's streaming
/// `xmlTextReader` so that memory stays flat however large the part is. It refuses what an
/// OOXML part may not contain (a DTD: OPC forbids it, and it is how entity attacks arrive) and
/// enforces the depth and element-count limits, so that hostile parts fail fast with their place.
struct XMLStreamReader {
    /// What the reader met, in document order. Empty elements get a start and an end. Elements
    /// come as name ids (`name(_:)` gives the name): an id copies for nothing, a name's Strings
    /// are retained and released at every copy.
    enum Event {
        case start(XMLName.ID)
        case end(XMLName.ID)
        case text(String)
    }

    private let reader: xmlTextReaderPtr
    private let part: String
    private let file: String
    private let limits: ReadLimits
    private let errors: UnsafeMutablePointer<XMLErrorCapture>
    private var elements = 0
    private var pendingEnd: XMLName.ID?
    /// Names seen so far, in an open-addressed table keyed by libxml2's interned name pointers
    /// (a `Dictionary` hashed the pointer pair at several hundred instructions a lookup).
    private var nameSlots = [NameSlot?](repeating: nil, count: 256)
    /// Every name met so far, by id.
    private var names: [XMLName] = []

    private struct NameSlot {
        var namespace: UnsafePointer<xmlChar>?
        var local: UnsafePointer<xmlChar>?
        var id: XMLName.ID
    }

    /// The name an event's id stands for.
    func name(_ id: XMLName.ID) -> XMLName { names[id] }

    /// Runs `body` over the part's events. The bytes stay pinned for the reader's whole life:
    /// `xmlReaderForMemory` does not copy its input.
    static func read<T>(_ data: Data, part: String, file: String, limits: ReadLimits, encoding: String? = nil,
                        _ body: (inout XMLStreamReader) throws(InputError) -> T) throws(InputError) -> T {
        XMLParserSetup.once()
        var outcome: Result<T, InputError>?
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let errors = UnsafeMutablePointer<XMLErrorCapture>.allocate(capacity: 1)
            errors.initialize(to: XMLErrorCapture())
            defer { errors.deinitialize(count: 1); errors.deallocate() }
            var options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
            // libxml2 stops at 256 levels of its own unless told XML_PARSE_HUGE; only a user who
            // raised --max-xml-depth past that gets it, and a DTD is refused either way.
            if limits.maxXMLDepth > Self.libxml2DepthCap { options |= Int32(XML_PARSE_HUGE.rawValue) }
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0 else {
                outcome = .failure(InputError(.malformedXML, file: file, line: 1, column: 1, "\(part): the part is empty"))
                return
            }
            guard bytes.count <= Int(Int32.max) else {
                outcome = .failure(InputError(.limitExceeded, file: file, "\(part): the part is larger than 2 GB"))
                return
            }
            guard let reader = xmlReaderForMemory(base, Int32(bytes.count), part, encoding, options) else {
                outcome = .failure(InputError(.malformedXML, file: file, "\(part): the XML reader could not be started"))
                return
            }
            defer { xmlFreeTextReader(reader) }
            xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
                guard let userData, let error else { return }
                userData.assumingMemoryBound(to: XMLErrorCapture.self).pointee.record(error.pointee)
            }, errors)
            var stream = XMLStreamReader(reader: reader, part: part, file: file, limits: limits, errors: errors)
            do throws(InputError) {
                outcome = .success(try body(&stream))
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome!.get()
    }

    /// The nesting libxml2 allows without `XML_PARSE_HUGE`.
    private static let libxml2DepthCap = 256

    private init(reader: xmlTextReaderPtr, part: String, file: String, limits: ReadLimits,
                 errors: UnsafeMutablePointer<XMLErrorCapture>) {
        self.reader = reader
        self.part = part
        self.file = file
        self.limits = limits
        self.errors = errors
    }

    /// The next event, or nil at the end of the part.
    mutating func next() throws(InputError) -> Event? {
        if let end = pendingEnd {
            pendingEnd = nil
            return .end(end)
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw malformed() }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                elements += 1
                if elements > limits.maxXMLElements {
                    throw limitError(limits.exceeded(.xmlElements, "more than \(limits.maxXMLElements) XML elements"))
                }
                let depth = Int(xmlTextReaderDepth(reader))
                if depth >= limits.maxXMLDepth {
                    throw limitError(limits.exceeded(.xmlDepth, "XML elements nested deeper than \(limits.maxXMLDepth) levels"))
                }
                let id = nameID()
                if xmlTextReaderIsEmptyElement(reader) == 1 { pendingEnd = id }
                return .start(id)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(nameID())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                guard let value = xmlTextReaderConstValue(reader) else { continue }
                return .text(String(cString: value))
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw InputError(.malformedXML, file: file, line: lineNumber, column: columnNumber,
                                 "\(part): a DOCTYPE declaration is not allowed in an OOXML part; its entities are neither fetched nor expanded")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw InputError(.malformedXML, file: file, line: lineNumber, column: columnNumber,
                                 "\(part): an entity reference is not allowed in an OOXML part")
            default:
                continue
            }
        }
    }

    /// The value of the current element's attribute with this local name (any namespace):
    /// WordprocessingML writes `w:val`, `w14:val` and `w:fldCharType` where one name is unambiguous.
    func attribute(_ local: String) -> String? {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        var more = xmlTextReaderMoveToFirstAttribute(reader)
        while more == 1 {
            if let name = xmlTextReaderConstLocalName(reader), xmlStrEqual(name, local) == 1 {
                return xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            }
            more = xmlTextReaderMoveToNextAttribute(reader)
        }
        return nil
    }

    /// The namespace URI bound to a prefix where the reader stands (for `mc:Choice Requires`).
    func namespaceURI(forPrefix prefix: String) -> String? {
        // The reader keeps the current node's ancestors, where the declarations live; searching
        // them returns the tree's own string, so nothing has to be freed.
        guard let node = xmlTextReaderCurrentNode(reader),
              let ns = xmlSearchNs(node.pointee.doc, node, prefix), let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// Where the reader stands in the part, for diagnostics and errors.
    var lineNumber: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    var columnNumber: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    func limitError(_ what: String) -> InputError {
        InputError(.limitExceeded, file: file, line: lineNumber, column: columnNumber, "\(part): \(what)")
    }

    /// The reader hands out names from its dictionary, valid as long as the reader lives, so a
    /// pair of pointers is one name: a part names a few dozen elements a million times, and
    /// making Strings of them (a namespace URI is 60 bytes) each time costs allocations.
    private mutating func nameID() -> XMLName.ID {
        let namespace = xmlTextReaderConstNamespaceUri(reader), local = xmlTextReaderConstLocalName(reader)
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

    private func malformed() -> InputError {
        let capture = errors.pointee
        let line = capture.line ?? lineNumber
        let column = capture.column ?? columnNumber
        let reason = capture.message ?? "the XML is not well-formed"
        if reason.contains("Excessive depth") {
            return InputError(.limitExceeded, file: file, line: line, column: column,
                              "\(part): " + limits.exceeded(.xmlDepth, "XML elements nested deeper than \(min(limits.maxXMLDepth, Self.libxml2DepthCap)) levels"))
        }
        return InputError(.malformedXML, file: file, line: line, column: column, "\(part): \(reason)")
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
