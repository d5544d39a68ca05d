import Foundation
import Testing
@testable import SelfEval

/// The shortcuts of the second reconstructor round read what the slower ways read: a slot's
/// content against its whole slot, and an indicator layout's column lookup against its
/// dictionaries.
@Suite struct Recon2LookupTests {
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
}
