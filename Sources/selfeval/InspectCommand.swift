import ArgumentParser
import SelfEval

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the paragraphs and table grids read from a file, before any mapping."
    )

    @Flag(name: .long, help: "Print the document as JSON instead of aligned grids.")
    var json = false

    @Argument(help: "The file to read (DOCX, cells or TSV text, Markdown, HTML).")
    var file: String

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    func run() throws {
        let document: SourceDocument
        do {
            document = try DocumentReader(limits: limits.readLimits).read(fileAt: file)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if json {
            // Streamed: the tree and the text of a large document's grids are never whole.
            var writer = JSONStreamWriter { StandardStreams.output($0) }
            try? document.writeInspectionJSON(to: &writer)
        } else {
            // Written in pieces of about 256 KB: a large document's rendering is never whole.
            var chunk = ""
            GridRenderer.render(document) { piece in
                chunk += piece
                if chunk.utf8.count >= 1 << 18 {
                    StandardStreams.output(chunk)
                    chunk = ""
                }
            }
            StandardStreams.output(chunk)
        }
    }
}
