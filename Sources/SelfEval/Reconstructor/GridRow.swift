/// One row of a grid as the reconstructor sees it: its anchored non-blank cells with their
/// columns, and which slots are covered by a merge from the row above.
struct GridRow {
    struct Cell {
        var column: Int
        /// The grid column the cell stands in, kept when a repair moves `column`, so that a
        /// diagnostic names the cell where the source has it.
        let sourceColumn: Int
        let colSpan: Int
        /// The cell's texts behind one reference: every test of a row copies its cells, and a
        /// copy of three strings cost three retains and three releases.
        private let texts: CellText

        var text: String { texts.text }
        /// `text` through `ValueReader.cleanText`, made once: several readers of the row need it.
        var clean: String { texts.clean }
        /// `LabelText.key(clean:)`, made when first asked for.
        var key: String { texts.key }
        /// `HeaderVocabulary.mayOpenBlock(key)`: the block header tests pass over the other cells.
        var mayOpenBlock: Bool { texts.mayOpenBlock }

        /// `words.contains(key)`, without making the key of a cell too long to be any of them.
        func keyIs(in words: WordSet) -> Bool {
            keyEdges.length <= words.longestWord && words.contains(key)
        }

        /// The key's first and last scalars and (at most) its length, known without making it.
        var keyEdges: KeyEdges { texts.keyEdges }

        init(column: Int, colSpan: Int, texts: CellText) {
            self.column = column
            sourceColumn = column
            self.colSpan = colSpan
            self.texts = texts
        }
    }

    let index: Int
    let cells: [Cell]
    /// Columns covered by a merged cell anchored in an earlier row (a real vertical merge).
    let coveredFromAbove: Set<Int>

    /// How many slots the source gave this row before the grid was padded.
    let sourceWidth: Int
    /// How many cells may hold a block's header word (`Cell.mayOpenBlock`): a header needs two
    /// or three, so most rows are turned away on this count before any cell's key is made.
    let blockWordCells: Int

    init(grid: TableGrid, row r: Int) {
        index = r
        sourceWidth = grid.sourceWidth(ofRow: r) ?? grid.columnCount
        var cells: [Cell] = []
        cells.reserveCapacity(grid.columnCount)
        var covered: Set<Int> = []
        for c in 0..<grid.columnCount {
            switch grid.content(row: r, column: c) {
            case .cell(let text, _) where text.isEmpty:
                // An empty slot, common in a text export's rows.
                continue
            case .cell(let text, let colSpan):
                // Trimmed text is blank only when empty; a cell of nothing but markers is blank too.
                let text = text.trimmed
                if !text.isEmpty, !(text.containsByte(UInt8(ascii: "[")) && TextCleaning.withoutMarkers(text).isBlank) {
                    cells.append(Cell(column: c, colSpan: colSpan, texts: CellText(text)))
                }
            case .covered(let anchorRow):
                if anchorRow < r { covered.insert(c) }
            }
        }
        self.cells = cells
        self.coveredFromAbove = covered
        blockWordCells = cells.count { $0.mayOpenBlock }
    }

    var isEmpty: Bool { cells.isEmpty }
    var keys: [String] { cells.map(\.key) }
    /// The keys of the cells that may hold a block's header word, for the header tests that run
    /// on every row: most rows have none. Only short keys: the indicator and funds header words
    /// are looked for in keys of at most `HeaderVocabulary.longestFramedKey` bytes.
    var blockWordKeys: some Sequence<String> {
        cells.lazy.filter { $0.mayOpenBlock && $0.keyEdges.length <= HeaderVocabulary.longestFramedKey }.map(\.key)
    }
    /// Whether the first cell's key (the empty key for an empty row) is in `words`: total and
    /// grade rows are told by it.
    func firstKeyIs(in words: WordSet) -> Bool { cells.first?.keyIs(in: words) ?? words.contains("") }

    func text(at column: Int) -> String? { cells.first { $0.column == column }?.text }

    /// Texts in columns `range`, joined by line breaks.
    func text(in range: Range<Int>) -> String? {
        let parts = cells.filter { range.contains($0.column) }.map(\.text)
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    var lastColumn: Int? { cells.last?.column }

    private init(index: Int, cells: [Cell], coveredFromAbove: Set<Int>, sourceWidth: Int, blockWordCells: Int) {
        self.index = index
        self.cells = cells
        self.coveredFromAbove = coveredFromAbove
        self.sourceWidth = sourceWidth
        self.blockWordCells = blockWordCells
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
        return GridRow(index: index, cells: moved, coveredFromAbove: covered, sourceWidth: sourceWidth + offset,
                       blockWordCells: blockWordCells)
    }
}
