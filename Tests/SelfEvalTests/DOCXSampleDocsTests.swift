import Foundation
import Testing
@testable import SelfEval

/// The DOCX versions of the seed forms (made by LibreOffice from `Scripts/make-sample-docx`)
/// hold the same cells as their text versions, with real merges where the text only had blanks.
@Suite struct DOCXSampleDocsTests {
    static let seeds = ["000_5320e8de541ccc4b", "001_681a95170c656760", "002_47886201469e3381",
                        "003_7518ab3a3420526e", "004_6177011436b552d0"]

    private func cellTexts(_ document: SourceDocument) -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in document.tables {
            for cell in table.nonEmptyCells { counts[cell.text, default: 0] += 1 }
        }
        return counts
    }

    @Test(arguments: seeds) func docxKeepsTheSeedsCellsAndParagraphs(seed: String) throws {
        let text = try DocumentReader().read(fileAt: TestPaths.sample(seed + ".txt"))
        let docx = try DocumentReader().read(fileAt: TestPaths.sample(seed + ".docx"))
        #expect(docx.source.format == .docx)
        #expect(docx.tables.count == text.tables.count)
        #expect(cellTexts(docx) == cellTexts(text))
        #expect(docx.paragraphs.map(\.text) == text.paragraphs.map(\.text))
        #expect(text.tables.allSatisfy { $0.merges.isEmpty })
        #expect(docx.tables.contains { !$0.merges.isEmpty })
        // Every merge covers only slots that were empty in the text version.
        for (t, table) in docx.tables.enumerated() where t < text.tables.count && text.tables[t].rowCount == table.rowCount {
            for m in table.merges {
                for r in m.row..<(m.row + m.rowSpan) {
                    for c in m.column..<(m.column + m.colSpan) where (r, c) != (m.row, m.column) && c < text.tables[t].columnCount {
                        #expect(text.tables[t].text(row: r, column: c)?.isBlank == true, "table \(t) slot \(r),\(c)")
                    }
                }
            }
        }
    }

    /// 000's first form: 绩效指标 runs down the first column over the indicator rows, and
    /// 产出指标(50分) over its four 数量指标 rows.
    @Test func seed000IndicatorLabelsAreMergedDown() throws {
        let grid = try DocumentReader().read(fileAt: TestPaths.sample("000_5320e8de541ccc4b.docx")).tables[0]
        guard let header = (0..<grid.rowCount).first(where: { grid.text(row: $0, column: 1) == "一级指标" }) else {
            Issue.record("no 一级指标 header")
            return
        }
        #expect(grid[header, 0].cell.map { $0.rowSpan > 1 } == true)
        #expect(grid[header + 1, 1].cell?.text.hasPrefix("产出指标") == true)
        #expect(grid[header + 1, 1].cell?.rowSpan == 4)
    }
}
