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
        get { codeNumber == 0 ? overflow.value?.code ?? "" : DiagnosticCodes.code(codeNumber) }
        set {
            codeNumber = DiagnosticCodes.number(of: newValue) ?? 0
            let kept = codeNumber == 0 ? newValue : nil
            if kept != nil || overflow.value?.code != nil { overflow.modify(empty: Overflow()) { $0.code = kept } }
        }
    }
    public var message: String {
        get { storedMessage.text }
        set { storedMessage = .text(newValue) }
    }
    // Declared in this order, message, level, code and place share 40 bytes and the rare rest
    // one pointer: a large table can carry a note on every row.
    private var storedMessage: DiagnosticMessage
    public var level: Level
    /// The code's number in `DiagnosticCodes`, 0 when it is kept in `overflow`.
    private var codeNumber: UInt8 = 0
    private var place = DiagnosticPlace()
    private var overflow = OutOfLine<Overflow>()
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

    /// What few diagnostics need: a code not in `DiagnosticCodes`, a place past 32 bits (then
    /// all four of its numbers are here).
    private struct Overflow: Sendable, Equatable {
        var code: String?
        var place: [Int?]?
    }

    private subscript(field: DiagnosticPlace.Field) -> Int? {
        get {
            if let whole = overflow.value?.place { return whole[field.rawValue] }
            return place[field]
        }
        set {
            if overflow.value?.place == nil, place.set(newValue, field) { return }
            var whole = overflow.value?.place ?? DiagnosticPlace.Field.allCases.map { place[$0] }
            whole[field.rawValue] = newValue
            for f in DiagnosticPlace.Field.allCases { _ = place.set(nil, f) }
            overflow.modify(empty: Overflow()) { $0.place = whole }
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
