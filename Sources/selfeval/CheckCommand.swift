import ArgumentParser
import Foundation
import SelfEval

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the arithmetic and consistency checks and report what fails.",
        discussion: """
        Prints one line per failed check, `file: form N (name): rule: message (expected X, found Y)`, \
        forms numbered from 0 as in the JSON forms array, then a one-line tally. The rules are \
        total-score, total-weight, level1-weight, score-within-weight, execution-rate and \
        execution-score (see the output contract).

        Exit status: 0 when every check passed or was skipped, 1 when a check failed or a file \
        could not be read, 2 for a usage error.

        Examples:
          selfeval check 2023/
          selfeval check form.docx --verbose   # also passed and skipped checks
        """
    )

    @OptionGroup var batch: BatchOptions

    @Flag(name: [.short, .long], help: "List every check, not only the failed ones.")
    var verbose = false

    func run() async throws {
        let found = batch.discover()
        var tally = BatchTally()
        var failedFiles = found.errors.map(\.path)
        var progress = ProgressBar(total: found.inputs.count, enabled: !batch.quiet && isatty(2) == 1)
        let verbose = self.verbose
        await batch.runner.run(found.inputs) { input, evaluation -> ([String], BatchTally) in
            (CheckReport.lines(for: evaluation, file: input.path, verbose: verbose), BatchTally(evaluation))
        } completed: { done, input in
            progress.update(done: done, current: input.path)
        } receive: { index, outcome in
            switch outcome {
            case .failure(let error):
                progress.interrupt(error.description)
                failedFiles.append(found.inputs[index].path)
            case .success(let (lines, fileTally)):
                if !lines.isEmpty {
                    progress.finish()
                    StandardStreams.output(lines.map { $0 + "\n" }.joined())
                }
                tally += fileTally
            }
        }
        progress.finish()
        StandardStreams.output(CheckReport.tally(tally, unreadable: failedFiles.count) + "\n")
        if tally.failedChecks > 0 || !failedFiles.isEmpty { throw ExitCode(1) }
    }
}
