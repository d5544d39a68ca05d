import Testing
@testable import SelfEval

@Suite struct AccountedCellsTests {
    @Test func marksAreKeptByRowAndColumn() {
        var cells = AccountedCells()
        cells.insert(row: 3, column: 0)
        cells.insert(row: 3, columns: [2, 63, 64, 200])
        cells.insert(row: 1, column: 5)
        #expect(cells.contains(row: 3, column: 0))
        #expect(cells.contains(row: 3, column: 63))
        #expect(cells.contains(row: 3, column: 64))
        #expect(cells.contains(row: 3, column: 200))
        #expect(!cells.contains(row: 3, column: 1))
        #expect(!cells.contains(row: 2, column: 0))
        #expect(!cells.contains(row: 99, column: 0))
        #expect(!cells.contains(row: 99, column: 99))
        #expect(cells.count(inRow: 3) == 5)
        #expect(cells.count(inRow: 1) == 1)
        #expect(cells.count(inRow: 0) == 0)
        #expect(cells.count(inRow: 1000) == 0)
    }

    @Test func aMarkInsertedTwiceCountsOnceAndRemovingClearsIt() {
        var cells = AccountedCells()
        cells.insert(row: 0, columns: [4, 4, 70, 70])
        #expect(cells.count(inRow: 0) == 2)
        cells.remove(row: 0, column: 4)
        cells.remove(row: 0, column: 70)
        cells.remove(row: 5, column: 1)
        cells.remove(row: 5, column: 100)
        #expect(!cells.contains(row: 0, column: 4))
        #expect(!cells.contains(row: 0, column: 70))
        #expect(cells.count(inRow: 0) == 0)
    }

    @Test func narrowTablesKeepTheirRowsApart() {
        for width in [1, 6, 8, 9, 16, 17, 32, 33, 64, 65] {
            var cells = AccountedCells(columns: width)
            for row in 0..<40 {
                for column in 0..<width where (row + column) % 3 != 0 { cells.insert(row: row, column: column) }
            }
            for row in 0..<40 {
                let expected = (0..<width).filter { (row + $0) % 3 != 0 }
                #expect(cells.count(inRow: row) == expected.count, "width \(width), row \(row)")
                for column in 0..<width { #expect(cells.contains(row: row, column: column) == expected.contains(column)) }
            }
            cells.remove(row: 39, column: width - 1)
            #expect(!cells.contains(row: 39, column: width - 1) && cells.count(inRow: 40) == 0)
            cells.insert(row: 2, column: width + 70)
            #expect(cells.contains(row: 2, column: width + 70) && !cells.contains(row: 3, column: width + 70))
        }
    }
}
