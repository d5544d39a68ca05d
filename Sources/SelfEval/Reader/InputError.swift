/// Why a file could not be read at all. Carries the file and, where there is one, the place,
/// so that the message reads `path:line:column: error: message`.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unreadable
        case empty
        case binary
        case undecodable
        case tooLarge = "too-large"
        case notZip = "not-zip"
        case corruptZip = "corrupt-zip"
        case unsupportedZip = "unsupported-zip"
        case encrypted
        case missingPart = "missing-part"
        case malformedXML = "malformed-xml"
        case limitExceeded = "limit-exceeded"
        case unknownFormat = "unknown-format"
    }

    public var code: Code
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ code: Code, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): error: \(message)"
    }
}
