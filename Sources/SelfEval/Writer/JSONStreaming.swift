/// The large documents written through `JSONStreamWriter`: the parts that grow with the input
/// (forms, indicators, tables, grid rows, diagnostics) are written one at a time, and every
/// other member comes from the same `json` tree the in-memory writer uses, so the two agree.
extension Evaluation {
    /// Writes the same text as `JSONWriter.utf8(json)`.
    public func writeJSON(to writer: inout JSONStreamWriter) throws {
        var shell = self
        shell.forms = []
        shell.tables = []
        shell.diagnostics = []
        try writer.object(shell.json, streaming: [
            "forms": { w in try w.array(forms) { w, form in try form.writeJSON(to: &w) } },
            "tables": { w in try w.array(tables.indices) { w, i in try tables[i].writeJSON(index: i, to: &w) } },
            "diagnostics": { w in try w.array(diagnostics) { w, d in try w.value(d.json) } },
        ])
        try writer.endDocument()
    }

    /// Writes the same lines as `formLines(file:)`.
    public func writeFormLines(file: String? = nil, to writer: inout JSONStreamWriter) throws {
        let file = file ?? source.path
        for (index, form) in forms.enumerated() {
            let shell: JSONValue = .object([("file", .string(file)), ("formIndex", .int(index)), ("form", .null)])
            try writer.object(shell, streaming: ["form": { w in try form.writeJSON(to: &w) }])
            try writer.endDocument()
        }
    }
}

extension Form {
    /// Writes the same value as `json`, its indicators one at a time.
    public func writeJSON(to writer: inout JSONStreamWriter) throws {
        var shell = self
        shell.indicators = []
        try writer.object(shell.json, streaming: [
            "indicators": { w in try w.array(indicators) { w, indicator in try w.value(indicator.json) } },
        ])
    }
}

extension TableGrid {
    /// Writes the same value as `json(index:)`, its grid one row at a time.
    public func writeJSON(index: Int, to writer: inout JSONStreamWriter) throws {
        try writer.object(json(index: index, grid: .null), streaming: [
            "grid": { w in try w.array(0..<rowCount) { w, r in try w.value(gridRowJSON(r)) } },
        ])
    }
}

extension SourceDocument {
    /// Writes the same text as `JSONWriter.utf8(inspectionJSON)`.
    public func writeInspectionJSON(to writer: inout JSONStreamWriter) throws {
        var shell = self
        shell.tables = []
        try writer.object(shell.inspectionJSON, streaming: [
            "tables": { w in try w.array(tables.indices) { w, i in try tables[i].writeJSON(index: i, to: &w) } },
        ])
        try writer.endDocument()
    }
}
