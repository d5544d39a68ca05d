import ArgumentParser
import SelfEval

/// The `ReadLimits` a user may raise (or lower) for one run, shared by every command that reads
/// files, so a legitimately huge form is one flag away instead of a rebuild. The option names
/// are `ReadLimit`'s, which every limit message quotes.
struct LimitOptions: ParsableArguments {
    private static let standard = ReadLimits.standard

    @Option(help: ArgumentHelp("Largest input file (\(ByteCount.describe(standard.maxInputBytes)) by default; K, M, G suffixes).", valueName: "size"))
    var maxInputBytes: ByteCount?

    @Option(help: ArgumentHelp("Largest uncompressed zip entry of a DOCX (\(ByteCount.describe(standard.maxEntryBytes)) by default).", valueName: "size"))
    var maxEntryBytes: ByteCount?

    @Option(help: ArgumentHelp("Largest uncompressed total read from one DOCX (\(ByteCount.describe(standard.maxArchiveBytes)) by default).", valueName: "size"))
    var maxArchiveBytes: ByteCount?

    @Option(help: ArgumentHelp("Deepest XML or HTML nesting (\(standard.maxXMLDepth) by default; above 256 lifts libxml2's own caps).", valueName: "n"))
    var maxXmlDepth: Int?

    @Option(help: ArgumentHelp("Most XML or HTML elements in one part (\(standard.maxXMLElements) by default).", valueName: "n"))
    var maxXmlElements: Int?

    @Option(help: ArgumentHelp("Most slots (rows × columns) in one table (\(standard.maxTableSlots) by default).", valueName: "n"))
    var maxTableSlots: Int?

    @Option(help: ArgumentHelp("Largest row or column span honoured; larger ones are reduced (\(standard.maxSpan) by default).", valueName: "n"))
    var maxSpan: Int?

    @Option(help: ArgumentHelp("Most tables in one document (\(standard.maxTables) by default).", valueName: "n"))
    var maxTables: Int?

    @Option(help: ArgumentHelp("Deepest nesting of tables in table cells (\(standard.maxTableNesting) by default).", valueName: "n"))
    var maxTableNesting: Int?

    @Option(help: ArgumentHelp("Longest cell or paragraph text kept, in UTF-8 bytes (\(standard.maxCellTextLength) by default).", valueName: "n"))
    var maxCellText: Int?

    private var counts: [(ReadLimit, Int?)] {
        [(.xmlDepth, maxXmlDepth), (.xmlElements, maxXmlElements), (.tableSlots, maxTableSlots), (.span, maxSpan),
         (.tables, maxTables), (.tableNesting, maxTableNesting), (.cellText, maxCellText)]
    }

    func validate() throws {
        for (limit, value) in counts {
            if let value, value < 1 { throw ValidationError("\(limit.option) must be at least 1, not \(value).") }
        }
    }

    var readLimits: ReadLimits {
        var limits = ReadLimits.standard
        for (limit, value) in counts {
            if let value { limits[limit] = value }
        }
        if let maxInputBytes { limits.maxInputBytes = maxInputBytes.bytes }
        if let maxEntryBytes { limits.maxEntryBytes = maxEntryBytes.bytes }
        if let maxArchiveBytes { limits.maxArchiveBytes = maxArchiveBytes.bytes }
        return limits
    }
}
