import Foundation
import Testing
@testable import SelfEval

@Suite struct MarkdownReaderTests {
    private func markdown(_ text: String) throws -> SourceDocument {
        try read(text, format: .markdown, path: "test.md")
    }

    private func texts(_ grid: TableGrid) -> [[String?]] {
        (0..<grid.rowCount).map { r in (0..<grid.columnCount).map { grid.text(row: r, column: $0) } }
    }

    @Test func headingsAndLinesBecomeParagraphsAndTheNearestTitlesATable() throws {
        let d = try markdown("# 项目支出绩效自评表\n\n（2022年度）\n\n| 项目名称 | 养老 |\n|---|---|\n| 主管部门 | 人社局 |\n\n## 说明 <b>粗</b>\n正文 &amp; 注\n")
        #expect(d.paragraphs.map(\.text) == ["项目支出绩效自评表", "（2022年度）", "说明 粗", "正文 & 注"])
        #expect(d.paragraphs.map(\.headingLevel) == [1, nil, 2, nil])
        #expect(d.paragraphs.map(\.location) == [.line(1), .line(3), .line(9), .line(10)])
        #expect(d.blocks.count == 5)
        #expect(d.blocks[2] == .table(0))
        #expect(d.tables[0].title == "（2022年度）")
        #expect(d.tables[0].location == .line(5))
        #expect(d.tables[0].rowLines == [5, 7])
    }

    @Test func aTableAfterATableHasNoTitle() throws {
        let d = try markdown("标题\n| a | b |\n|---|---|\n\n<table><tr><td>x</td></tr></table>\n")
        #expect(d.tables.map(\.title) == ["标题", nil])
    }

    @Test func pipeTableAlignmentRowEscapesAndLineBreaks() throws {
        let d = try markdown("| 指标 | 值 |\n|:---|:-:|\n| a \\| b | 1<br>2 |\n| <b>c</b> | ☑ |\n")
        let t = try #require(d.tables.first)
        #expect(texts(t) == [["指标", "值"], ["a | b", "1\n2"], ["c", "☑"]])
    }

    @Test func pipeRowsWithoutOuterPipesAndRaggedRowsKeepWhatIsThere() throws {
        let d = try markdown("指标 | 值 | 备注\n--- | --- | ---\na | 1\nb | 2 | x | extra\n")
        let t = try #require(d.tables.first)
        #expect(t.rowCount == 3 && t.columnCount == 4)
        #expect(t.sourceRowWidths == [3, 2, 4])
        #expect(texts(t)[1] == ["a", "1", "", ""])
        #expect(texts(t)[2] == ["b", "2", "x", "extra"])
        #expect(d.diagnostics.filter { $0.code == "row-joined" }.isEmpty)
    }

    @Test func markerStylePipeTablesLeaveCoveredSlotsEmpty() throws {
        let d = try markdown("| 产出指标 | 数量指标 | 10 |\n|---|---|---|\n|  | 质量指标 | 20 |\n")
        #expect(texts(d.tables[0]) == [["产出指标", "数量指标", "10"], ["", "质量指标", "20"]])
    }

    @Test func pipeRowsWithoutADelimiterRowStillFormATable() throws {
        let d = try markdown("| a | b |\n| c | d |\n")
        #expect(texts(d.tables[0]) == [["a", "b"], ["c", "d"]])
    }

    @Test func tsvRowsUnderHeadingsReadAsTheTSVReaderReadsThem() throws {
        let text = "## 2020年度项目绩效自评表\n\n项目名称\t档案服务\t\n主管部门\t区人社局\t<input checked=\"\" type=\"checkbox\"/>\n\n总分：96\n一级\t二级\n"
        let d = try markdown(text)
        let tsv = try read(text, format: .tsv)
        #expect(d.tables.map(\.slots) == tsv.tables.map(\.slots))
        #expect(d.paragraphs == tsv.paragraphs)
        #expect(texts(d.tables[0])[1] == ["主管部门", "区人社局", "☑"])
        #expect(d.tables.map(\.title) == ["2020年度项目绩效自评表", "总分：96"])
    }

    @Test func quotedTSVFieldsSpanLines() throws {
        let d = try markdown("a\t\"one\ntwo\"\tb\nc\td\te\n")
        #expect(texts(d.tables[0]) == [["a", "one\ntwo", "b"], ["c", "d", "e"]])
    }

    /// Excel quotes a wrapped first field, so the record's first line has no TAB yet.
    @Test func aTSVRecordWhoseFirstFieldIsQuotedAndWrappedIsARow() throws {
        let d = try read("标题\n\"产出指标\n(25分)\"\t数量\tb\nc\td\te\n", format: .tsv)
        #expect(d.tables.count == 1 && d.paragraphs.map(\.text) == ["标题"])
        #expect(texts(d.tables[0]) == [["产出指标\n(25分)", "数量", "b"], ["c", "d", "e"]])
    }

    @Test func htmlTablesOnOneLineAndOverSeveralLinesWithTextAround() throws {
        let d = try markdown("""
            # 表7-7
            评价部门：xx局
            <html><body><table><tr><td>评价内容</td><td>分值</td></tr><tr><td>绩效目标</td><td>5</td></tr></table></body></html>
            续表
            <table>
              <tr>
                <td>得分</td><td>82</td>
              </tr>
            </table>
            注：完
            """)
        #expect(d.tables.count == 2)
        #expect(texts(d.tables[0]) == [["评价内容", "分值"], ["绩效目标", "5"]])
        #expect(texts(d.tables[1]) == [["得分", "82"]])
        #expect(d.tables[0].location == .line(3))
        #expect(d.tables[1].location == .line(5))
        #expect(d.tables[1].rowLines == [6])
        #expect(d.tables.map(\.title) == ["评价部门：xx局", "续表"])
        #expect(d.paragraphs.map(\.text) == ["表7-7", "评价部门：xx局", "续表", "注：完"])
        #expect(d.blocks == [.paragraph(d.paragraphs[0]), .paragraph(d.paragraphs[1]), .table(0), .paragraph(d.paragraphs[2]), .table(1), .paragraph(d.paragraphs[3])])
    }

    @Test func twoTablesOnOneLineAreTwoTables() throws {
        let d = try markdown("<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>\n后记\n")
        #expect(d.tables.map { texts($0) } == [[["a"]], [["b"]]])
        #expect(d.paragraphs.map(\.text) == ["后记"])
    }

    @Test func anUnclosedHTMLTableRunsToTheEndAndIsReported() throws {
        let d = try markdown("<table><tr><td>a</td>\n<td>b</td></tr>\n")
        #expect(texts(d.tables[0]) == [["a", "b"]])
        #expect(d.diagnostics.contains { $0.code == "html-table-unclosed" && $0.line == 1 })
    }
}
