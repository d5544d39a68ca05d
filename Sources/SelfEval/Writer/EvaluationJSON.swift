extension Value: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("text", text)
        if let number { try sink.member("number", number: number) }
        if let unit { try sink.member("unit", unit) }
        if let comparator { try sink.member("comparator", comparator) }
        try sink.endObject()
    }
}

extension CellSource: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("table", table)
        try sink.member("rows", ints: rows)
        try sink.endObject()
    }
}

extension FundLine: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("label", label)
        try sink.member("role", role.rawValue)
        try sink.member("initialBudget", initialBudget)
        try sink.member("annualBudget", annualBudget)
        try sink.member("executed", executed)
        try sink.member("weight", weight)
        try sink.member("executionRate", executionRate)
        try sink.member("score", score)
        try sink.member("source", source)
        try sink.endObject()
    }
}

extension FundSource: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("dimension", dimension)
        try sink.member("label", label)
        try sink.member("amount", amount)
        try sink.endObject()
    }
}

extension Goal: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("expected", expected)
        try sink.member("actual", actual)
        try sink.endObject()
    }
}

extension Indicator: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("level1", level1)
        try sink.member("level2", level2)
        try sink.member("level3", level3)
        try sink.member("level1Weight", number: level1Weight)
        try sink.member("level2Weight", number: level2Weight)
        try sink.member("level3Weight", number: level3Weight)
        if let level1Note { try sink.member("level1Note", level1Note) }
        try sink.member("code", code)
        try sink.member("target", target)
        try sink.member("actual", actual)
        try sink.member("weight", weight)
        try sink.member("score", score)
        try sink.member("deviation", deviation)
        try sink.member("criteria", criteria)
        try sink.member("explanation", explanation)
        try sink.member("dataSource", dataSource)
        try sink.member("sharedWith", sharedWith)
        try sink.member("source", source)
        try sink.endObject()
    }
}

extension Check: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("rule", rule)
        try sink.member("status", status.rawValue)
        try sink.member("message", message)
        try sink.member("expected", number: expected)
        try sink.member("found", number: found)
        try sink.endObject()
    }
}

extension Form: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("kind", kind.rawValue)
        try sink.member("title", title)
        try sink.member("attachment", attachment)
        try sink.member("year", year)
        try sink.member("filledDate", filledDate)
        sink.name("info")
        sink.beginObject()
        try sink.member("projectName", info.projectName)
        try sink.member("unitName", info.unitName)
        try sink.member("supervisor", info.supervisor)
        try sink.member("implementer", info.implementer)
        sink.name("options")
        sink.beginObject()
        for option in info.options {
            sink.key(option.label)
            try sink.strings(option.ticked)
        }
        try sink.endObject()
        sink.name("other")
        sink.beginObject()
        for other in info.other {
            sink.key(other.label)
            try sink.string(other.value)
        }
        try sink.endObject()
        try sink.endObject()
        try sink.member("funds", funds)
        try sink.member("fundSources", fundSources)
        try sink.member("goals", goals)
        try sink.member("indicators", indicators)
        sink.name("total")
        sink.beginObject()
        try sink.member("weight", total.weight)
        try sink.member("score", total.score)
        try sink.endObject()
        try sink.member("grade", grade)
        sink.name("notes")
        sink.beginObject()
        for note in notes {
            sink.key(note.label)
            try sink.string(note.text)
        }
        try sink.endObject()
        try sink.member("checks", checks)
        try sink.member("tables", ints: tables)
        try sink.endObject()
    }
}

extension Evaluation: JSONRepresentable, JSONWritable {
    public var json: JSONValue { jsonTree }

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("schemaVersion", Self.schemaVersion)
        try sink.member("source", source)
        try sink.member("forms", forms)
        sink.name("tables")
        try TableGrid.write(tables, to: &sink)
        try sink.member("diagnostics", diagnostics)
        try sink.endObject()
    }
}
