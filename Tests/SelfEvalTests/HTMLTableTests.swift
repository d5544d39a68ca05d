import Foundation
import Testing
@testable import SelfEval

@Suite struct HTMLTableTests {
    private func html(_ text: String, limits: ReadLimits = .standard) throws -> SourceDocument {
        try DocumentReader(limits: limits).read(data: Data(text.utf8), path: "test.html", format: .html)
    }

    private func texts(_ grid: TableGrid) -> [[String?]] {
        (0..<grid.rowCount).map { r in (0..<grid.columnCount).map { grid.text(row: r, column: $0) } }
    }

    @Test func rowAndColumnSpansArePlaced() throws {
        let d = try html("<table><tr><td rowspan=\"2\">一级</td><td colspan=2>二级</td></tr><tr><td>数量</td><td>10</td></tr></table>")
        let t = d.tables[0]
        #expect(texts(t) == [["一级", "二级", nil], [nil, "数量", "10"]])
        #expect(t[1, 0] == .covered(anchorRow: 0, anchorColumn: 0))
        #expect(t.merges == [MergedCell(row: 0, column: 0, rowSpan: 2, colSpan: 1), MergedCell(row: 0, column: 1, rowSpan: 1, colSpan: 2)])
        #expect(d.diagnostics.isEmpty)
    }

    @Test func unquotedOutOfRangeNegativeAndUnreadableSpansAreClampedAndReported() throws {
        let d = try html("<table><tr><td rowspan=100000>a</td><td colspan=\"-1\">b</td><td rowspan=abc>c</td><td colspan=2>d</td></tr><tr><td>e</td></tr></table>")
        let t = d.tables[0]
        #expect(t.rowCount == 2 && t.columnCount == 5)
        #expect(t[0, 0].cell?.rowSpan == 2)
        #expect(t[0, 1].cell?.colSpan == 1)
        #expect(t[0, 2].cell?.rowSpan == 1)
        #expect(t[0, 3].cell?.colSpan == 2)
        let clamped = d.diagnostics.filter { $0.code == "span-clamped" }
        #expect(clamped.count == 4)
        #expect(clamped.allSatisfy { $0.table == 0 })
        #expect(clamped.contains { $0.message.contains("\"abc\"") })
    }

    @Test func headBodyAndFootRowsKeepSourceOrder() throws {
        let d = try html("<table><thead><tr><th>指标</th><th>分值</th></tr></thead><tbody><tr><td>产出</td><td>50</td></tr></tbody><tfoot><tr><td>总分</td><td>100</td></tr></tfoot></table>")
        #expect(texts(d.tables[0]) == [["指标", "分值"], ["产出", "50"], ["总分", "100"]])
    }

    @Test func aNestedTableIsItsOwnTableAfterItsParent() throws {
        let d = try html("<table><tr><td>外</td><td>说明<table><tr><td>内1</td><td>内2</td></tr></table></td></tr><tr><td>下</td><td>x</td></tr></table><table><tr><td>后</td></tr></table>")
        #expect(d.tables.count == 3)
        #expect(texts(d.tables[0]) == [["外", "说明"], ["下", "x"]])
        #expect(d.tables[0][0, 1].cell?.nestedTables == [1])
        #expect(texts(d.tables[1]) == [["内1", "内2"]])
        #expect(d.tables[1].parent == TableGrid.NestedPosition(table: 0, row: 0, column: 1))
        #expect(d.tables[1].title == nil)
        #expect(texts(d.tables[2]) == [["后"]])
        #expect(d.tables[2].parent == nil)
    }

    @Test func tablesNestedPastTheLimitStayTextInTheirCell() throws {
        var limits = ReadLimits()
        limits.maxTableNesting = 1
        let d = try html("<table><tr><td><table><tr><td>二<table><tr><td>三</td></tr></table></td></tr></table></td></tr></table>", limits: limits)
        #expect(d.tables.count == 2)
        #expect(d.tables[1].text(row: 0, column: 0) == "二\n三")
        #expect(d.diagnostics.contains { $0.code == "nesting-limit" && $0.table == 1 })
    }

    @Test func cellTextIsPlain() throws {
        let d = try html("""
            <table><tr>
            <td>1、部门预算 <input type="checkbox" checked> 2、省专项 <INPUT TYPE=checkbox></td>
            <td>A &amp; B &lt;100&gt; &nbsp;&#x2265;95&#37;</td>
            <td>第一行<br>第二行<p>第三段</p></td>
            <td><span>105$\\sim$126</span> <b>粗</b></td>
            <td>  多   空格
              换行 </td>
            </tr></table>
            """)
        #expect(texts(d.tables[0]) == [["1、部门预算 ☑ 2、省专项 ☐", "A & B <100> \u{A0}≥95%", "第一行\n第二行\n第三段", "105$\\sim$126 粗", "多 空格 换行"]])
    }

    @Test func captionIsTheTitleAndTextAroundBecomesParagraphs() throws {
        let d = try html("<!DOCTYPE html><html><head><title>不要</title><style>td{}</style></head><body><h2>附件1</h2><p>说明<br>第二行</p><table><caption>自评表</caption><tr><td>a</td></tr></table><div>填报人</div><table><tr><td>b</td></tr></table></body></html>")
        #expect(d.paragraphs.map(\.text) == ["附件1", "说明\n第二行", "填报人"])
        #expect(d.paragraphs.map(\.headingLevel) == [2, nil, nil])
        #expect(d.tables.map(\.title) == ["自评表", "填报人"])
    }

