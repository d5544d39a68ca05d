import Testing
@testable import SelfEval

/// The grid keeps slots in 24 bytes, row lines and widths in 32 bits, and a cell's line with its
/// row unless some cell's line differs: every slot, line and width must still read back exactly.
@Suite struct CompactGridTests {
    private static let huge = [Int.max, Int(Int32.max) + 1, Int(Int32.min), Int.min]

    private func slots(_ grid: TableGrid) -> [[GridSlot]] {
        (0..<grid.rowCount).map { r in (0..<grid.columnCount).map { grid[r, $0] } }
    }

    @Test func aSlotTakesTwentyFourBytes() {
        #expect(MemoryLayout<PackedSlot>.stride == 24)
    }

    @Test func packedSlotKindsAreTold() throws {
        #expect(PackedSlot.free.isFree && !PackedSlot.free.isWide && PackedSlot.free.text == nil)
        #expect(PackedSlot.wide.isWide && !PackedSlot.wide.isFree && PackedSlot.wide.spans == nil)
        #expect(PackedSlot.empty.text == "" && !PackedSlot.empty.hasLine && PackedSlot.empty.spans! == (1, 1))
        let cell = try #require(PackedSlot.cell("甲", rowSpan: 2, colSpan: Int(Int32.max), hasLine: false))
        #expect(cell.spans! == (2, Int(Int32.max)) && !cell.hasLine && cell.anchor == nil)
        #expect(cell.slot(line: 9) == .cell(TableCell(text: "甲", rowSpan: 2, colSpan: Int(Int32.max))))
        #expect(cell.withRowSpan(1).spans! == (1, Int(Int32.max)))
        let lined = try #require(PackedSlot.cell("乙", rowSpan: Int(Int32.max), colSpan: 3, hasLine: true))
        #expect(lined.hasLine && lined.slot(line: 7) == .cell(TableCell(text: "乙", rowSpan: Int(Int32.max), colSpan: 3, line: 7)))
        let covered = try #require(PackedSlot.covered(row: Int(Int32.max), column: Int(Int32.max)))
        #expect(covered.anchor! == (Int(Int32.max), Int(Int32.max)) && covered.text == nil && !covered.hasLine)
        #expect(try #require(PackedSlot.covered(row: 0, column: 0)).anchor! == (0, 0))
        #expect(PackedSlot.covered(row: -1, column: 0) == nil && PackedSlot.covered(row: Int(Int32.max) + 1, column: 0) == nil)
        #expect(PackedSlot.cell("", rowSpan: 0, colSpan: 1, hasLine: true) == nil)
        #expect(PackedSlot.cell("", rowSpan: 1, colSpan: Int(Int32.max) + 1, hasLine: true) == nil)
    }

