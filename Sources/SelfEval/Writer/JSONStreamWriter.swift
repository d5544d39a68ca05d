/// Writes one JSON document (or, for JSON Lines, one per line) piece by piece, handing the bytes
/// to `drain` in chunks, so a document with a million-row table never exists whole in memory,
/// neither as a `JSONValue` tree nor as bytes. The text is `JSONTextWriter`'s, byte for byte
/// what `JSONWriter` gives for the same tree.
public struct JSONStreamWriter: JSONSink {
    /// Takes the next chunk of output; what it throws stops the writing.
    public typealias Drain = ([UInt8]) throws -> Void
    typealias Failure = any Error

    private var text: JSONTextWriter
    private let chunkSize: Int
    private let drain: Drain

    public init(pretty: Bool = true, chunkSize: Int = 1 << 18, drain: @escaping Drain) {
        self.chunkSize = chunkSize
        self.drain = drain
        text = JSONTextWriter(pretty: pretty, capacity: chunkSize + chunkSize / 4)
    }

    /// A complete value at the current place (a member's value after `key`, or an array item).
    public mutating func value(_ value: JSONValue) throws {
        text.value(value)
        try drainIfFull()
    }

    public mutating func beginObject() { text.beginObject() }
    public mutating func beginArray() { text.beginArray() }

    public mutating func endObject() throws {
        text.endObject()
        try drainIfFull()
    }

    public mutating func endArray() throws {
        text.endArray()
        try drainIfFull()
    }

    /// Starts a member of the innermost object; its value follows.
    public mutating func key(_ key: String) { text.key(key) }

    mutating func name(_ name: StaticString) { text.name(name) }

    mutating func string(_ string: String?) throws {
        text.string(string)
        try drainIfFull()
    }

    mutating func int(_ int: Int?) throws {
        text.int(int)
        try drainIfFull()
    }

    mutating func number(_ number: Double?) throws {
        text.number(number)
        try drainIfFull()
    }

    mutating func member(_ name: StaticString, _ string: String?) throws {
        text.member(name, string)
        try drainIfFull()
    }

    mutating func member(_ name: StaticString, _ int: Int?) throws {
        text.member(name, int)
        try drainIfFull()
    }

    mutating func member(_ name: StaticString, number: Double?) throws {
        text.member(name, number: number)
        try drainIfFull()
    }

    mutating func ints(_ ints: [Int]) throws {
        text.ints(ints)
        try drainIfFull()
    }

    mutating func strings<Items: Sequence<String?>>(_ strings: Items) throws {
        text.strings(strings)
        try drainIfFull()
    }

    mutating func strings(count: Int, _ string: (Int) -> String?) throws {
        text.strings(count: count, string)
        try drainIfFull()
    }

    /// Ends a top-level value with its line break and hands over everything still buffered.
    public mutating func endDocument() throws {
        precondition(text.isComplete, "a container is still open")
        text.out.append(UInt8(ascii: "\n"))
        try flush()
    }

    public mutating func flush() throws {
        guard !text.out.isEmpty else { return }
        try drain(text.out.bytes)
        text.out.removeAll()
    }

    private mutating func drainIfFull() throws {
        if text.out.count >= chunkSize { try flush() }
    }
}

extension JSONStreamWriter {
    /// An array whose items are written one by one by `item`.
    public mutating func array<Items: Sequence>(_ items: Items, _ item: (inout JSONStreamWriter, Items.Element) throws -> Void) throws {
        beginArray()
        for element in items { try item(&self, element) }
        try endArray()
    }
}
