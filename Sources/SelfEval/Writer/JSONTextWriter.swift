/// Writes JSON text piece by piece into one byte buffer, byte for byte what `JSONWriter` gives
/// for the same tree: a container opened here is laid out over lines, which is what
/// `JSONWriter` does for every object and every array that is not all scalars, and `ints` and
/// `strings` write the arrays of scalars on one line. The in-memory outputs write into it
/// directly; `JSONStreamWriter` drains it in chunks.
struct JSONTextWriter: JSONSink {
    typealias Failure = Never

    var buffer: [UInt8] = []
    let pretty: Bool
    /// The containers around the innermost one, outermost first: whether each is an object and
    /// whether it has a member yet.
    private var enclosing: [(isObject: Bool, hasMember: Bool)] = []
    /// The innermost open container, kept apart because every item asks about it.
    private var innermost: (isObject: Bool, hasMember: Bool)?
    /// What starts a line at the current depth in pretty text: a line feed and two spaces per
    /// open container, copied whole.
    private var lineStart: [UInt8] = [UInt8(ascii: "\n")]

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        buffer.reserveCapacity(capacity)
    }

    var isComplete: Bool { innermost == nil }

    mutating func value(_ value: JSONValue) {
        placeItem()
        JSONWriter.write(value, into: &buffer, indent: pretty ? (lineStart.count - 1) / 2 : nil)
    }

    mutating func string(_ string: String?) {
        placeItem()
        if let string { JSONWriter.writeString(string, into: &buffer) } else { JSONWriter.writeNull(into: &buffer) }
    }

    mutating func int(_ int: Int?) {
        placeItem()
        if let int { JSONWriter.writeInt(int, into: &buffer) } else { JSONWriter.writeNull(into: &buffer) }
    }

    mutating func number(_ number: Double?) {
        placeItem()
        JSONWriter.writeNumber(number, into: &buffer)
    }

    mutating func ints(_ ints: [Int]) {
        placeItem()
        scalars(ints) { JSONWriter.writeInt($1, into: &$0) }
    }

    mutating func strings<Items: Sequence<String?>>(_ strings: Items) {
        placeItem()
        scalars(strings) { out, string in
            if let string { JSONWriter.writeString(string, into: &out) } else { JSONWriter.writeNull(into: &out) }
        }
    }

    mutating func beginObject() { begin(UInt8(ascii: "{"), isObject: true) }
    mutating func beginArray() { begin(UInt8(ascii: "["), isObject: false) }
    mutating func endObject() { end(UInt8(ascii: "}")) }
    mutating func endArray() { end(UInt8(ascii: "]")) }

    mutating func key(_ key: String) {
        startMember()
        JSONWriter.writeString(key, into: &buffer)
        endKey()
    }

    mutating func name(_ name: StaticString) {
        startMember()
        buffer.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(UInt8(ascii: "\""))
        endKey()
    }

    private mutating func startMember() {
        precondition(innermost?.isObject == true, "a key outside an object")
        if innermost!.hasMember { buffer.append(UInt8(ascii: ",")) }
        innermost!.hasMember = true
        newline()
    }

    private mutating func endKey() {
        buffer.append(UInt8(ascii: ":"))
        if pretty { buffer.append(UInt8(ascii: " ")) }
    }

    /// An array of scalars as `JSONWriter` lays it out: `[1, 2]` in pretty text, `[1,2]` on one line.
    private mutating func scalars<Items: Sequence>(_ items: Items, _ write: (inout [UInt8], Items.Element) -> Void) {
        buffer.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 {
                buffer.append(UInt8(ascii: ","))
                if pretty { buffer.append(UInt8(ascii: " ")) }
            }
            write(&buffer, item)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    private mutating func begin(_ byte: UInt8, isObject: Bool) {
        placeItem()
        buffer.append(byte)
        if let innermost { enclosing.append(innermost) }
        innermost = (isObject, false)
        if pretty {
            lineStart.append(UInt8(ascii: " "))
            lineStart.append(UInt8(ascii: " "))
        }
    }

    private mutating func end(_ byte: UInt8) {
        let closed = innermost!
        innermost = enclosing.popLast()
        if pretty { lineStart.removeLast(2) }
        if closed.hasMember { newline() }
        buffer.append(byte)
    }

    /// An array item starts after a comma and a line break; an object's value follows its key.
    private mutating func placeItem() {
        guard let container = innermost, !container.isObject else { return }
        if container.hasMember { buffer.append(UInt8(ascii: ",")) }
        innermost!.hasMember = true
        newline()
    }

    private mutating func newline() {
        if pretty { buffer.append(contentsOf: lineStart) }
    }
}

extension JSONTextWriter {
    /// The text of `value` and a line break, as `JSONWriter.utf8(value.json)` gives it (a
    /// pretty document) or as one JSON Lines line.
    static func line(of value: some JSONWritable, pretty: Bool = true, capacity: Int = 1 << 14) -> [UInt8] {
        var writer = JSONTextWriter(pretty: pretty, capacity: capacity)
        value.write(to: &writer)
        writer.buffer.append(UInt8(ascii: "\n"))
        return writer.buffer
    }
}
