import Testing
@testable import SelfEval

@Suite struct GridBuilderTests {
    @Test func rowAndColumnSpansClaimSlots() throws {
        var b = GridBuilder()
        try b.addRow([.init(text: "A", rowSpan: 2), .init(text: "B", colSpan: 2)])
        try b.addRow([.init(text: "C"), .init(text: "D")])
        let g = b.build(location: .line(1))
        #expect(g.rowCount == 2 && g.columnCount == 3)
        #expect(g[1, 0] == .covered(anchorRow: 0, anchorColumn: 0))
        #expect(g[0, 2] == .covered(anchorRow: 0, anchorColumn: 1))
        #expect(g.text(row: 1, column: 1) == "C")
        #expect(g.merges == [MergedCell(row: 0, column: 0, rowSpan: 2, colSpan: 1), MergedCell(row: 0, column: 1, rowSpan: 1, colSpan: 2)])
    }

    @Test func spansPastTheTableAreClampedAndReported() throws {
        var b = GridBuilder()
        try b.addRow([.init(text: "A", rowSpan: 100_000), .init(text: "B", colSpan: -1)])
        try b.addRow([.init(text: "C")])
        let g = b.build(location: .line(1))
        #expect(g.rowCount == 2 && g.columnCount == 2)
        #expect(g[0, 0].cell?.rowSpan == 2)
        #expect(b.diagnostics.filter { $0.code == "span-clamped" }.count == 3)
    }

    /// One-slot cells take a shorter way through `claim`; the limit must stop them where the
    /// general way would, at the first slot past it, and cells placed from their parts must
    /// make the grid rows of entries make.
    @Test func oneSlotCellsStopAtTheSlotLimitAndPlaceAsEntriesDo() throws {
        var limits = ReadLimits()
        limits.maxTableSlots = 10
        var b = GridBuilder(limits: limits)
        try b.addRow((0..<4).map { .init(text: "a\($0)") })
        try b.addRow((0..<4).map { .init(text: "b\($0)") })
        var row = try b.startRow(line: 3)
        try b.place("c0", line: 3, in: &row)
        try b.place("c1", line: 3, in: &row)
        do {
            try b.place("c2", line: 3, in: &row)
            Issue.record("the eleventh slot was placed")
        } catch {
            #expect(error.slots == 11 && error.row == 2 && error.column == 2)
        }

        var entries = GridBuilder()
        try entries.addRow([.init(text: "x", line: 1), .init(text: "y", rowSpan: 2, line: 1), .init(text: "z", line: 1)], line: 1)
        try entries.addRow([.init(text: "u", line: 2), .init(text: "v", line: 3)], line: 2)
        var parts = GridBuilder()
        var first = try parts.startRow(line: 1)
        try parts.place("x", line: 1, in: &first)
        try parts.place("y", rowSpan: 2, line: 1, in: &first)
        try parts.place("z", line: 1, in: &first)
        parts.end(first)
        var second = try parts.startRow(line: 2)
        try parts.place("u", line: 2, in: &second)
        try parts.place("v", line: 3, in: &second)
        parts.end(second)
        #expect(parts.build(location: .line(1)) == entries.build(location: .line(1)))
    }

    @Test func tableSlotLimitStopsAHugeTable() {
        var limits = ReadLimits()
        limits.maxTableSlots = 100
        var b = GridBuilder(limits: limits)
        #expect(throws: GridLimitError.self) {
            try b.addRow([.init(text: "A", colSpan: 500)])
        }
    }
}
