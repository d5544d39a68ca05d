/// Something a reader or the reconstructor wants a person to know: a repair, a cell it could
/// not place, a value it could not read. Always carries its place.
public struct Diagnostic: Sendable, Equatable {
    public enum Level: String, Sendable, Comparable {
        case error, warning, info

        private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// A stable kebab-case identifier such as `placeholder-row` or `row-realigned`.
    public var code: String
    public var message: String {
        get { storedMessage.text }
        set { storedMessage = .text(newValue) }
    }
    // Declared in this order, message, level and place share 64 bytes: a large table can carry
    // a note on every row.
    private var storedMessage: DiagnosticMessage
    public var level: Level
    private var place = DiagnosticPlace()
    public var table: Int? {
        get { place[.table] }
        set { place[.table] = newValue }
    }
    public var row: Int? {
        get { place[.row] }
        set { place[.row] = newValue }
    }
    public var column: Int? {
        get { place[.column] }
        set { place[.column] = newValue }
    }
    public var line: Int? {
        get { place[.line] }
        set { place[.line] = newValue }
    }

    public init(_ level: Level, _ code: String, _ message: String,
                table: Int? = nil, row: Int? = nil, column: Int? = nil, line: Int? = nil) {
        self.init(level, code, .text(message), table: table, row: row, column: column, line: line)
    }

    init(_ level: Level, _ code: String, _ message: DiagnosticMessage,
         table: Int? = nil, row: Int? = nil, column: Int? = nil, line: Int? = nil) {
        self.code = code
        self.storedMessage = message
        self.level = level
        self.table = table
        self.row = row
        self.column = column
        self.line = line
    }
}

extension Diagnostic {
    /// Equal when they read the same, however the message is kept.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.level == b.level && a.code == b.code && a.table == b.table && a.row == b.row && a.column == b.column
            && a.line == b.line && a.message == b.message
    }
}
