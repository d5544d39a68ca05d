/// What a reader produces: the document's paragraphs and tables in reading order.
public struct SourceDocument: Sendable {
    public enum Block: Sendable, Equatable {
        case paragraph(Paragraph)
        /// An index into `tables`.
        case table(Int)
    }

    public var source: SourceInfo
    public var blocks: [Block]
    public var tables: [TableGrid]
    /// What the reader repaired or could not read, with its place.
    public var diagnostics: [Diagnostic]

    public init(source: SourceInfo, blocks: [Block] = [], tables: [TableGrid] = [], diagnostics: [Diagnostic] = []) {
        self.source = source
        self.blocks = blocks
        self.tables = tables
        self.diagnostics = diagnostics
    }

    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }

    /// Appends a table and its block, returning the table's index.
    @discardableResult
    public mutating func append(table: TableGrid) -> Int {
        tables.append(table)
        blocks.append(.table(tables.count - 1))
        return tables.count - 1
    }

    public mutating func append(paragraph: Paragraph) {
        blocks.append(.paragraph(paragraph))
    }
}
