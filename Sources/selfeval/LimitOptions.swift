import ArgumentParser
import SelfEval

/// The `ReadLimits` a user may raise (or lower) for one run, shared by every command that reads
/// files, so a legitimately huge form is one flag away instead of a rebuild.
struct LimitOptions: ParsableArguments {
    private static let standard = ReadLimits.standard

    @Option(help: ArgumentHelp("Largest input file (\(ByteCount.describe(standard.maxInputBytes)) by default; K, M, G suffixes).", valueName: "size"))
    var maxInputBytes: ByteCount?

    @Option(help: ArgumentHelp("Largest uncompressed zip entry of a DOCX (\(ByteCount.describe(standard.maxEntryBytes)) by default).", valueName: "size"))
    var maxEntryBytes: ByteCount?

    @Option(help: ArgumentHelp("Largest uncompressed total read from one DOCX (\(ByteCount.describe(standard.maxArchiveBytes)) by default).", valueName: "size"))
    var maxArchiveBytes: ByteCount?

    @Option(help: ArgumentHelp("Deepest XML nesting in a DOCX (\(standard.maxXMLDepth) by default).", valueName: "n"))
    var maxXmlDepth: Int?

    @Option(help: ArgumentHelp("Most slots (rows × columns) in one table (\(standard.maxTableSlots) by default).", valueName: "n"))
    var maxTableSlots: Int?

    @Option(help: ArgumentHelp("Most tables in one document (\(standard.maxTables) by default).", valueName: "n"))
    var maxTables: Int?

    @Option(help: ArgumentHelp("Longest cell text kept, in characters (\(standard.maxCellTextLength) by default).", valueName: "n"))
    var maxCellText: Int?

    func validate() throws {
        for (name, value) in [("--max-xml-depth", maxXmlDepth), ("--max-table-slots", maxTableSlots),
                              ("--max-tables", maxTables), ("--max-cell-text", maxCellText)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1, not \(value).") }
        }
    }

    var readLimits: ReadLimits {
        var limits = ReadLimits.standard
        if let maxInputBytes { limits.maxInputBytes = maxInputBytes.bytes }
        if let maxEntryBytes { limits.maxEntryBytes = maxEntryBytes.bytes }
        if let maxArchiveBytes { limits.maxArchiveBytes = maxArchiveBytes.bytes }
        if let maxXmlDepth { limits.maxXMLDepth = maxXmlDepth }
        if let maxTableSlots { limits.maxTableSlots = maxTableSlots }
        if let maxTables { limits.maxTables = maxTables }
        if let maxCellText { limits.maxCellTextLength = maxCellText }
        return limits
    }
}
