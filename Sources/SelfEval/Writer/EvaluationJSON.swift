extension Value: JSONRepresentable {
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("text", .string(text))]
        if let number { members.append(("number", .number(number))) }
        if let unit { members.append(("unit", .string(unit))) }
        if let comparator { members.append(("comparator", .string(comparator))) }
        return .object(members)
    }
}

extension CellSource: JSONRepresentable {
    public var json: JSONValue { .object([("table", .int(table)), ("rows", .array(rows.map { .int($0) }))]) }
}

extension FundLine: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("label", .string(label)), ("role", .string(role.rawValue)),
            ("initialBudget", initialBudget.json), ("annualBudget", annualBudget.json), ("executed", executed.json),
            ("weight", weight.json), ("executionRate", executionRate.json), ("score", score.json),
            ("source", source.json),
        ])
    }
}

extension FundSource: JSONRepresentable {
    public var json: JSONValue {
        .object([("dimension", .string(dimension)), ("label", .string(label)), ("amount", amount.json)])
    }
}

extension Goal: JSONRepresentable {
    public var json: JSONValue { .object([("expected", .string(expected)), ("actual", .string(actual))]) }
}

extension Indicator: JSONRepresentable {
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("level1", .string(level1)), ("level2", .string(level2)), ("level3", .string(level3)),
            ("level1Weight", .number(level1Weight)), ("level2Weight", .number(level2Weight)), ("level3Weight", .number(level3Weight)),
        ]
        if let level1Note { members.append(("level1Note", .string(level1Note))) }
        members += [
            ("code", .string(code)),
            ("target", target.json), ("actual", actual.json), ("weight", weight.json), ("score", score.json),
            ("deviation", .string(deviation)), ("criteria", .string(criteria)), ("explanation", .string(explanation)),
            ("dataSource", .string(dataSource)), ("sharedWith", .int(sharedWith)), ("source", source.json),
        ]
        return .object(members)
    }
}

extension Check: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("rule", .string(rule)), ("status", .string(status.rawValue)), ("message", .string(message)),
            ("expected", .number(expected)), ("found", .number(found)),
        ])
    }
}

extension Form: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("kind", .string(kind.rawValue)),
            ("title", .string(title)),
            ("attachment", .string(attachment)),
            ("year", .int(year)),
            ("filledDate", .string(filledDate)),
            ("info", .object([
                ("projectName", .string(info.projectName)),
                ("unitName", .string(info.unitName)),
                ("supervisor", .string(info.supervisor)),
                ("implementer", .string(info.implementer)),
                ("options", .object(info.options.map { ($0.label, .array($0.ticked.map { .string($0) })) })),
                ("other", .object(info.other.map { ($0.label, .string($0.value)) })),
            ])),
            ("funds", funds.json),
            ("fundSources", fundSources.json),
            ("goals", goals.json),
            ("indicators", indicators.json),
            ("total", .object([("weight", total.weight.json), ("score", total.score.json)])),
            ("grade", .string(grade)),
            ("notes", .object(notes.map { ($0.label, .string($0.text)) })),
            ("checks", checks.json),
            ("tables", .array(tables.map { .int($0) })),
        ])
    }
}

extension Evaluation: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("schemaVersion", .int(Self.schemaVersion)),
            ("source", source.json),
            ("forms", forms.json),
            ("tables", .array(tables.enumerated().map { $1.json(index: $0) })),
            ("diagnostics", diagnostics.json),
        ])
    }
}
