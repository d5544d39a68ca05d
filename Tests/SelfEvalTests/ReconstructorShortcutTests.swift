import Foundation
import Testing
@testable import SelfEval

/// The reconstructor's shortcuts read what the slower ways read: a slot's
/// content against its whole slot, a multi-line label against its lines joined, a label's weight
/// cut out in the bytes against its range removed, and an indicator layout's column lookup
/// against its dictionaries.
@Suite struct ReconstructorShortcutTests {
    static let samples = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleDocs.path))?
        .filter { $0 != "README.md" && !$0.hasPrefix(".") }.sorted() ?? []

    @Test(arguments: samples)
    func slotContentIsTheSlotsCellOrAnchor(name: String) throws {
        let document = try readSample(name)
        #expect(!document.tables.isEmpty)
        for grid in document.tables {
            for r in 0..<grid.rowCount {
                for c in 0..<grid.columnCount {
                    #expect(grid.content(row: r, column: c) == SlotContent(grid[r, c]))
                }
            }
        }
    }

    @Test func slotContentOfGeneratedGridsIsTheSlotsCellOrAnchor() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let rows = Int.random(in: 1...6, using: &generator)
            let columns = Int.random(in: 1...6, using: &generator)
            var slots: [[GridSlot]] = []
            for r in 0..<rows {
                slots.append((0..<Int.random(in: 1...columns, using: &generator)).map { c in
                    switch Int.random(in: 0..<5, using: &generator) {
                    case 0: .covered(anchorRow: Int.random(in: 0...r, using: &generator), anchorColumn: c)
                    case 1: .cell(TableCell(text: "", line: r))
                    case 2: .cell(TableCell(text: "嵌套", nestedTables: [0]))
                    case 3: .cell(TableCell(text: "跨\(c)", rowSpan: Int.random(in: 1...3, using: &generator),
                                            colSpan: Int.random(in: 1...3, using: &generator)))
                    default: .cell(TableCell(text: "格\(r)-\(c)", line: Int.random(in: 0...9, using: &generator)))
                    }
                })
            }
            let grid = TableGrid(slots: slots, location: .line(1), rowLines: (0..<rows).map { $0 })
            for r in 0..<grid.rowCount {
                for c in 0..<grid.columnCount {
                    #expect(grid.content(row: r, column: c) == SlotContent(grid[r, c]))
                }
            }
        }
    }

    /// `LabelText.parse(clean:)` as it was: the lines trimmed, the empty ones dropped and the rest
    /// joined again before being compacted (the compacted text, on one line, is parsed as it is).
    static func parseJoiningLines(clean: String) -> LabelText? {
        var lines = clean.lineSlices(omittingEmpty: true).map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        if lines.count >= 2 {
            let tail = lines[1...].joined()
            if let first = tail.first, let last = tail.last, "（(".contains(first), "）)".contains(last), LabelText.weightIn(tail) == nil {
                lines = [lines[0]]
            }
        }
        return LabelText.parse(clean: LabelText.compact(lines.count == 1 ? lines[0] : lines.joined(separator: "\n")))
    }

    @Test func multiLineLabelsCompactAsTheirJoinedLines() {
        let pieces = ["产出指标", "数量", "A11", "abc", "12", "(50分)", "（30分）", "(说明)", "（注）", " ", "  ", "\t", "\r",
                      "\u{3000}", "\u{00A0}", "\n", "\n\n", " \n ", "\r\n", "e\u{301}", "😀", "（", ")"]
        var generator = SystemRandomNumberGenerator()
        var multiLine = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let clean = ValueReader.cleanText(text)
            guard clean.containsByte(0x0A) else { continue }
            multiLine += 1
            let made = LabelText.parse(clean: clean)
            let joined = Self.parseJoiningLines(clean: clean)
            #expect(made.map { Array($0.name.utf8) } == joined.map { Array($0.name.utf8) }, "\(text.debugDescription)")
            #expect(made?.weight == joined?.weight)
            #expect(made?.code == joined?.code)
        }
        #expect(multiLine > 500)
    }

    @Test func aWeightIsCutFromTheNameAsRemovingItsRangeDoes() {
        let pieces = ["产出指标", "A11", "abc", " ", "(50分)", "（30分）", "( 2.5 分 )", "（10分", "(分)", "e\u{301}", "\u{301}",
                      "😀", "\u{3000}", "）", "x"]
        var generator = SystemRandomNumberGenerator()
        var weighted = 0
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let clean = ValueReader.cleanText(text)
            guard !clean.containsByte(0x0A), !clean.trimmed.isEmpty else { continue }
            var name = LabelText.compact(clean.trimmed)
            var weight: Double?
            if let (w, range) = LabelText.weightIn(name) {
                weight = w
                name.removeSubrange(range)
                name = name.trimmed
                weighted += 1
            }
            let made = LabelText.parse(clean: clean)
            #expect(made.map { Array($0.name.utf8) } == (name.isEmpty && weight == nil ? nil : Array(name.utf8)), "\(text.debugDescription)")
            #expect(made?.weight == weight)
        }
        #expect(weighted > 500)
    }

    @Test func columnLookupReadsWhatTheDictionariesHold() {
        typealias Role = HeaderVocabulary.IndicatorColumn
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var roles: [Int: Role] = [:]
            var levels: [Int: Int] = [:]
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                roles[Int.random(in: 0...20, using: &generator)] = Role.allCases.randomElement(using: &generator)!
            }
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                levels[Int.random(in: 0...20, using: &generator)] = Int.random(in: 0...2, using: &generator)
            }
            let lookup = ColumnLookup(roles: roles, levels: levels)
            for c in -1...22 {
                #expect(lookup.role(ofColumn: c) == roles[c])
                #expect(lookup.level(ofColumn: c) == levels[c])
            }
            #expect(lookup.hasLevel3 == roles.values.contains(.level3))
            #expect(lookup.hasWeightOrScore == (roles.values.contains(.weight) || roles.values.contains(.score)))
        }
    }

    /// A header that names a role twice: the leftmost column is the one, whatever order the
    /// layout's dictionary iterates in (it follows the process's hash seed).
    @Test func aRoleNamedTwiceIsItsLeftmostColumn() throws {
        let header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "权重", "得分"]
        let grid = TableGrid(slots: [header.map { .cell(TableCell(text: $0)) }], location: .line(1), rowLines: [0])
        let layout = try #require(IndicatorLayout(header: GridRow(grid: grid, row: 0), subHeader: nil))
        #expect(layout.column(of: .weight) == 5)
        #expect(layout.column(of: .score) == 6)
    }
}
