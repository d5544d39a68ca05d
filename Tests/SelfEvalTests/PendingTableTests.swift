import Testing
@testable import SelfEval

/// PendingTable keeps a table's cells flat until it is placed; what the grid gets must be what
/// rows of entries gave: each cell's own line, also in a row joined from two.
@Suite struct PendingTableTests {
    static let source = SourceInfo(path: "t", format: .tsv, encoding: "UTF-8", bytes: 0, sha256: "")

    @Test func aJoinedRowKeepsTheLinesOfBothHalves() throws {
        let text = ["a\tb\tc\t1", "d\te\tf\t2", "g\th", "i\tj", "k\tl\tm\t3", "n\to\tp\t4"].joined(separator: "\n")
        let document = try TSVReader().read(text, source: Self.source)
        let grid = try #require(document.tables.first)
        #expect(grid.rowCount == 5)
        #expect(grid[2, 0].cell?.line == 3)
        #expect(grid[2, 2].cell?.text == "i")
        #expect(grid[2, 3].cell?.line == 4)
        #expect(grid[2, 2].cell?.line == 4)
        #expect(grid.rowLines == [1, 2, 3, 5, 6])
        #expect(document.diagnostics.contains { $0.code == "row-joined" && $0.line == 4 })
    }

    @Test func cellsOnLinesOfTheirOwnKeepTheirLines() throws {
        let text = ["\ta\tb", "\tc", "more", "", "\td\te"].joined(separator: "\n")
        let document = try CellsReader().read(text, source: Self.source)
        let grid = try #require(document.tables.first)
        #expect(grid[0, 2].cell?.line == 2)
        #expect(grid[0, 2].cell?.text == "c\nmore")
        #expect(grid[1, 0].cell?.line == 5)
    }
}
