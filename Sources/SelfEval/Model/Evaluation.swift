/// Everything selfeval made of one input file: the contract's top-level document.
public struct Evaluation: Sendable {
    public static let schemaVersion = 1

    public var source: SourceInfo
    public var forms: [Form]
    public var tables: [TableGrid]
    public var diagnostics: [Diagnostic]

    public init(source: SourceInfo, forms: [Form], tables: [TableGrid], diagnostics: [Diagnostic]) {
        self.source = source
        self.forms = forms
        self.tables = tables
        self.diagnostics = diagnostics
    }
}
