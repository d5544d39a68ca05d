/// What a diagnostic says, kept as its parts for the notes a reading repeats on every row: a
/// table of 100,000 shifted rows would otherwise hold a second copy of every row's label in its
/// messages. The text is put together when it is asked for.
enum DiagnosticMessage: Sendable {
    case text(String)
    /// A 二级 label read as the row's 三级指标 (`label-shifted`).
    case labelShifted(name: String)
    /// A value cell whose text holds no single number (`number-unreadable`).
    case numberUnreadable(text: String)
    /// The message with what few diagnostics need beyond their 40 bytes.
    indirect case rare(Rare)

    /// A code not in `DiagnosticCodes`, or all four numbers of a place when one is past 32 bits.
    struct Rare: Sendable {
        var message: DiagnosticMessage
        var code: String?
        var place: [Int?]?
    }

    var text: String {
        switch self {
        case .text(let text): text
        case .labelShifted(let name): "row has a 二级 label, no 三级 label and values: read \(name) as its 三级指标"
        case .numberUnreadable(let text): "\(text) holds no single number; kept as text"
        case .rare(let rare): rare.message.text
        }
    }
}
