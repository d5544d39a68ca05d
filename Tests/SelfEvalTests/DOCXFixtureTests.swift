import Foundation
import Testing
@testable import SelfEval

/// Real DOCX files from other projects' test suites (`../shared/fixtures/docx`), checked against
/// what those projects' own tests expect.
@Suite struct DOCXFixtureTests {
    static let root = TestPaths.shared.appendingPathComponent("fixtures/docx")

    private func read(_ relative: String) throws -> SourceDocument {
        try DocumentReader().read(fileAt: Self.root.appendingPathComponent(relative).path)
    }

    private func allText(_ document: SourceDocument) -> String {
        (document.paragraphs.map(\.text) + document.tables.flatMap { $0.nonEmptyCells.map(\.text) }).joined(separator: "\n")
    }

    @Test func everyFixtureReads() throws {
        guard TestPaths.sharedAvailable else {
            print("skipped: ../shared is absent")
            return
        }
        let files = FileManager.default.enumerator(atPath: Self.root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".docx") } ?? []
        #expect(files.count >= 30)
        for file in files {
            let start = Date()
            #expect(throws: Never.self, "\(file)") { _ = try read(file) }
            // A hang guard, not a speed test: speed is measured by Scripts/bench.
            #expect(Date().timeIntervalSince(start) < 60 * Double(ChildProcess.sanitizerFactor), "\(file) took too long")
        }
    }

    /// docx2python `tests/test_merged_cells.py` (duplicate_merged_cells=False): 0-12 spans two
    /// columns, 12-0 two rows, 34-123 two rows by three columns.
    @Test func docx2pythonMergedCells() throws {
        guard TestPaths.sharedAvailable else { return print("skipped: ../shared is absent") }
        let grid = try read("ShayHill+docx2python/tests/resources/merged_cells.docx").tables[0]
        #expect(grid.textGrid == [["0-0", "0-12", nil, "0-3"], ["12-0", "1-1", "1-2", "1-3"], [nil, "2-1", "2-2", "2-3"],
                                  ["3-0", "34-123", nil, nil], ["4-0", nil, nil, nil]])
        #expect(grid.spans == [[0, 1, 1, 2], [1, 0, 2, 1], [3, 1, 2, 3]])
    }

    /// python-docx `features/tbl-cell-access.feature`: row cells "1 2 3 4 4 6 7 8 9" (horizontal
    /// span), "1 2 3 4 5 6 7 5 9" (vertical), "1 2 3 4 4 6 4 4 9" (combined).
    @Test func pythonDocxCellAccess() throws {
        guard TestPaths.sharedAvailable else { return print("skipped: ../shared is absent") }
        let tables = try read("python-openxml+python-docx/features/steps/test_files/tbl-cell-access.docx").tables
        let visible = tables.map { t in (0..<t.rowCount).flatMap { r in (0..<t.columnCount).map { t.visibleText(row: r, column: $0) } }.joined(separator: " ") }
        #expect(visible == ["1 2 3 4 5 6 7 8 9", "1 2 3 4 4 6 7 8 9", "1 2 3 4 5 6 7 5 9", "1 2 3 4 4 6 4 4 9"])
        #expect(tables[3].spans == [[1, 0, 2, 2]])
    }

    /// pandoc `test/docx/table_header_rowspan.native`: A–D and F span two rows, E three columns,
    /// G H I under E; eleven rows of 1…8 follow.
    @Test func pandocHeaderRowspan() throws {
        guard TestPaths.sharedAvailable else { return print("skipped: ../shared is absent") }
        let grid = try read("jgm+pandoc/test/docx/table_header_rowspan.docx").tables[0]
        #expect(grid.columnCount == 8)
        #expect(grid.textGrid[0] == ["A", "B", "C", "D", "E", nil, nil, "F"])
        #expect(grid.textGrid[1] == [nil, nil, nil, nil, "G", "H", "I", nil])
        #expect(grid.spans == [[0, 0, 2, 1], [0, 1, 2, 1], [0, 2, 2, 1], [0, 3, 2, 1], [0, 4, 1, 3], [0, 7, 2, 1]])
    }

    /// pandoc `test/docx/table_gridbefore.native` (pandoc ≥ 3.9): eleven columns; "Bits" starts in
    /// column 2 spanning eight; "TEXT" … in column 11; the CODED TEXT row starts with a two-column
    /// "0"; the two last rows hold one cell spanning ten columns after an empty first column.
    @Test func pandocGridBefore() throws {
        guard TestPaths.sharedAvailable else { return print("skipped: ../shared is absent") }
        let grid = try read("jgm+pandoc/test/docx/table_gridbefore.docx").tables[0]
        #expect(grid.columnCount == 11)
        #expect(grid.spans.first == [0, 1, 1, 8])
        #expect(grid.text(row: 1, column: 1) == "8")
        #expect(grid.text(row: 1, column: 8) == "1")
        #expect(grid.text(row: 3, column: 10) == "TEXT")
        let coded = grid.textGrid.firstIndex { $0.last == "CODED TEXT" }
        #expect(coded.map { grid.spans.contains([$0, 0, 1, 2]) } == true)
        #expect(grid.spans.suffix(2) == [[grid.rowCount - 2, 1, 1, 10], [grid.rowCount - 1, 1, 1, 10]])
    }

    /// docling `tests/data/docx/groundtruth/word_tables.docx.json`: horizontal spans, vertical
    /// spans, and table 4's empty cell spanning three rows at (3,3), "Merged Cell 4.4 5.4" two rows
    /// at (4,4) and a five-column empty row at row 7.
    @Test func doclingWordTables() throws {
        guard TestPaths.sharedAvailable else { return print("skipped: ../shared is absent") }
        let tables = try read("docling-project+docling/tests/data/docx/sources/word_tables.docx").tables
        #expect(tables.count == 7)
        #expect(tables[0].merges.isEmpty)
        #expect(tables[1].spans == [[1, 1, 1, 2], [2, 1, 1, 2]])
        #expect(tables[2].spans == [[1, 1, 1, 2], [2, 1, 1, 2]])
        #expect(tables[3].spans == [[1, 1, 2, 1], [3, 1, 2, 1]])
        #expect(tables[4].rowCount == 9 && tables[4].columnCount == 5)
        #expect(tables[4].spans == [[1, 1, 2, 1], [3, 1, 2, 1], [3, 3, 3, 1], [4, 4, 2, 1], [7, 0, 1, 5]])
        #expect(tables[4].text(row: 4, column: 4) == "Merged Cell 4.4 5.4")
        #expect(tables[5].textGrid == [["Header 0.0", "Header 0.1"], ["", "Cell 1.1"]])
        #expect(tables[6].text(row: 0, column: 2) == "Merged Cell 0.2 1.2" && tables[6].spans == [[0, 2, 2, 1]])
    }

    /// docx2python `tests/test_checked_boxes.py`: 12 ticked boxes (Adult Protective Services …
    /// Other (describe):) and 32 empty ones, all legacy form checkboxes.
    @Test func docx2pythonCheckedBoxes() throws {
        guard TestPaths.sharedAvailable else { return print("skipped: ../shared is absent") }
        let document = try read("ShayHill+docx2python/tests/resources/checked_boxes.docx")
        let text = allText(document)
        #expect(text.filter { $0 == "☑" }.count == 12)
        #expect(text.filter { $0 == "☐" }.count == 32)
        for label in ["Adult Protective Services", "Older Adult Mental Health", "Prosecutor’s Office", "Regional Center",
                      "Coroner/Medical Examiner", "Law Enforcement", "Civil Attorney/Legal Services", "Psychologist",
                      "Medical Practitioner", "LTC Ombudsman", "Public Guardian", "Other (describe):"] {
            #expect(text.contains("☑ " + label), "\(label)")
        }
    }

    /// docling `groundtruth/docx_checkboxes.docx.json`: checkbox_selected for Orange juice, Coffee,
    /// Water, Scramble eggs, Bread, Croissant, Design, Implementation; unselected for Tea, Milk,
    /// Porridge and the Documentation task.
    @Test func doclingCheckboxes() throws {
        guard TestPaths.sharedAvailable else { return print("skipped: ../shared is absent") }
        let text = allText(try read("docling-project+docling/tests/data/docx/sources/docx_checkboxes.docx"))
        for ticked in ["Orange juice", "Coffee", "Water", "Scramble eggs", "Bread", "Croissant", "Design", "Implementation"] {
            #expect(text.contains("☑ " + ticked), "\(ticked)")
        }
        for empty in ["Tea", "Milk", "Porridge", "Documentation of the task"] {
            #expect(text.contains("☐ " + empty), "\(empty)")
        }
        #expect(text.filter { $0 == "☑" }.count == 8 && text.filter { $0 == "☐" }.count == 4)
    }
}
