/// The large documents written through `JSONStreamWriter`, which drains its bytes as they grow,
/// and the same documents written whole in memory. Both write what `JSONWriter` gives for the
/// `json` tree, straight from the model.
extension Evaluation {
    /// Writes the same text as `JSONWriter.utf8(json)`.
    public func writeJSON(to writer: inout JSONStreamWriter) throws {
        try write(to: &writer)
        try writer.endDocument()
    }

    /// The same bytes as `JSONWriter.utf8(json)`, without building the tree.
    public func jsonUTF8() -> [UInt8] {
        JSONTextWriter.line(of: self, capacity: estimatedJSONSize)
    }

    /// About the size of the pretty JSON, a little over rather than under: the buffer grows by
    /// copying all it holds, and twice the input fell short of forms whose text is 1 to 11 times
    /// their input (the text samples' buffers grew 19 times, copying 1 MB). The texts come from
    /// the input; each indicator, fund line, grid slot and diagnostic adds its names and layout.
    var estimatedJSONSize: Int {
        var size = 4096 + source.bytes + diagnostics.count * 150
        for form in forms { size += 2000 + form.indicators.count * 1000 + form.funds.count * 700 }
        for table in tables { size += table.rowCount * table.columnCount * 8 }
        return size
    }

    /// Writes the same lines as `formLines(file:)`.
    public func writeFormLines(file: String? = nil, to writer: inout JSONStreamWriter) throws {
        for line in formLineValues(file: file) {
            try line.write(to: &writer)
            try writer.endDocument()
        }
    }

    /// The JSON Lines objects of this input: `{"file", "formIndex", "form"}` for each form.
    func formLineValues(file: String?) -> [FormLine] {
        let file = file ?? source.path
        return forms.enumerated().map { FormLine(file: file, formIndex: $0, form: $1) }
    }
}

/// One line of `forms.jsonl`.
struct FormLine: JSONWritable {
    var file: String
    var formIndex: Int
    var form: Form

    func write<Sink: JSONSink>(to sink: inout Sink) throws(Sink.Failure) {
        sink.beginObject()
        try sink.member("file", file)
        try sink.member("formIndex", formIndex)
        try sink.member("form", form)
        try sink.endObject()
    }
}

extension Form {
    /// Writes the same value as `json`.
    public func writeJSON(to writer: inout JSONStreamWriter) throws {
        try write(to: &writer)
    }
}

extension TableGrid {
    /// Writes the same value as `json(index:)`.
    public func writeJSON(index: Int, to writer: inout JSONStreamWriter) throws {
        try write(index: index, to: &writer)
    }
}

extension SourceDocument {
    /// Writes the same text as `JSONWriter.utf8(inspectionJSON)`.
    public func writeInspectionJSON(to writer: inout JSONStreamWriter) throws {
        try writeInspection(to: &writer)
        try writer.endDocument()
    }
}
