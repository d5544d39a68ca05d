/// Something a reader or the reconstructor wants a person to know: a repair, a cell it could
/// not place, a value it could not read. Always carries its place.
public struct Diagnostic: Sendable, Equatable {
    public enum Level: String, Sendable, Comparable {
        case error, warning, info

        private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    public var level: Level
    /// A stable kebab-case identifier such as `placeholder-row` or `row-realigned`.
    public var code: String
    public var message: String
    public var table: Int?
    public var row: Int?
    public var column: Int?
    public var line: Int?

    public init(_ level: Level, _ code: String, _ message: String,
                table: Int? = nil, row: Int? = nil, column: Int? = nil, line: Int? = nil) {
        self.level = level
        self.code = code
        self.message = message
        self.table = table
        self.row = row
        self.column = column
        self.line = line
    }
}
