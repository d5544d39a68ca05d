import ArgumentParser
import SelfEval

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the convert output.",
        discussion: """
        The schema describes one JSON document as `selfeval convert` writes it (schemaVersion 1). \
        It is the same text as schema/selfeval.schema.json in the source tree.

        Examples:
          selfeval schema > selfeval.schema.json
          python3 -m jsonschema -i out/form.docx.json selfeval.schema.json
        """
    )

    func run() {
        StandardStreams.output(EvaluationSchema.text)
    }
}
