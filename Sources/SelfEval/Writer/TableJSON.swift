extension SourceInfo: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("path", path)
        try sink.member("format", format.rawValue)
        try sink.member("encoding", encoding)
        try sink.member("bytes", bytes)
        try sink.member("sha256", sha256)
        try sink.endObject()
    }
}

extension SourceLocation: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        switch self {
        case .line(let n): try sink.member("line", n)
        case .paragraph(let n): try sink.member("paragraph", n)
        }
        try sink.endObject()
    }
}

extension MergedCell: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("row", row)
        try sink.member("column", column)
        try sink.member("rowSpan", rowSpan)
        try sink.member("colSpan", colSpan)
        try sink.endObject()
    }
}

extension TableGrid {
    /// The contract's Table object; `index` is the table's place in the document.
    public func json(index: Int) -> JSONValue {
        var builder = JSONTreeBuilder()
        write(index: index, to: &builder)
        return builder.result
    }

    /// The tables of a document, each with its place as its index.
    static func write<Sink: JSONSink>(_ tables: [TableGrid], to sink: inout Sink) throws(Sink.Failure) {
        sink.beginArray()
        for (index, table) in tables.enumerated() { try table.write(index: index, to: &sink) }
        try sink.endArray()
    }

    /// The Table object. The `grid` rows hold the anchored texts, null where a merge covers the slot.
    func write<Sink: JSONSink>(index: Int, to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("index", index)
        try sink.member("title", title)
        try sink.member("rowCount", rowCount)
        try sink.member("columnCount", columnCount)
        sink.name("grid")
        sink.beginArray()
        for r in 0..<rowCount { try sink.strings(count: columnCount) { text(row: r, column: $0) } }
        try sink.endArray()
        try sink.member("merges", merges)
        try sink.member("source", location)
        if let parent {
            sink.name("parent")
            sink.beginObject()
            try sink.member("table", parent.table)
            try sink.member("row", parent.row)
            try sink.member("column", parent.column)
            try sink.endObject()
        }
        let nested = nestedTables
        if !nested.isEmpty {
            sink.name("nestedTables")
            sink.beginArray()
            for (row, column, tables) in nested {
                sink.beginObject()
                try sink.member("row", row)
                try sink.member("column", column)
                try sink.member("tables", ints: tables)
                try sink.endObject()
            }
            try sink.endArray()
        }
        try sink.endObject()
    }
}

extension Diagnostic: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("level", level.rawValue)
        try sink.member("code", code)
        try sink.member("message", message)
        if let table { try sink.member("table", table) }
        if let row { try sink.member("row", row) }
        if let column { try sink.member("column", column) }
        if let line { try sink.member("line", line) }
        try sink.endObject()
    }
}

extension SourceDocument {
    /// What `selfeval inspect --json` prints: the source, the paragraphs and the tables as read.
    public var inspectionJSON: JSONValue {
        var builder = JSONTreeBuilder()
        writeInspection(to: &builder)
        return builder.result
    }

    func writeInspection<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("source", source)
        sink.name("paragraphs")
        try sink.strings(paragraphs.map(\.text))
        sink.name("blocks")
        try writeBlocks(to: &sink)
        sink.name("tables")
        try TableGrid.write(tables, to: &sink)
        try sink.member("diagnostics", diagnostics)
        try sink.endObject()
    }

    /// The reading order of paragraphs and tables, which the two lists alone lose: one object per
    /// block, `{"paragraph": i, "headingLevel"?: n}` or `{"table": i}`, indexes into those lists.
    private func writeBlocks<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        var paragraphIndex = 0
        sink.beginArray()
        for block in blocks {
            sink.beginObject()
            switch block {
            case .paragraph(let p):
                try sink.member("paragraph", paragraphIndex)
                if let level = p.headingLevel { try sink.member("headingLevel", level) }
                paragraphIndex += 1
            case .table(let i):
                try sink.member("table", i)
            }
            try sink.endObject()
        }
        try sink.endArray()
    }
}
