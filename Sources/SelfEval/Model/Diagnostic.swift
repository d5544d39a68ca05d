/// Something a reader or the reconstructor wants a person to know: a repair, a cell it could
/// not place, a value it could not read. Always carries its place.
public struct Diagnostic: Sendable, Equatable {
    public enum Level: String, Sendable, Comparable {
        case error, warning, info

        private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// A stable kebab-case identifier such as `placeholder-row` or `row-realigned`.
    public var code: String {
        get { codeNumber == 0 ? rare?.code ?? "" : DiagnosticCodes.code(codeNumber) }
        set {
            codeNumber = DiagnosticCodes.number(of: newValue) ?? 0
            keep(message: ownMessage, code: codeNumber == 0 ? newValue : nil, place: rare?.place)
        }
    }
    public var message: String {
        get { storedMessage.text }
        set { keep(message: .text(newValue), code: rare?.code, place: rare?.place) }
    }
    // Declared in this order, message, place, level and code fit in 40 bytes: a large table can
    // carry a note on every row. What few diagnostics need beyond that (a code not in
    // `DiagnosticCodes`, a place past 32 bits) rides with the message (`DiagnosticMessage.rare`).
    private var storedMessage: DiagnosticMessage
    private var place = DiagnosticPlace()
    public var level: Level
    /// The code's number in `DiagnosticCodes`, 0 when the code is kept with the message.
    private var codeNumber: UInt8 = 0
    public var table: Int? {
        get { self[.table] }
        set { self[.table] = newValue }
    }
    public var row: Int? {
        get { self[.row] }
        set { self[.row] = newValue }
    }
    public var column: Int? {
        get { self[.column] }
        set { self[.column] = newValue }
    }
    public var line: Int? {
        get { self[.line] }
        set { self[.line] = newValue }
    }

    private var rare: DiagnosticMessage.Rare? {
        if case .rare(let rare) = storedMessage { return rare }
        return nil
    }

    /// The message without what rides with it.
    private var ownMessage: DiagnosticMessage { rare?.message ?? storedMessage }

    /// Keeps the message alone when nothing else must ride with it, so that a diagnostic goes
    /// back to its compact form.
    private mutating func keep(message: DiagnosticMessage, code: String?, place whole: [Int?]?) {
        storedMessage = code == nil && whole == nil ? message : .rare(DiagnosticMessage.Rare(message: message, code: code, place: whole))
    }

    private subscript(field: DiagnosticPlace.Field) -> Int? {
        get {
            if let whole = rare?.place { return whole[field.rawValue] }
            return place[field]
        }
        set {
            if rare?.place == nil, place.set(newValue, field) { return }
            var whole = rare?.place ?? DiagnosticPlace.Field.allCases.map { place[$0] }
            whole[field.rawValue] = newValue
            for f in DiagnosticPlace.Field.allCases { _ = place.set(nil, f) }
            keep(message: ownMessage, code: rare?.code, place: whole)
        }
    }

    public init(_ level: Level, _ code: String, _ message: String,
                table: Int? = nil, row: Int? = nil, column: Int? = nil, line: Int? = nil) {
        self.init(level, code, .text(message), table: table, row: row, column: column, line: line)
    }

    init(_ level: Level, _ code: String, _ message: DiagnosticMessage,
         table: Int? = nil, row: Int? = nil, column: Int? = nil, line: Int? = nil) {
        self.storedMessage = message
        self.level = level
        self.code = code
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