    @Test func aMetaCharsetDoesNotReDecodeTheText() throws {
        let d = try html("<html><head><meta charset=\"gbk\"></head><body><table><tr><td>绩效自评</td></tr></table></body></html>")
        #expect(d.tables[0].text(row: 0, column: 0) == "绩效自评")
    }

    @Test func textBetweenRowsIsReportedNotDropped() throws {
        let d = try html("<table>孤立<tr><td>a</td></tr>x<tr>行内<td>b</td></tr></table>")
        #expect(d.tables[0].slots.map { $0.map(\.text) } == [["a"], ["b"]])
        let stray = d.diagnostics.filter { $0.code == "text-outside-cells" && $0.table == 0 }
        #expect(stray.count == 3)
        #expect(stray.contains { $0.message.hasSuffix("孤立") } && stray.contains { $0.message.hasSuffix("行内") && $0.row == 1 })
    }

    @Test func cellsOutsideAnyRowFormARow() throws {
        let d = try html("<table><td>a</td><td>b</td></table>")
        #expect(texts(d.tables[0]) == [["a", "b"]])
    }

    @Test func limitsTurnIntoErrorsAndDiagnostics() throws {
        var tables = ReadLimits()
        tables.maxTables = 2
        let threeTables = String(repeating: "<table><tr><td>x</td></tr></table>", count: 3)
        let tooMany = #expect(throws: InputError.self) { try html(threeTables, limits: tables) }
        #expect(tooMany?.code == .limitExceeded)
        #expect(tooMany?.file == "test.html")

        var slots = ReadLimits()
        slots.maxTableSlots = 50
        let wide = #expect(throws: InputError.self) { try html("<table><tr><td colspan=900>x</td></tr></table>", limits: slots) }
        #expect(wide?.code == .limitExceeded)

        var text = ReadLimits()
        text.maxCellTextLength = 10
        let d = try html("<table><tr><td>绩效自评表绩效自评表</td></tr></table>", limits: text)
        #expect(d.tables[0].text(row: 0, column: 0) == "绩效自")
        #expect(d.diagnostics.contains { $0.code == "text-truncated" })
    }

    /// Row counts and row widths from ../shared/fixtures/ocr/sources.md ("Structural summary").
    @Test(.enabled(if: TestPaths.sharedAvailable, "../shared is absent: OCR fixtures not checked"),
          arguments: [
              ("mineru_issue1344_crosspage_tables.md", [[4, 4, 4, 4, 4], [5, 5, 5, 5, 5]]),
              ("odb_meirenjiao_end2end.md", [Array(repeating: 5, count: 9)]),
              ("odb_meirenjiao_gt.html", [Array(repeating: 5, count: 10)]),
              ("odb_meirenjiao_pred.html", [Array(repeating: 5, count: 10)]),
              ("odb_qinshi_gt.html", [Array(repeating: 10, count: 5)]),
              ("odb_qinshi_pred.html", [Array(repeating: 10, count: 6)]),
              ("odb_yanbao_end2end.md", [[4, 3, 3, 3, 2, 3, 3, 3]]),
              ("odb_yanbao_gt.html", [Array(repeating: 4, count: 8)]),
              ("odb_yanbao_pred.html", [Array(repeating: 3, count: 7)]),
              ("tablerecmetric_vat_invoice_gt.html", [Array(repeating: 11, count: 4)]),
          ])
    func ocrFixturesGiveTheirStructure(_ file: String, _ widths: [[Int]]) throws {
        let path = TestPaths.shared.appendingPathComponent("fixtures/ocr/" + file).path
        let d = try DocumentReader().read(fileAt: path)
        #expect(d.tables.map(\.sourceRowWidths) == widths)
        #expect(d.tables.map(\.rowCount) == widths.map(\.count))
    }

    @Test(.enabled(if: TestPaths.sharedAvailable, "../shared is absent: OCR fixtures not checked"))
    func everyOCRFixtureReads() throws {
        let directory = TestPaths.shared.appendingPathComponent("fixtures/ocr")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }
        #expect(files.count >= 14)
        for file in files where file != "sources.md" {
            let d = try DocumentReader().read(fileAt: directory.appendingPathComponent(file).path)
            #expect(!d.tables.isEmpty, "\(file)")
            #expect(!d.diagnostics.contains { $0.level == .error }, "\(file)")
        }
    }

    @Test(.enabled(if: TestPaths.sharedAvailable, "../shared is absent: OCR fixtures not checked"))
    func overflowingRowSpansInOCRPredictionsAreClampedAndReported() throws {
        let path = TestPaths.shared.appendingPathComponent("fixtures/ocr/odb_meirenjiao_pred.html").path
        let d = try DocumentReader().read(fileAt: path)
        #expect(d.source.format == .html)
        #expect(d.tables[0][6, 0].cell?.rowSpan == 4)
        #expect(d.diagnostics.contains { $0.code == "span-clamped" && $0.table == 0 && $0.row == 6 })
        #expect(d.tables[0].text(row: 2, column: 2) == "105$\\sim$126")
    }
}
