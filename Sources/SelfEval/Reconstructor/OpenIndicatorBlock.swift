/// An indicator block whose rows are still being read. Each row goes into the block as it
/// comes, on the header's layout, so that the rows of a large block are not all kept until it
/// ends (a form of 77,000 indicator rows held every one); what `IndicatorLayout.fit(to:)` needs
/// of them is gathered on the way. When the block ends with most rows reaching past its
/// header, the layout is fitted and the rows are made from the grid again and read anew.
struct OpenIndicatorBlock {
    /// The block as it was opened, for a second reading on a fitted layout.
    private let opened: IndicatorBlock
    private var block: IndicatorBlock
    private var spread: IndicatorLayout.RowSpread
    /// The block's rows as runs of consecutive rows (they come in order, mostly without gaps).
    private var rows: [Range<Int>] = []
    private var rowCount = 0
    /// The `row-realigned` diagnostics, which come before the block's own.
    private var realignments: [Diagnostic] = []

    /// `rowsLeft`: the table's rows after the header, as many indicators as the block can make,
    /// reserved so that a block of many thousand rows is not copied each time its array grows.
    init(_ block: IndicatorBlock, rowsLeft: Int) {
        opened = block
        self.block = block
        self.block.reserveCapacity(rowsLeft)
        spread = IndicatorLayout.RowSpread(headerEnd: block.layout.headerEnd)
    }

    var layout: IndicatorLayout { block.layout }

    mutating func add(_ row: GridRow) {
        spread.add(row)
        if let last = rows.last, last.upperBound == row.index {
            rows[rows.count - 1] = last.lowerBound..<row.index + 1
        } else {
            rows.append(row.index..<row.index + 1)
        }
        rowCount += 1
        Self.read(row, into: &block, realignments: &realignments)
    }

    /// Ends the block: the finished block, and the diagnostics to report before the block's
    /// own (a column repair, then the rows moved).
    mutating func close(grid: TableGrid) -> (block: IndicatorBlock, diagnostics: [Diagnostic]) {
        var layout = opened.layout
        var diagnostics: [Diagnostic] = []
        if let repair = layout.fit(to: spread) {
            diagnostics.append(Diagnostic(.info, "columns-realigned", repair, table: opened.table, row: rows.first?.lowerBound))
            block = opened
            block.layout = layout
            block.reserveCapacity(rowCount)
            realignments = []
            for r in rows.joined() { Self.read(GridRow(grid: grid, row: r), into: &block, realignments: &realignments) }
        }
        block.finish()
        diagnostics.appendMoving(&realignments)
        // Left holding nothing, so that the caller's block is the only reference to its rows.
        defer { block = opened }
        return (block, diagnostics)
    }

    private static func read(_ row: GridRow, into block: inout IndicatorBlock, realignments: inout [Diagnostic]) {
        if let (moved, repair) = block.layout.realigned(row, typicalWidth: block.layout.headerWidth) {
            realignments.append(Diagnostic(.info, "row-realigned", repair, table: block.table, row: row.index))
            block.add(moved)
        } else {
            block.add(row)
        }
    }
}
