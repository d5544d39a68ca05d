/// One row of a grid as the reconstructor sees it: its anchored non-blank cells with their
/// columns, and which slots are covered by a merge from the row above.
struct GridRow {
    struct Cell {
        var column: Int
        /// The grid column the cell stands in, kept when a repair moves `column`, so that a
        /// diagnostic names the cell where the source has it.
        let sourceColumn: Int
        var colSpan: Int
        var text: String
        /// `text` through `ValueReader.cleanText`, made once: several readers of the row need it.
        var clean: String
        var key: String
    }

    let index: Int
    let cells: [Cell]
    /// Columns covered by a merged cell anchored in an earlier row (a real vertical merge).
    let coveredFromAbove: Set<Int>

    /// How many slots the source gave this row before the grid was padded.
    let sourceWidth: Int

    init(grid: TableGrid, row r: Int) {
        index = r
        sourceWidth = grid.sourceRowWidths[safe: r] ?? grid.columnCount
        var cells: [Cell] = []
        cells.reserveCapacity(grid.columnCount)
        var covered: Set<Int> = []
        for c in 0..<grid.columnCount {
            switch grid[r, c] {
            case .cell(let cell) where cell.text.isEmpty:
                continue
            case .cell(let cell):
                let text = cell.text.trimmed
                if !text.isBlank, !TextCleaning.withoutMarkers(text).isBlank {
                    let made = CellText(text)
                    cells.append(Cell(column: c, sourceColumn: c, colSpan: cell.colSpan, text: text, clean: made.clean, key: made.key))
                }
            case .covered(let anchorRow, _):
                if anchorRow < r { covered.insert(c) }
            }
        }
        self.cells = cells
        self.coveredFromAbove = covered
    }

    var isEmpty: Bool { cells.isEmpty }
    var keys: [String] { cells.map(\.key) }
    /// The keys one by one, for the tests that run on every row: a loop over `cells` copies
    /// each cell, its five strings retained and released.
    var eachKey: LazyMapSequence<[Cell], String> { cells.lazy.map(\.key) }
    var firstKey: String? { cells.first?.key }

    func text(at column: Int) -> String? { cells.first { $0.column == column }?.text }

    /// Texts in columns `range`, joined by line breaks.
    func text(in range: Range<Int>) -> String? {
        let parts = cells.filter { range.contains($0.column) }.map(\.text)
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    var lastColumn: Int? { cells.last?.column }

    private init(index: Int, cells: [Cell], coveredFromAbove: Set<Int>, sourceWidth: Int) {
        self.index = index
        self.cells = cells
        self.coveredFromAbove = coveredFromAbove
        self.sourceWidth = sourceWidth
    }

    /// The row with every cell from `column` on moved `offset` slots (a repair for a row that
    /// slid sideways against its header).
    func shifting(from column: Int, by offset: Int) -> GridRow {
        let moved = cells.map { cell -> Cell in
            var c = cell
            if c.column >= column { c.column += offset }
            return c
        }
        let covered = Set(coveredFromAbove.map { $0 >= column ? $0 + offset : $0 })
        return GridRow(index: index, cells: moved, coveredFromAbove: covered, sourceWidth: sourceWidth + offset)
    }
}
