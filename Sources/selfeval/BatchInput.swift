import Foundation

/// One thing to convert: a file found on the command line or in a directory, or standard input.
struct BatchInput: Sendable {
    enum Origin: Sendable {
        case file
        /// `-`: the bytes were read before the batch started.
        case standardInput(Data)
    }

    /// The path as the user wrote or a directory walk produced it; `<stdin>` for standard input.
    var path: String
    var origin: Origin

    static let standardInputPath = "<stdin>"

    /// The name outputs are called after: the last path component, `stdin` for standard input.
    var fileName: String {
        if case .standardInput = origin { return "stdin" }
        return (path as NSString).lastPathComponent
    }
}
