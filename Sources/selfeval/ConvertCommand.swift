import ArgumentParser
import Foundation
import SelfEval

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert forms to checked JSON.",
        discussion: """
        Examples:
          selfeval convert form.docx              # JSON on standard output
          selfeval convert a.txt b.docx -o out/   # out/a.txt.json, out/b.docx.json
        """
    )

    @Option(name: [.short, .long], help: "Directory for the outputs (one <input name>.json per input).")
    var output: String?

    @Argument(help: "Input files.")
    var inputs: [String]

    func run() throws {
        var failed = 0
        if let output {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        }
        for input in inputs {
            do {
                let evaluation = try Converter().convert(fileAt: input)
                let text = JSONWriter.render(evaluation.json)
                if let output {
                    let name = (input as NSString).lastPathComponent + ".json"
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent(name))
                } else {
                    print(text, terminator: "")
                }
            } catch let error as InputError {
                printError(error.description)
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
