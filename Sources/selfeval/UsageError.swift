/// A usage error found only while running (after directories were searched), reported like
/// ArgumentParser's own and mapped to exit status 2 by `SelfEvalCommand.main`.
struct UsageError: Error, CustomStringConvertible {
    var command: String
    var message: String

    init(command: String, _ message: String) {
        self.command = command
        self.message = message
    }

    var description: String {
        "Error: \(message)\n  See 'selfeval \(command) --help' for more information."
    }
}
