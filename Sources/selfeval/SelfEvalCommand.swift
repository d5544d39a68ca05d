import ArgumentParser

@main
struct SelfEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfeval",
        abstract: "Read Chinese budget performance self-evaluation forms (绩效自评表) into checked JSON and CSV.",
        subcommands: [ConvertCommand.self, InspectCommand.self]
    )
}