    @Test func everySlotKindRoundTripsThroughTheGrid() {
        let rows: [[GridSlot]] = [
            [.cell(TableCell(text: "anchor", rowSpan: 2, colSpan: 2, line: 4)), .covered(anchorRow: 0, anchorColumn: 0),
             .cell(TableCell(text: "no line")), .cell(TableCell(text: "own line", line: 99))],
            [.covered(anchorRow: 0, anchorColumn: 0), .covered(anchorRow: 0, anchorColumn: 0),
             .cell(TableCell(text: "nested", line: 5, nestedTables: [3, 4])), .cell(TableCell(text: "big", line: Int.max))],
            [.cell(TableCell(text: "min", line: Int(Int32.min))), .cell(TableCell(text: "span", rowSpan: Int.max, colSpan: 0)),
             .covered(anchorRow: Int(Int32.max) + 1, anchorColumn: -1), .cell(TableCell(text: "", line: Int(Int32.max)))],
            [.cell(TableCell(text: "short", line: -3)), .cell(TableCell(text: "the row's huge line", line: Int.min))],
        ]
        let grid = TableGrid(slots: rows, location: .line(1), rowLines: [4, nil, Int(Int32.max), Int.min])
        var padded = rows
        padded[3] += Array(repeating: .cell(TableCell(text: "")), count: 2)
        #expect(slots(grid) == padded)
        #expect(grid.rowLines == [4, nil, Int(Int32.max), Int.min])
        #expect(grid.sourceRowWidths == [4, 4, 4, 2])
        #expect(grid.nestedTables.map(\.tables) == [[3, 4]])
        #expect(grid.merges == [MergedCell(row: 0, column: 0, rowSpan: 2, colSpan: 2),
                                MergedCell(row: 2, column: 1, rowSpan: Int.max, colSpan: 0)])
        #expect(grid.visibleText(row: 1, column: 1) == "anchor")
    }

    @Test func cellsOnLinesOtherThanTheirRowsReadTheirOwnLines() throws {
        var builder = GridBuilder()
        try builder.addRow([.init(text: "a", line: 10), .init(text: "b", line: 10)], line: 10)
        try builder.addRow([.init(text: "c", line: 20), .init(text: "d", rowSpan: 5, line: 21)], line: 20)
        try builder.addRow([.init(text: "e", line: 30), .init(text: "f", line: 31), .init(text: "g", colSpan: 2, line: 32)], line: 30)
        try builder.addRow([.init(text: "h")], line: 40)
        let grid = builder.build(location: .line(10))
        #expect(grid.columnCount == 5)
        #expect([grid[0, 0], grid[0, 1], grid[1, 0], grid[1, 1]].map { $0.cell?.line } == [10, 10, 20, 21])
        #expect(grid[1, 1].cell?.rowSpan == 3)
        #expect([grid[2, 0], grid[2, 2], grid[3, 0]].map { $0.cell?.line } == [30, 31, nil])
        #expect(grid[2, 3].cell == TableCell(text: "g", colSpan: 2, line: 32))
        #expect(grid[0, 3] == .cell(TableCell(text: "")))
        #expect(grid.rowLines == [10, 20, 30, 40])
        #expect(builder.diagnostics.contains { $0.code == "span-clamped" && $0.line == 21 })
    }

    @Test func htmlCellsOnTheirOwnLinesKeepThem() throws {
        let rows = (0..<3).map { r in "<tr>\n" + (0..<2).map { "<td>\(r)\($0)</td>" }.joined(separator: "\n") + "\n</tr>" }
        let d = try read("<table>\n" + rows.joined(separator: "\n") + "\n</table>\n", format: .markdown, path: "t.md")
        let grid = try #require(d.tables.first)
        #expect(grid.rowLines == [2, 6, 10])
        for r in 0..<3 {
            for c in 0..<2 { #expect(grid[r, c].cell?.line == 3 + r * 4 + c) }
        }
    }

    @Test func rowLinesAndWidthsRoundTripIncludingNilAndHugeValues() {
        var grid = TableGrid(slots: [[.cell(TableCell(text: "a", line: 1))], [.cell(TableCell(text: "b", line: 2))]],
                             location: .line(1), rowLines: [1, 2])
        for lines: [Int?] in [[nil, nil], [Int.max, nil], Self.huge, [], [0, -1]] {
            grid.rowLines = lines
            #expect(grid.rowLines == lines)
        }
        for widths in [[1, 1], Self.huge, [], [0, Int(Int32.max)]] {
            grid.sourceRowWidths = widths
            #expect(grid.sourceRowWidths == widths)
            #expect(grid.sourceWidth(ofRow: 1) == widths[safe: 1])
        }
        #expect(grid.line(ofRow: 0) == 0 && grid.line(ofRow: 5) == nil)
        // The cells keep their own lines whatever the rows' become.
        #expect(grid[0, 0].cell?.line == 1 && grid[1, 0].cell?.line == 2)

        var list = PackedIntList([1, nil, 3])
        list.append(Int.max)
        list[1] = Int(Int32.min)
        #expect(list.values == [1, Int(Int32.min), 3, Int.max])
        #expect(list == PackedIntList([1, Int(Int32.min), 3, Int.max]))
        list[3] = 4
        #expect(list == PackedIntList([1, Int(Int32.min), 3, 4]) && list != PackedIntList([1, nil, 3, 4]))
    }

    @Test func gridsThatReadTheSameAreEqualHoweverTheyAreKept() throws {
        var builder = GridBuilder()
        builder.reserveRows(2)
        try builder.addRow([.init(text: "a", line: 1), .init(text: "b", colSpan: 2, line: 1)], line: 1)
        try builder.addRow([.init(text: "c", line: 2)], line: 2)
        let built = builder.build(location: .line(1))
        let rows: [[GridSlot]] = [
            [.cell(TableCell(text: "a", line: 1)), .cell(TableCell(text: "b", colSpan: 2, line: 1)), .covered(anchorRow: 0, anchorColumn: 1)],
            [.cell(TableCell(text: "c", line: 2)), .cell(TableCell(text: "")), .cell(TableCell(text: ""))],
        ]
        let made = TableGrid(slots: rows, location: .line(1), sourceRowWidths: [3, 1], rowLines: [1, 2])
        #expect(built == made)
        // Setting the row lines and back makes every cell keep its own line: it still reads the same.
        var relined = made
        relined.rowLines = [7, 8]
        relined.rowLines = [1, 2]
        #expect(relined == built)
        var wider = made
        wider.rowLines = [1, Int.max]
        wider.rowLines = [1, 2]
        #expect(wider == built)
        let moved = TableGrid(slots: [rows[0], [.cell(TableCell(text: "c", line: 3)), rows[1][1], rows[1][2]]],
                              location: .line(1), sourceRowWidths: [3, 1], rowLines: [1, 2])
        #expect(moved != built)
    }

    @Test func reservingRowsChangesNothingButRoom() throws {
        func grid(reserving rows: Int?) throws -> TableGrid {
            var builder = GridBuilder()
            if let rows { builder.reserveRows(rows) }
            for r in 0..<50 {
                try builder.addRow((0...(r % 7)).map { .init(text: "\(r),\($0)", line: r + $0) }, line: r)
            }
            return builder.build(location: .line(0))
        }
        let plain = try grid(reserving: nil)
        #expect(try grid(reserving: 50) == plain)
        #expect(try grid(reserving: 3) == plain)
        #expect(plain[10, 3].cell?.line == 13 && plain.columnCount == 7)
    }

    /// A table whose later rows are wider re-lays the rows above in place, kept lines and
    /// covered slots with them: every slot must still read what was placed there.
    @Test func rowsWideningLaterReLayTheRowsAbove() throws {
        let widths = [2, 3, 1, 5, 2, 9, 4, 12, 3, 1, 20]
        for reserved in [nil, 4, widths.count] as [Int?] {
            var builder = GridBuilder()
            if let reserved { builder.reserveRows(reserved) }
            for (r, width) in widths.enumerated() {
                var row = try builder.startRow(line: 100 * r)
                for c in 0..<width {
                    try builder.place("\(r),\(c)", rowSpan: r == 0 && c == 0 ? 3 : 1, line: 100 * r + c, in: &row)
                }
                builder.end(row)
            }
            let grid = builder.build(location: .line(0))
            #expect(grid.columnCount == 20)
            for (r, width) in widths.enumerated() {
                // Rows 1 and 2 start after the cell row 0 spans down over their first column.
                let first = r == 1 || r == 2 ? 1 : 0
                if first == 1 { #expect(grid[r, 0] == .covered(anchorRow: 0, anchorColumn: 0)) }
                for c in 0..<width {
                    let cell = grid[r, c + first].cell
                    #expect(cell?.text == "\(r),\(c)" && cell?.line == 100 * r + c, "row \(r) cell \(c)")
                }
                for c in (width + first)..<grid.columnCount { #expect(grid[r, c] == .cell(TableCell(text: ""))) }
            }
        }
    }
}
