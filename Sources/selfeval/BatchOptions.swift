import ArgumentParser
import Foundation
import SelfEval

/// What every batch command takes: the inputs, how to read them, how many at once.
struct BatchOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files, directories (searched for .txt .tsv .md .markdown .html .htm .docx) or - for standard input.", valueName: "path"))
    var inputs: [String]

    @Option(help: ArgumentHelp("Read every input as this format instead of sniffing it (cells, tsv, markdown, html, docx).", valueName: "format"))
    var inputFormat: SourceFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Files converted at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(name: [.short, .long], help: "No progress bar, notes or summary; errors are still printed.")
    var quiet = false

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("Give at least one file or directory, or - for standard input.") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be given only once.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
    }

    var runner: BatchRunner {
        BatchRunner(converter: Converter(limits: limits.readLimits), format: inputFormat,
                    jobs: jobs ?? max(ProcessInfo.processInfo.activeProcessorCount, 1))
    }

    /// Finds the inputs and prints the notes and errors of the search.
    func discover() -> InputDiscovery.Result {
        let result = InputDiscovery(limits: limits.readLimits).discover(inputs)
        if !quiet { result.notes.forEach(printError) }
        result.errors.forEach { printError($0.message) }
        return result
    }
}
