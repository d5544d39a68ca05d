import ArgumentParser
import Foundation

@main
struct SelfEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfeval",
        abstract: "Read Chinese budget performance self-evaluation forms (绩效自评表) into checked JSON and CSV.",
        discussion: """
        Examples:
          selfeval convert 2023/ -o out/   # JSON per file + forms/indicators/funds.csv
          selfeval check 2023/             # list the failed checks
          selfeval inspect form.docx       # the tables as read, before mapping
          selfeval schema                  # JSON Schema of the convert output

        Exit status: 0 success, 1 when a file failed (or a check, for check and convert --strict), 2 for a usage error.
        """,
        subcommands: [ConvertCommand.self, CheckCommand.self, InspectCommand.self, SchemaCommand.self]
    )

    /// Usage errors exit 2, as Unix tools do, instead of ArgumentParser's 64 (EX_USAGE); every
    /// other outcome keeps its code.
    static func main() async {
        LargeBuffers.mapAlways()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as UsageError {
            StandardStreams.error(error.description)
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardStreams.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
