/// One of the bounds in `ReadLimits`, named the way the command line names it, so that every
/// message about a limit says which one, its value, and the option that raises it.
public enum ReadLimit: String, Sendable, CaseIterable {
    case inputBytes = "max-input-bytes"
    case entryBytes = "max-entry-bytes"
    case archiveBytes = "max-archive-bytes"
    case xmlDepth = "max-xml-depth"
    case xmlElements = "max-xml-elements"
    case tableSlots = "max-table-slots"
    case span = "max-span"
    case cellText = "max-cell-text"
    case tables = "max-tables"
    case tableNesting = "max-table-nesting"

    /// The command-line option that sets this limit.
    public var option: String { "--" + rawValue }
}

extension ReadLimits {
    public subscript(limit: ReadLimit) -> Int {
        get {
            switch limit {
            case .inputBytes: maxInputBytes
            case .entryBytes: maxEntryBytes
            case .archiveBytes: maxArchiveBytes
            case .xmlDepth: maxXMLDepth
            case .xmlElements: maxXMLElements
            case .tableSlots: maxTableSlots
            case .span: maxSpan
            case .cellText: maxCellTextLength
            case .tables: maxTables
            case .tableNesting: maxTableNesting
            }
        }
        set {
            switch limit {
            case .inputBytes: maxInputBytes = newValue
            case .entryBytes: maxEntryBytes = newValue
            case .archiveBytes: maxArchiveBytes = newValue
            case .xmlDepth: maxXMLDepth = newValue
            case .xmlElements: maxXMLElements = newValue
            case .tableSlots: maxTableSlots = newValue
            case .span: maxSpan = newValue
            case .cellText: maxCellTextLength = newValue
            case .tables: maxTables = newValue
            case .tableNesting: maxTableNesting = newValue
            }
        }
    }

    /// `"<what>, over the limit of 10000 (raise it with --max-tables)"`: the tail every limit
    /// message shares, so a user goes from the message straight to the flag.
    public func exceeded(_ limit: ReadLimit, _ what: String) -> String {
        "\(what), over the limit of \(self[limit]) (raise it with \(limit.option))"
    }
}
