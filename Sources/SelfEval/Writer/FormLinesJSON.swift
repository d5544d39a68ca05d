extension Evaluation {
    /// The JSON Lines of this input: one line per form, `{"file", "formIndex", "form"}`, so a
    /// pipeline can stream a batch without holding whole documents.
    public func formLines(file: String? = nil) -> [String] {
        let file = file ?? source.path
        return forms.enumerated().map { index, form in
            JSONWriter.render(.object([("file", .string(file)), ("formIndex", .int(index)), ("form", form.json)]), pretty: false) + "\n"
        }
    }
}
