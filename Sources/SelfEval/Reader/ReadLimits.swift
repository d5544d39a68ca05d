/// Bounds on what one input may cost. Inputs come from strangers in bulk: each limit turns a
/// hostile or broken file into a clear error for that file instead of a hang or an OOM.
public struct ReadLimits: Sendable, Equatable {
    /// Largest input file, in bytes.
    public var maxInputBytes: Int = 256 << 20
    /// Largest uncompressed size of one zip entry.
    public var maxEntryBytes: Int = 256 << 20
    /// Largest uncompressed size of all the zip entries read from one archive.
    public var maxArchiveBytes: Int = 512 << 20
    /// Deepest XML element nesting.
    public var maxXMLDepth: Int = 256
    /// Most XML elements in one part.
    public var maxXMLElements: Int = 20_000_000
    /// Most slots (rows × columns) in one table.
    public var maxTableSlots: Int = 4_000_000
    /// Largest row or column span honoured; larger spans are clamped and reported.
    public var maxSpan: Int = 1_000
    /// Longest cell text kept; longer text is cut and reported.
    public var maxCellTextLength: Int = 1 << 20
    /// Most tables in one document.
    public var maxTables: Int = 10_000
    /// Deepest nesting of tables inside table cells.
    public var maxTableNesting: Int = 32

    public init() {}

    public static let standard = ReadLimits()
}
