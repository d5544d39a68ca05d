extension Evaluation {
    /// The JSON Lines of this input: one line per form, `{"file", "formIndex", "form"}`, so a
    /// pipeline can stream a batch without holding whole documents.
    public func formLines(file: String? = nil) -> [String] {
        formLineValues(file: file).map { String(decoding: JSONTextWriter.line(of: $0, pretty: false), as: UTF8.self) }
    }
}
