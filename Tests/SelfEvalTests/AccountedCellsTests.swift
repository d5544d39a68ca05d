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
}
