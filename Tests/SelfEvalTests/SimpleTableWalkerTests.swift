import Foundation
import Testing
@testable import SelfEval

/// `SimpleTableWalker` reads a simple table block while scanning it; what it makes must be what
/// `HTMLTreeWalker` makes from the scanned tree: the same tables, rows, cells, spans, lines and
/// reports, on the samples' blocks and on generated ones, and it must decline where the walker's
/// limits would read the block another way.
@Suite struct SimpleTableWalkerTests {
    /// One line per table, row, cell and report, in order.
    private static func dump(_ tables: [HTMLTable]) -> [String] {
        var lines: [String] = []
        for table in tables {
            lines.append("table @\(table.line) caption=\(table.caption ?? "-")")
            for d in table.diagnostics {
                lines.append("  \(d.level) \(d.code) row=\(d.row.map(String.init) ?? "-") line=\(d.line.map(String.init) ?? "-") \(d.message)")
            }
            for row in table.rows {
                lines.append("  row @\(row.line)")
                for cell in row.cells {
                    lines.append("    [\(cell.text)] \(cell.rowSpan)×\(cell.colSpan) @\(cell.line) nested=\(cell.nested.count)")
                }
            }
        }
        return lines
    }

    /// What the tree walker reads from the scanned tree, or nil when the scan declines.
    private static func viaTree(_ html: String, firstLine: Int, limits: ReadLimits) -> [String]? {
        guard let tree = HTMLSimpleTables.tree(html) else { return nil }
        var walker = HTMLTreeWalker(tree: tree, limits: limits, lineOffset: firstLine - 1)
        walker.walk(HTMLNodeTree.root)
        walker.finishParagraph()
        var tables: [HTMLTable] = []
        var lines: [String] = walker.diagnostics.map { "walker \($0.code)" }
        for block in walker.blocks {
            switch block {
            case .table(let t): tables.append(t)
            case .paragraph(let p): lines.append("paragraph [\(p.text)]")
            }
        }
        return lines + dump(tables)
    }

    private static func direct(_ html: String, firstLine: Int, limits: ReadLimits) -> [String]? {
        SimpleTableWalker.tables(html, firstLine: firstLine, limits: limits).map(dump)
    }

    @Test func theSamplesBlocksReadAsTheTreeWalkerReadsThem() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleDocs.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }
        var blocks = 0
        for name in names {
            let lines = try rawSample(name).lineSlices()
            var i = 0
            while i < lines.count {
                guard HTMLTableBlock.opens(lines[i]) else { i += 1; continue }
                let (last, _) = HTMLTableBlock.end(startingAt: i, in: lines)
                let html = lines[i...last].joined(separator: "\n")
                let direct = Self.direct(html, firstLine: i + 1, limits: .standard)
                if direct != nil { blocks += 1 }
                #expect(direct == nil || direct == Self.viaTree(html, firstLine: i + 1, limits: .standard), "\(name) line \(i + 1)")
                i = last + 1
            }
        }
        #expect(blocks > 20)
    }

    @Test func generatedBlocksReadAsTheTreeWalkerReadsThem() {
        var generator = SplitMix64(seed: 23)
        let text = ["文字", "a b", " ", "\t", "&lt;", "&gt;", "&amp;", "&quot;", "&nbsp;", "85.8%", "<br>", "'", ">",
                    "　全角　", "长长长长长长长长长长", "<br><br>", " x "]
        let spans = ["0", "1", "2", "3", "007", "12", "1001", "99999999999999999999"]
        var compared = 0
        for round in 0..<600 {
            var html = "<html><body>"
            for _ in 0..<Int.random(in: 1...2, using: &generator) {
                html += "<table>"
                for _ in 0..<Int.random(in: 0...4, using: &generator) {
                    html += "<tr>"
                    for _ in 0..<Int.random(in: 0...4, using: &generator) {
                        let th = Bool.random(using: &generator)
                        html += th ? "<th" : "<td"
                        if Int.random(in: 0..<3, using: &generator) == 0 { html += " rowspan=\"\(spans.randomElement(using: &generator)!)\"" }
                        if Int.random(in: 0..<3, using: &generator) == 0 { html += " colspan=\"\(spans.randomElement(using: &generator)!)\"" }
                        html += ">"
                        for _ in 0..<Int.random(in: 0...5, using: &generator) { html += text.randomElement(using: &generator)! }
                        html += th ? "</th>" : "</td>"
                    }
                    html += "</tr>"
                }
                html += "</table>"
            }
            html += "</body></html>"
            var limits = ReadLimits()
            if round % 3 == 0 { limits.maxCellTextLength = Int.random(in: 0...12, using: &generator) }
            let firstLine = Int.random(in: 1...70_000, using: &generator)
            let direct = Self.direct(html, firstLine: firstLine, limits: limits)
            #expect(direct != nil, "declined: \(html)")
            #expect(direct == Self.viaTree(html, firstLine: firstLine, limits: limits), "\(html)")
            compared += 1
        }
        #expect(compared == 600)
    }

    @Test func blocksTheWalkersLimitsWouldReadOtherwiseAreDeclined() {
        let html = "<html><body><table><tr><td>a<br>b</td><td rowspan=\"2\">c</td></tr></table></body></html>"
        #expect(Self.direct(html, firstLine: 1, limits: .standard) == Self.viaTree(html, firstLine: 1, limits: .standard))
        var shallow = ReadLimits()
        shallow.maxXMLDepth = 5
        #expect(Self.direct(html, firstLine: 1, limits: shallow) == nil)
        shallow.maxXMLDepth = 6
        #expect(Self.direct(html, firstLine: 1, limits: shallow) == Self.viaTree(html, firstLine: 1, limits: shallow))
        var few = ReadLimits()
        few.maxXMLElements = 6
        #expect(Self.direct(html, firstLine: 1, limits: few) == nil)
        few.maxXMLElements = 7
        #expect(Self.direct(html, firstLine: 1, limits: few) != nil)
        #expect(Self.direct("<html><body><table><tr><td>a\nb</td></tr></table></body></html>", firstLine: 1, limits: .standard) == nil)
    }
}
