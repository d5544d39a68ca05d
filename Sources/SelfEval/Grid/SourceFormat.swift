/// The input formats selfeval reads; the raw values are the contract's `source.format` strings.
public enum SourceFormat: String, Sendable, CaseIterable {
    /// Word's OOXML package.
    case docx
    /// One cell per line, each line starting with a TAB, rows ended by a blank line.
    case cells
    /// One row per line, cells split by TAB.
    case tsv
    /// Headings, pipe tables, HTML tables and TSV rows inside Markdown.
    case markdown
    /// A bare HTML file.
    case html
}
