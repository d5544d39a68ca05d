/// Builds the `JSONValue` tree of what a `JSONWritable` writes: the `json` properties, for
/// library users and tests that look into the values rather than the text.
struct JSONTreeBuilder: JSONSink {
    typealias Failure = Never

    /// The open containers, innermost last, with the key each will be placed under.
    private var open: [(key: String?, isObject: Bool, members: [(String, JSONValue)], items: [JSONValue])] = []
    private var pendingKey: String?
    /// The finished top-level value.
    private(set) var result: JSONValue = .null

    mutating func beginObject() { begin(isObject: true) }
    mutating func beginArray() { begin(isObject: false) }

    mutating func endObject() { end() }
    mutating func endArray() { end() }

    mutating func key(_ key: String) {
        precondition(open.last?.isObject == true, "a key outside an object")
        pendingKey = key
    }

    mutating func name(_ name: StaticString) { key(name.description) }

    mutating func value(_ value: JSONValue) {
        guard !open.isEmpty else { return result = value }
        if open[open.count - 1].isObject {
            open[open.count - 1].members.append((pendingKey!, value))
            pendingKey = nil
        } else {
            open[open.count - 1].items.append(value)
        }
    }

    mutating func string(_ string: String?) { value(.string(string)) }
    mutating func int(_ int: Int?) { value(.int(int)) }
    mutating func number(_ number: Double?) { value(.number(number)) }
    mutating func ints(_ ints: [Int]) { value(.array(ints.map { .int($0) })) }
    mutating func strings<Items: Sequence<String?>>(_ strings: Items) { value(.array(strings.map { .string($0) })) }
    mutating func strings(count: Int, _ string: (Int) -> String?) { value(.array((0..<count).map { .string(string($0)) })) }

    private mutating func begin(isObject: Bool) {
        open.append((pendingKey, isObject, [], []))
        pendingKey = nil
    }

    private mutating func end() {
        let closed = open.removeLast()
        pendingKey = closed.key
        value(closed.isObject ? .object(closed.members) : .array(closed.items))
    }
}
