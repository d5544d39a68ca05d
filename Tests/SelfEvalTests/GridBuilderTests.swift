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

    @Test func tableSlotLimitStopsAHugeTable() {
        var limits = ReadLimits()
        limits.maxTableSlots = 100
        var b = GridBuilder(limits: limits)
        #expect(throws: GridLimitError.self) {
            try b.addRow([.init(text: "A", colSpan: 500)])
        }
    }
}
