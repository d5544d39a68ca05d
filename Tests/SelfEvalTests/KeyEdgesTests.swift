import Foundation
import Testing
@testable import SelfEval

/// `CellText` makes a cell's key only when asked and tells `mayOpenBlock` from `KeyEdges`
/// instead: both must be what the key made eagerly gives, for every cell.
@Suite struct KeyEdgesTests {
    /// The packed first and last scalars of a made key, as `WordEdges` reads them.
    static func ends(of key: String) -> (first: UInt32, last: UInt32)? {
        var copy = key
        return copy.withUTF8 { p in p.isEmpty ? nil : (WordEdges.firstScalar(of: p), WordEdges.lastScalar(of: p)) }
    }

    /// Checks one cell text against the key made step by step.
    static func check(_ text: String) {
        let clean = ValueReader.cleanText(text)
        let key = LabelText.key(clean: clean)
        if let edges = KeyEdges(clean: clean) {
            let expected = ends(of: key)
            #expect(edges.ends?.first == expected?.first && edges.ends?.last == expected?.last, "\(text.debugDescription) → \(key.debugDescription)")
            #expect(edges.length == key.utf8.count { $0 != 0x20 }, "\(text.debugDescription) → \(key.debugDescription)")
        } else {
            #expect(!clean.isOwnNFC || clean.unicodeScalars.contains { $0.value > 0xFFFF }, "\(text.debugDescription) turned away")
        }
        let made = CellText(text)
        let expected = ends(of: key)
        #expect(made.keyEdges.ends?.first == expected?.first && made.keyEdges.ends?.last == expected?.last, "\(text.debugDescription)")
        #expect(made.keyEdges.length <= key.utf8.count, "\(text.debugDescription)")
        #expect(made.mayOpenBlock == HeaderVocabulary.mayOpenBlock(key), "\(text.debugDescription)")
        checkLookups(GridRow.Cell(column: 0, colSpan: 1, texts: CellText(text)), key: key)
        #expect(Array(made.key.utf8) == Array(key.utf8), "\(text.debugDescription)")
        #expect(Array(made.clean.utf8) == Array(clean.utf8))
    }

    /// The lookups that use the edges to pass over a key must say what the key itself says.
    static func checkLookups(_ cell: GridRow.Cell, key: String) {
        for words in [HeaderVocabulary.totalLabels, HeaderVocabulary.gradeLabels, HeaderVocabulary.contactLabels] {
            #expect(cell.keyIs(in: words) == words.contains(key), "\(key.debugDescription)")
        }
        #expect(HeaderVocabulary.isNameOrContactLabel(cell) == (HeaderVocabulary.nameField(key) != nil || HeaderVocabulary.contactLabels.contains(key)))
        let notes = FramingWords(HeaderVocabulary.noteLabels.map { ($0, $0) })
        #expect(notes.mayStart(cell.keyEdges) || notes.first(startingWith: key) == nil, "\(key.debugDescription)")
        // A cell that `blockWordKeys` leaves out for its key's length has no header word.
        if cell.mayOpenBlock, cell.keyEdges.length > HeaderVocabulary.longestFramedKey {
            #expect(HeaderVocabulary.indicatorColumn(key) == nil && HeaderVocabulary.fundColumn(key) == nil)
        }
    }

    @Test(arguments: CellTextTests.texts + [
        "", " ", "（万元）", "(", ")", "：", "*", "预算数（万元", "）预算数", "(a)(b)", "（a）b（c", "a：", "：a", "１２３",
        "指标（分）值", "年度指标值（A）", "实际完成值\n（B）", "得分 ", "\u{3000}得分\u{3000}", "≧95", "95≦", "（≧）", "x\u{FEFF}",
        "\u{F94F}", "分\u{F94F}", "（\u{F94F}）得分", "😀", "（😀）分", "自评总分", "联系人：", "项目名称（全称）",
        "存在问题：本年度项目实施过程中资金拨付进度较慢，部分指标未达到预期目标", "实际完成值（本年度全年实际完成情况及说明，含偏差）",
    ])
    func edgesAreTheMadeKeysEnds(text: String) {
        Self.check(text)
    }

    /// Texts made of the characters the key's steps act on, mixed with header words' edges.
    @Test func edgesAreTheMadeKeysEndsOverGeneratedTexts() {
        let pieces = ["(", ")", "（", "）", ":", "：", "*", " ", "\u{3000}", "\n", "\t", "\u{00A0}", "\u{2028}", "\u{200B}", "\u{FEFF}",
                      "１", "％", "＜", "≧", "≦", "a", "B", "7", "指", "标", "得", "分", "值", "一", "级", "实", "际", "数", "é",
                      "e\u{301}", "\u{F94F}", "😀", "[", "$", "\\", "年", "度", "预", "算",
                      "，", "、", "。", "〃", "\u{302A}", "\u{3030}", "\u{4DC0}", "ｘ", "\u{FF1B}"]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<4_000 {
            // Up to 20 pieces: some keys pass the 42 bytes past which only a block's prefix words count.
            let length = Int.random(in: 0...20, using: &generator)
            Self.check((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
    }

    /// Every cell of every table of the text SampleDocs, as `GridRow` makes them.
    @Test func gridRowCellsOfTheSamplesAgreeWithTheirMadeKeys() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleDocs.path)
            .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && $0 != "README.md" }.sorted()
        #expect(files.count == 14)
        var cells = 0
        for file in files {
            for grid in try readSample(file).tables {
                for r in 0..<grid.rowCount {
                    for cell in GridRow(grid: grid, row: r).cells {
                        let key = LabelText.key(clean: ValueReader.cleanText(cell.text))
                        #expect(cell.mayOpenBlock == HeaderVocabulary.mayOpenBlock(key), "\(file) \(cell.text.debugDescription)")
                        #expect(Array(cell.key.utf8) == Array(key.utf8))
                        Self.checkLookups(cell, key: key)
                        cells += 1
                    }
                }
            }
        }
        #expect(cells > 2_000)
    }
}
