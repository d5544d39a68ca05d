extension SourceInfo: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("path", .string(path)),
            ("format", .string(format.rawValue)),
            ("encoding", .string(encoding)),
            ("bytes", .int(bytes)),
            ("sha256", .string(sha256)),
        ])
    }
}

extension SourceLocation: JSONRepresentable {
    public var json: JSONValue {
        switch self {
        case .line(let n): return .object([("line", .int(n))])
        case .paragraph(let n): return .object([("paragraph", .int(n))])
        }
    }
}

extension MergedCell: JSONRepresentable {
    public var json: JSONValue {
        .object([("row", .int(row)), ("column", .int(column)), ("rowSpan", .int(rowSpan)), ("colSpan", .int(colSpan))])
    }
}

extension TableGrid {
    /// The contract's Table object; `index` is the table's place in the document.
    public func json(index: Int) -> JSONValue {
        json(index: index, grid: .array((0..<rowCount).map(gridRowJSON)))
    }

    /// One row of the `grid` member: the anchored texts, null where a merge covers the slot.
    func gridRowJSON(_ row: Int) -> JSONValue {
        .array((0..<columnCount).map { .string(text(row: row, column: $0)) })
    }

    /// The Table object with `grid` as given, so a writer can stream the rows in its place.
    func json(index: Int, grid: JSONValue) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("index", .int(index)),
            ("title", .string(title)),
            ("rowCount", .int(rowCount)),
            ("columnCount", .int(columnCount)),
            ("grid", grid),
            ("merges", merges.json),
            ("source", location.json),
        ]
        if let parent {
            members.append(("parent", .object([("table", .int(parent.table)), ("row", .int(parent.row)), ("column", .int(parent.column))])))
        }
        var nested: [JSONValue] = []
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                guard let cell = self[r, c].cell, !cell.nestedTables.isEmpty else { continue }
                nested.append(.object([("row", .int(r)), ("column", .int(c)), ("tables", .array(cell.nestedTables.map { .int($0) }))]))
            }
        }
        if !nested.isEmpty { members.append(("nestedTables", .array(nested))) }
        return .object(members)
    }
}

extension Diagnostic: JSONRepresentable {
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("level", .string(level.rawValue)),
            ("code", .string(code)),
            ("message", .string(message)),
        ]
        if let table { members.append(("table", .int(table))) }
        if let row { members.append(("row", .int(row))) }
        if let column { members.append(("column", .int(column))) }
        if let line { members.append(("line", .int(line))) }
        return .object(members)
    }
}

extension SourceDocument {
    /// The reading order of paragraphs and tables, which the two lists alone lose: one object per
    /// block, `{"paragraph": i, "headingLevel"?: n}` or `{"table": i}`, indexes into those lists.
    var blocksJSON: JSONValue {
        var paragraphIndex = 0
        return .array(blocks.map { block in
            switch block {
            case .paragraph(let p):
                defer { paragraphIndex += 1 }
                var members: [(String, JSONValue)] = [("paragraph", .int(paragraphIndex))]
                if let level = p.headingLevel { members.append(("headingLevel", .int(level))) }
                return .object(members)
            case .table(let i):
                return .object([("table", .int(i))])
            }
        })
    }

    /// What `selfeval inspect --json` prints: the source, the paragraphs and the tables as read.
    public var inspectionJSON: JSONValue {
        .object([
            ("source", source.json),
            ("paragraphs", .array(paragraphs.map { .string($0.text) })),
            ("blocks", blocksJSON),
            ("tables", .array(tables.enumerated().map { $1.json(index: $0) })),
            ("diagnostics", diagnostics.json),
        ])
    }
}
