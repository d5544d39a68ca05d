import Foundation
@testable import SelfEval

/// A generated table written out as a document in one of the formats selfeval reads, the way
/// each source writes merged cells: text exports leave covered slots blank, HTML and DOCX keep
/// the spans.
enum GeneratedDocument: String, CaseIterable, CustomStringConvertible {
    /// The plain-text export: a TAB before each cell, a blank line after each row.
    case cells
    /// One row per line, cells split by TAB, wrapped text in Excel's quotes.
    case tsv
    /// A Markdown pipe table, line breaks as `<br>`.
    case pipeTable
    /// Markdown holding an HTML table with rowspan/colspan.
    case htmlTable
    /// A Word document with gridSpan/vMerge.
    case docx

    var description: String { rawValue }

    var sourceFormat: SourceFormat {
        switch self {
        case .cells: .cells
        case .tsv: .tsv
        case .pipeTable, .htmlTable: .markdown
        case .docx: .docx
        }
    }

    func data(for table: GeneratedTable) throws -> Data {
        switch self {
        case .cells: Data(cells(table).utf8)
        case .tsv: Data(tsv(table).utf8)
        case .pipeTable: Data(pipeTable(table).utf8)
        case .htmlTable: Data(htmlTable(table).utf8)
        case .docx: try DOCXBuilder.package(body: docxBody(table))
        }
    }

    func evaluate(_ table: GeneratedTable) throws -> Evaluation {
        let document = try DocumentReader().read(data: try data(for: table), path: "generated.\(rawValue)", format: sourceFormat)
        return Converter().evaluate(document)
    }

    /// The line printed between the parts of a table split at a page break.
    static let continued = "续表"

    /// The text of each slot as a text export prints it: the anchor's text, blank elsewhere.
    private func flatRows(_ part: [[GeneratedTable.Slot]]) -> [[String]] {
        part.map { row in
            row.map { if case .anchor(let t, _, _) = $0 { return t } else { return "" } }
        }
    }

    /// The parts of the table, each written by `write`, with the title before the first and a
    /// `续表` paragraph before each other.
    private func joined(_ table: GeneratedTable, heading: String = "", _ write: ([[GeneratedTable.Slot]]) -> String) -> String {
        var out = table.title.map { "\(heading)\($0)\n\n" } ?? ""
        for (i, part) in table.parts.enumerated() {
            if i > 0 { out += "\n\(Self.continued)\n\n" }
            out += write(part)
        }
        return out
    }

    private func cells(_ table: GeneratedTable) -> String {
        joined(table) { part in
            flatRows(part).map { row in row.map { "\t\($0)\n" }.joined() + "\n" }.joined()
        }
    }

    private func tsv(_ table: GeneratedTable) -> String {
        joined(table) { part in
            flatRows(part).map { row in row.map { $0.contains("\n") ? "\"\($0)\"" : $0 }.joined(separator: "\t") + "\n" }.joined()
        }
    }

    private func pipeTable(_ table: GeneratedTable) -> String {
        joined(table, heading: "## ") { part in
            var out = ""
            for (i, row) in flatRows(part).enumerated() {
                out += "| " + row.map { $0.replacingOccurrences(of: "\n", with: "<br>") }.joined(separator: " | ") + " |\n"
                if i == 0 { out += "|" + String(repeating: " --- |", count: row.count) + "\n" }
            }
            return out
        }
    }

    private func htmlTable(_ table: GeneratedTable) -> String {
        joined(table, heading: "## ") { htmlPart($0) }
    }

    private func htmlPart(_ part: [[GeneratedTable.Slot]]) -> String {
        var out = "<table>"
        for row in part {
            out += "<tr>"
            for slot in row {
                switch slot {
                case .anchor(let t, let rs, let cs):
                    let spans = (rs > 1 ? " rowspan=\"\(rs)\"" : "") + (cs > 1 ? " colspan=\"\(cs)\"" : "")
                    out += "<td\(spans)>\(Self.escaped(t).replacingOccurrences(of: "\n", with: "<br>"))</td>"
                case .empty: out += "<td></td>"
                case .covered: break
                }
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    private func docxBody(_ table: GeneratedTable) -> String {
        var body = table.title.map { DOCXBuilder.p(Self.escaped($0)) } ?? ""
        for (i, part) in table.parts.enumerated() {
            if i > 0 { body += DOCXBuilder.p(Self.continued) }
            body += docxTable(part, columns: table.columnCount)
        }
        return body
    }

    private func docxTable(_ part: [[GeneratedTable.Slot]], columns: Int) -> String {
        var rows: [String] = []
        for (r, row) in part.enumerated() {
            var cells = ""
            for (c, slot) in row.enumerated() {
                switch slot {
                case .anchor(let t, let rs, let cs):
                    let props = (cs > 1 ? "<w:gridSpan w:val=\"\(cs)\"/>" : "") + (rs > 1 ? "<w:vMerge w:val=\"restart\"/>" : "")
                    cells += Self.docxCell(t, props)
                case .covered(let ar, let ac) where ar < r && ac == c:
                    guard case .anchor(_, _, let cs) = part[ar][ac] else { continue }
                    cells += Self.docxCell("", (cs > 1 ? "<w:gridSpan w:val=\"\(cs)\"/>" : "") + "<w:vMerge/>")
                case .covered: break
                case .empty: cells += Self.docxCell("", "")
                }
            }
            rows.append("<w:tr>\(cells)</w:tr>")
        }
        let grid = String(repeating: "<w:gridCol w:w=\"1000\"/>", count: columns)
        return "<w:tbl><w:tblPr/><w:tblGrid>\(grid)</w:tblGrid>\(rows.joined())</w:tbl>"
    }

    /// A cell with one paragraph per line of its text.
    private static func docxCell(_ text: String, _ props: String) -> String {
        let paragraphs = text.isEmpty ? "<w:p/>" : text.split(separator: "\n", omittingEmptySubsequences: false).map { DOCXBuilder.p(escaped(String($0))) }.joined()
        return "<w:tc><w:tcPr>\(props)</w:tcPr>\(paragraphs)</w:tc>"
    }

    private static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
