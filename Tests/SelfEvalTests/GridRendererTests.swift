import Testing
@testable import SelfEval

@Suite struct GridRendererTests {
    @Test func wideCharactersCountTwoColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("绩效") == 4)
        #expect(DisplayWidth.of("（２０２２）") == 12)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("☑ 85.8%") == 7)
    }

    private func document(_ html: String) throws -> SourceDocument {
        try read(html, format: .markdown, path: "r.md")
    }

    /// The column separators of every line of a table sit at the same display columns.
    @Test func gridColumnsLineUpWithWideText() throws {
        let d = try document("<table><tr><td>一级指标</td><td>x</td></tr><tr><td>a</td><td>年度资金总额（万元）</td></tr></table>")
        let lines = GridRenderer.render(d.tables[0], index: 0).split(separator: "\n").dropFirst()
        let bars = lines.filter { !$0.hasPrefix("--") }.map { line -> [Int] in
            var column = 0
            var result: [Int] = []
            for ch in line {
                if ch == "|" { result.append(column) }
                column += DisplayWidth.of(ch)
            }
            return result
        }
        #expect(bars.count == 3)
        #expect(Set(bars).count == 1)
    }

    @Test func mergesShowArrowsAndSpans() throws {
        let d = try document("<table><tr><td rowspan=2 colspan=2>合并</td><td>a</td></tr><tr><td>b</td></tr></table>")
        let text = GridRenderer.render(d.tables[0], index: 0)
        let rows = text.split(separator: "\n").map(String.init)
        #expect(rows[0] == "table 0: 2 rows × 3 columns, line 1")
        #expect(rows[3].contains("合并 [2×2]") && rows[3].contains("| ←"))
        #expect(rows[4].hasPrefix("1 | ↑") && rows[4].contains("| ↑") && rows[4].hasSuffix("b"))
    }

    @Test func longTextWrapsAndIsCutWithAnEllipsis() {
        #expect(GridRenderer.wrapped("一二三四五", width: 4, maxLines: 3) == ["一二", "三四", "五"])
        #expect(GridRenderer.wrapped("一二三四五六七", width: 4, maxLines: 2) == ["一二", "三…"])
        #expect(GridRenderer.wrapped("a\nb\nc\nd", width: 24, maxLines: 3) == ["a", "b", "c…"])
        let lines = GridRenderer.wrapped(String(repeating: "绩", count: 100), width: 24, maxLines: 3)
        #expect(lines.count == 3 && lines.allSatisfy { DisplayWidth.of($0) <= 24 } && lines[2].hasSuffix("…"))
    }

    @Test func documentShowsParagraphsTablesNestingAndDiagnostics() throws {
        let d = try document("# 附件1\n\n<table><tr><td rowspan=9>a<table><tr><td>内</td></tr></table></td></tr></table>\n")
        let text = GridRenderer.render(d)
        #expect(text.hasPrefix("r.md (markdown, utf-8, "))
        #expect(text.contains("\n# 附件1\n"))
        #expect(text.contains("table 0: 1 rows × 1 columns, line 3, title: 附件1"))
        #expect(text.contains("a [→table 1]"))
        #expect(text.contains("table 1: 1 rows × 1 columns, line 3, nested in table 0 at row 0, column 0"))
        #expect(text.contains("diagnostics (1):\n  warning span-clamped (table 0, row 0, column 0, line 3): "))
    }
}
