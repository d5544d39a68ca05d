/// The whole pipeline for one input: reader → grid → reconstructor → model → checks.
public struct Converter: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func convert(fileAt path: String, format: SourceFormat? = nil) throws(InputError) -> Evaluation {
        evaluate(try DocumentReader(limits: limits).read(fileAt: path, format: format))
    }

    public func evaluate(_ document: SourceDocument) -> Evaluation {
        var (forms, diagnostics) = FormAssembler().forms(in: document)
        let checks = FormChecks()
        for i in forms.indices { forms[i].checks = checks.run(on: forms[i]) }
        var all = document.diagnostics
        all.appendMoving(&diagnostics)
        return Evaluation(source: document.source, forms: forms, tables: document.tables, diagnostics: all)
    }
}
