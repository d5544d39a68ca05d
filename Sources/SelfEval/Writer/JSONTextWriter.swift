/// Writes JSON text piece by piece into one byte buffer, byte for byte what `JSONWriter` gives
/// for the same tree: a container opened here is laid out over lines, which is what
/// `JSONWriter` does for every object and every array that is not all scalars, and `ints` and
/// `strings` write the arrays of scalars on one line. The in-memory outputs write into it
/// directly; `JSONStreamWriter` drains it in chunks.
struct JSONTextWriter: JSONSink {
    typealias Failure = Never

    var out: ByteBuffer
    let pretty: Bool
    /// The containers around the innermost one, outermost first: whether each is an object and
    /// whether it has a member yet.
    private var enclosing: [(isObject: Bool, hasMember: Bool)] = []
    /// The innermost open container, kept apart because every item asks about it.
    private var innermost: (isObject: Bool, hasMember: Bool)?
    /// How many containers are open: a line starts with two spaces for each in pretty text.
    private var depth = 0

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        out = ByteBuffer(capacity: capacity)
    }

    var isComplete: Bool { innermost == nil }

    mutating func value(_ value: JSONValue) {
        placeItem()
        JSONWriter.write(value, into: &out, indent: pretty ? depth : nil)
    }

    mutating func string(_ string: String?) {
        placeItem()
        if let string { JSONWriter.writeString(string, into: &out) } else { JSONWriter.writeNull(into: &out) }
    }

    mutating func int(_ int: Int?) {
        placeItem()
        if let int { JSONWriter.writeInt(int, into: &out) } else { JSONWriter.writeNull(into: &out) }
    }

    mutating func number(_ number: Double?) {
        placeItem()
        JSONWriter.writeNumber(number, into: &out)
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

    /// Each text with the separator before it in one write when it needs no escape.
    mutating func strings(count: Int, _ string: (Int) -> String?) {
        placeItem(opening: UInt8(ascii: "["))
        let separator = pretty ? 2 : 1
        for index in 0..<count {
            let gap = index > 0 ? separator : 0
            guard var text = string(index) else {
                out.write(maxCount: 2 + 4) { p in
                    JSONWriter.separator(gap, at: p)
                    return gap + JSONWriter.null(at: p + gap)
                }
                continue
            }
            text.withUTF8 { bytes in
                guard JSONWriter.plainRunEnd(bytes, from: 0) == bytes.count else {
                    out.write(maxCount: 2) { p in
                        JSONWriter.separator(gap, at: p)
                        return gap
                    }
                    return JSONWriter.writeString(utf8: bytes, into: &out)
                }
                out.write(maxCount: gap + bytes.count + 2) { p in
                    JSONWriter.separator(gap, at: p)
                    p[gap] = UInt8(ascii: "\"")
                    if let base = bytes.baseAddress { (p + gap + 1).update(from: base, count: bytes.count) }
                    p[gap + bytes.count + 1] = UInt8(ascii: "\"")
                    return gap + bytes.count + 2
                }
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    mutating func beginObject() { begin(UInt8(ascii: "{"), isObject: true) }
    mutating func beginArray() { begin(UInt8(ascii: "["), isObject: false) }
    mutating func endObject() { end(UInt8(ascii: "}")) }
    mutating func endArray() { end(UInt8(ascii: "]")) }

    mutating func key(_ key: String) {
        startMember()
        JSONWriter.writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
    }

    /// The comma, the line break and indentation, the quoted name and the colon, in one write.
    mutating func name(_ name: StaticString) {
        member(name, valueCount: 0) { _ in 0 }
    }

    /// A member whose value is a string or null: its start and the quoted text go out in one
    /// write when the text needs no escape, as nearly every text does.
    mutating func member(_ name: StaticString, _ string: String?) {
        guard var string else { return member(name, valueCount: 4) { JSONWriter.null(at: $0) } }
        string.withUTF8 { bytes in
            guard JSONWriter.plainRunEnd(bytes, from: 0) == bytes.count else {
                self.name(name)
                return JSONWriter.writeString(utf8: bytes, into: &out)
            }
            member(name, valueCount: bytes.count + 2) { p in
                p[0] = UInt8(ascii: "\"")
                if let base = bytes.baseAddress { (p + 1).update(from: base, count: bytes.count) }
                p[bytes.count + 1] = UInt8(ascii: "\"")
                return bytes.count + 2
            }
        }
    }

    /// A member whose value is an integer or null, in one write.
    mutating func member(_ name: StaticString, _ int: Int?) {
        guard let int else { return member(name, valueCount: 4) { JSONWriter.null(at: $0) } }
        member(name, valueCount: JSONWriter.maxIntLength) { JSONWriter.digits(of: int, at: $0) }
    }

    /// A member whose value is a number as `number(_:)` writes it, in one write unless the
    /// number has a fraction.
    mutating func member(_ name: StaticString, number: Double?) {
        guard let number else { return member(name, valueCount: 4) { JSONWriter.null(at: $0) } }
        guard let whole = JSONWriter.wholeNumber(number) else {
            self.name(name)
            return JSONWriter.writeDouble(number, into: &out)
        }
        member(name, valueCount: JSONWriter.maxIntLength) { JSONWriter.digits(of: whole, at: $0) }
    }

    /// The start of a member named in the code and then what `value` writes (at most
    /// `valueCount` bytes), with one room check for both.
    @inline(__always)
    private mutating func member(_ name: StaticString, valueCount: Int, _ value: (UnsafeMutablePointer<UInt8>) -> Int) {
        let comma = startMember(lineBreak: false)
        let pretty = self.pretty
        let indent = pretty ? 2 * depth : 0
        let length = name.utf8CodeUnitCount
        out.write(maxCount: length + indent + JSONWriter.indentSlack + 6 + valueCount) { p in
            var i = 0
            if comma {
                p[i] = UInt8(ascii: ",")
                i += 1
            }
            if pretty { i += JSONWriter.lineStart(indent: indent, at: p + i) }
            p[i] = UInt8(ascii: "\"")
            (p + i + 1).update(from: name.utf8Start, count: length)
            i += 1 + length
            p[i] = UInt8(ascii: "\"")
            p[i + 1] = UInt8(ascii: ":")
            i += 2
            if pretty {
                p[i] = UInt8(ascii: " ")
                i += 1
            }
            return i + value(p + i)
        }
    }

    /// Marks the innermost object as having a member; returns whether a comma goes first.
    /// Writes the comma and the line start unless the caller writes them with the name.
    @discardableResult
    private mutating func startMember(lineBreak: Bool = true) -> Bool {
        precondition(innermost?.isObject == true, "a key outside an object")
        let comma = innermost!.hasMember
        innermost!.hasMember = true
        if lineBreak {
            if comma { out.append(UInt8(ascii: ",")) }
            newline()
        }
        return comma
    }

    /// An array of scalars as `JSONWriter` lays it out: `[1, 2]` in pretty text, `[1,2]` on one line.
    private mutating func scalars<Items: Sequence>(_ items: Items, _ write: (inout ByteBuffer, Items.Element) -> Void) {
        out.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first {
                if pretty { out.append(UInt8(ascii: ","), UInt8(ascii: " ")) } else { out.append(UInt8(ascii: ",")) }
            }
            first = false
            write(&out, item)
        }
        out.append(UInt8(ascii: "]"))
    }

    private mutating func begin(_ bracket: UInt8, isObject: Bool) {
        placeItem(opening: bracket)
        if let innermost { enclosing.append(innermost) }
        innermost = (isObject, false)
        depth += 1
    }

    /// The line break and indentation before the closing bracket, and the bracket, in one write.
    private mutating func end(_ bracket: UInt8) {
        let closed = innermost!
        innermost = enclosing.popLast()
        depth -= 1
        let lineBreak = pretty && closed.hasMember
        let indent = 2 * depth
        out.write(maxCount: 2 + indent + JSONWriter.indentSlack) { p in
            let i = lineBreak ? JSONWriter.lineStart(indent: indent, at: p) : 0
            p[i] = bracket
            return i + 1
        }
    }

    /// An array item starts after a comma and a line break; an object's value follows its key.
    /// The bracket of a container that starts here goes out in the same write.
    private mutating func placeItem(opening bracket: UInt8? = nil) {
        var comma = false
        var lineBreak = false
        if let container = innermost, !container.isObject {
            comma = container.hasMember
            innermost!.hasMember = true
            lineBreak = pretty
        }
        guard comma || lineBreak || bracket != nil else { return }
        let indent = lineBreak ? 2 * depth : 0
        out.write(maxCount: 2 + indent + JSONWriter.indentSlack + 1) { p in
            var i = 0
            if comma {
                p[0] = UInt8(ascii: ",")
                i = 1
            }
            if lineBreak { i += JSONWriter.lineStart(indent: indent, at: p + i) }
            if let bracket {
                p[i] = bracket
                i += 1
            }
            return i
        }
    }

    private mutating func newline() {
        if pretty { JSONWriter.newline(&out, depth) }
    }
}

extension JSONTextWriter {
    /// The text of `value` and a line break, as `JSONWriter.utf8(value.json)` gives it (a
    /// pretty document) or as one JSON Lines line.
    static func line(of value: some JSONWritable, pretty: Bool = true, capacity: Int = 1 << 14) -> [UInt8] {
        var writer = JSONTextWriter(pretty: pretty, capacity: capacity)
        value.write(to: &writer)
        writer.out.append(UInt8(ascii: "\n"))
        return writer.out.take()
    }
}
