/// Renders a document for a person: paragraphs as text, tables as aligned grids.
public enum GridRenderer {
    public static func render(_ document: SourceDocument) -> String {
        var out = ""
        for block in document.blocks {
            switch block {
            case .paragraph(let p): out += p.text + "\n"
            case .table(let i):
                let t = document.tables[i]
                out += "[table \(i): \(t.rowCount)×\(t.columnCount)]\n"
                for r in 0..<t.rowCount {
                    out += (0..<t.columnCount).map { c in t.text(row: r, column: c).map { $0.replacingOccurrences(of: "\n", with: "⏎") } ?? "·" }.joined(separator: " | ") + "\n"
                }
            }
        }
        return out
    }
}
