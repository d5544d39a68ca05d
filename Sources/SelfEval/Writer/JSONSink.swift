/// Where a value's JSON goes: `JSONStreamWriter` writes it straight into bytes, `JSONTreeBuilder`
/// builds the `JSONValue` tree. Each type states its members once, in `JSONWritable.write(to:)`,
/// and both outputs follow from it, so writing a document needs no tree first.
///
/// A container begun with `beginArray` holds containers only; an array of scalars is written
/// whole with `ints` or `strings`, because `JSONWriter` lays those out on one line.
protocol JSONSink {
    /// What writing can throw: the stream writer's drain, nothing for the tree.
    associatedtype Failure: Error

    mutating func beginObject()
    mutating func endObject() throws(Failure)
    mutating func beginArray()
    mutating func endArray() throws(Failure)
    /// Starts a member of the innermost object; its value follows.
    mutating func key(_ key: String)
    /// Starts a member named in the code: plain ASCII, so no escape is looked for.
    mutating func name(_ name: StaticString)
    /// A ready-made value at the current place.
    mutating func value(_ value: JSONValue) throws(Failure)
    /// A string, or null.
    mutating func string(_ string: String?) throws(Failure)
    /// An integer, or null.
    mutating func int(_ int: Int?) throws(Failure)
    /// A number as `JSONValue.number` writes it (whole numbers without a fraction), or null.
    mutating func number(_ number: Double?) throws(Failure)
    mutating func ints(_ ints: [Int]) throws(Failure)
    /// Strings and nulls.
    mutating func strings<Items: Sequence<String?>>(_ strings: Items) throws(Failure)
    /// `count` strings and nulls, the one at each index given by `string`: a grid row read slot by
    /// slot without a sequence around it, so that a text writer can write each text with the
    /// separator before it in one piece.
    mutating func strings(count: Int, _ string: (Int) -> String?) throws(Failure)
    /// A member named in the code whose value is a string, an integer or a number (each or
    /// null): `name` and the value in one call, so that a text writer writes them in one piece.
    mutating func member(_ name: StaticString, _ string: String?) throws(Failure)
    mutating func member(_ name: StaticString, _ int: Int?) throws(Failure)
    mutating func member(_ name: StaticString, number: Double?) throws(Failure)
}

/// A type whose JSON is written member by member into any sink.
protocol JSONWritable {
    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure)
}

extension JSONWritable {
    /// The tree of what `write(to:)` writes.
    var jsonTree: JSONValue {
        var builder = JSONTreeBuilder()
        write(to: &builder)
        return builder.result
    }
}

extension JSONSink {
    mutating func member(_ name: StaticString, _ string: String?) throws(Failure) {
        self.name(name)
        try self.string(string)
    }

    mutating func member(_ name: StaticString, _ int: Int?) throws(Failure) {
        self.name(name)
        try self.int(int)
    }

    mutating func member(_ name: StaticString, number: Double?) throws(Failure) {
        self.name(name)
        try self.number(number)
    }

    mutating func strings(_ strings: [String]) throws(Failure) {
        try self.strings(strings.lazy.map(Optional.some))
    }

    mutating func member(_ name: StaticString, ints: [Int]) throws(Failure) {
        self.name(name)
        try self.ints(ints)
    }

    /// A member whose value is an object or, when `value` is nil, null.
    mutating func member<Value: JSONWritable>(_ name: StaticString, _ value: Value?) throws(Failure) {
        self.name(name)
        guard let value else { return try self.value(.null) }
        try value.write(to: &self)
    }

    /// A member whose value is an array of objects.
    mutating func member<Item: JSONWritable>(_ name: StaticString, _ items: [Item]) throws(Failure) {
        self.name(name)
        try array(items)
    }

    mutating func array<Item: JSONWritable>(_ items: [Item]) throws(Failure) {
        beginArray()
        for item in items { try item.write(to: &self) }
        try endArray()
    }
}
