/// Writes one JSON document (or, for JSON Lines, one per line) piece by piece, handing the bytes
/// to `drain` in chunks, so a document with a million-row table never exists whole in memory,
/// neither as a `JSONValue` tree nor as bytes. The text is byte for byte what `JSONWriter`
/// gives for the same tree: a container opened here is always laid out over lines, which is
/// what `JSONWriter` does for every array that is not all scalars and for every object.
public struct JSONStreamWriter {
    /// Takes the next chunk of output; what it throws stops the writing.
    public typealias Drain = ([UInt8]) throws -> Void

    private var buffer: [UInt8] = []
    private let pretty: Bool
    private let chunkSize: Int
    private let drain: Drain
    /// The open containers, innermost last: whether it is an object, and whether it has a member.
    private var open: [(isObject: Bool, hasMember: Bool)] = []

    public init(pretty: Bool = true, chunkSize: Int = 1 << 18, drain: @escaping Drain) {
        self.pretty = pretty
        self.chunkSize = chunkSize
        self.drain = drain
        buffer.reserveCapacity(chunkSize + chunkSize / 4)
    }

    private var indent: Int? { pretty ? open.count : nil }

    /// A complete value at the current place (a member's value after `key`, or an array item).
    public mutating func value(_ value: JSONValue) throws {
        placeItem()
        JSONWriter.write(value, into: &buffer, indent: indent)
        try drainIfFull()
    }

    public mutating func beginObject() { begin(UInt8(ascii: "{"), isObject: true) }
    public mutating func beginArray() { begin(UInt8(ascii: "[")) }
    public mutating func endObject() throws { try end(UInt8(ascii: "}")) }
    public mutating func endArray() throws { try end(UInt8(ascii: "]")) }

    /// Starts a member of the innermost object; its value follows.
    public mutating func key(_ key: String) {
        precondition(open.last?.isObject == true, "a key outside an object")
        if open[open.count - 1].hasMember { buffer.append(UInt8(ascii: ",")) }
        open[open.count - 1].hasMember = true
        JSONWriter.newline(&buffer, indent)
        JSONWriter.writeString(key, into: &buffer)
        buffer += (pretty ? ": " : ":").utf8
    }

    /// Ends a top-level value with its line break and hands over everything still buffered.
    public mutating func endDocument() throws {
        precondition(open.isEmpty, "a container is still open")
        buffer.append(UInt8(ascii: "\n"))
        try flush()
    }

    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try drain(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func begin(_ byte: UInt8, isObject: Bool = false) {
        placeItem()
        buffer.append(byte)
        open.append((isObject, false))
    }

    private mutating func end(_ byte: UInt8) throws {
        let closed = open.removeLast()
        if closed.hasMember { JSONWriter.newline(&buffer, indent) }
        buffer.append(byte)
        try drainIfFull()
    }

    /// An array item starts after a comma and a line break; an object's value follows its key.
    private mutating func placeItem() {
        guard let innermost = open.last, !innermost.isObject else { return }
        if innermost.hasMember { buffer.append(UInt8(ascii: ",")) }
        open[open.count - 1].hasMember = true
        JSONWriter.newline(&buffer, indent)
    }

    private mutating func drainIfFull() throws {
        if buffer.count >= chunkSize { try flush() }
    }
}

extension JSONStreamWriter {
    /// An array whose items are written one by one by `item`.
    public mutating func array<Items: Sequence>(_ items: Items, _ item: (inout JSONStreamWriter, Items.Element) throws -> Void) throws {
        beginArray()
        for element in items { try item(&self, element) }
        try endArray()
    }

    /// An object with the members of `shell` (a `JSONValue.object`), in its order, except that
    /// the members named in `streamed` are written by that closure instead: the caller builds the
    /// small members once as a tree and streams only the large ones.
    mutating func object(_ shell: JSONValue, streaming streamed: [String: (inout JSONStreamWriter) throws -> Void]) throws {
        guard case .object(let members) = shell else { return try value(shell) }
        beginObject()
        for (name, member) in members {
            key(name)
            if let write = streamed[name] { try write(&self) } else { try value(member) }
        }
        try endObject()
    }
}
