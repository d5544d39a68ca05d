/// A table's true rectangle: every row has `columnCount` slots, merged cells resolved.
/// The slots are kept in one flat array of `PackedSlot`s, row after row, and each row's line
/// and source width in 32 bits: for a table of a million rows that is under half the memory
/// of an array of `GridSlot` per row.
public struct TableGrid: Sendable, Equatable {
    private var store: SlotStore
    /// Slots too large to pack, by their index in `store`.
    private var wide: [Int: GridSlot]
    public private(set) var rowCount: Int
    public private(set) var columnCount: Int
    public var title: String?
    public var location: SourceLocation
    private var widthList: PackedIntList
    private var lineList: PackedIntList
    /// Set for a table found inside another table's cell: (table index, row, column).
    public var parent: NestedPosition?

    public struct NestedPosition: Sendable, Equatable {
        public var table: Int
        public var row: Int
        public var column: Int
        public init(table: Int, row: Int, column: Int) {
            self.table = table
            self.row = row
            self.column = column
        }
    }

    /// How many slots each row had in the source before the rectangle was padded;
    /// the reconstructor uses it to re-align short or long rows. Built on each read: read one
    /// row's with `sourceWidth(ofRow:)`.
    public var sourceRowWidths: [Int] {
        get { widthList.nonOptionalValues }
        set { widthList = PackedIntList(newValue) }
    }

    /// Source line of each row, where the format has lines. Built on each read: read one row's
    /// with `line(ofRow:)`.
    public var rowLines: [Int?] {
        get { lineList.values }
        set {
            let lines = PackedIntList(newValue)
            // Cells that read their line from their row keep the one they had.
            if lines != lineList { store.keepLines(rowLines: lineList, stride: columnCount) }
            lineList = lines
        }
    }

    public init(slots: [[GridSlot]], title: String? = nil, location: SourceLocation,
                sourceRowWidths: [Int]? = nil, rowLines: [Int?]? = nil, parent: NestedPosition? = nil) {
        let width = slots.map(\.count).max() ?? 0
        let lineList = rowLines.map { PackedIntList($0) } ?? PackedIntList(nils: slots.count)
        var store = SlotStore()
        store.reserveCapacity(slots.count * width)
        store.appendFree(slots.count * width)
        var wide: [Int: GridSlot] = [:]
        for (r, row) in slots.enumerated() {
            for c in 0..<width {
                let slot = c < row.count ? row[c] : .cell(TableCell(text: ""))
                let i = r * width + c
                if !store.put(slot, at: i, rowLines: lineList, stride: width) { wide[i] = slot }
            }
        }
        self.init(store: store, wide: wide, rowCount: slots.count, columnCount: width, title: title, location: location,
                  sourceRowWidths: PackedIntList(sourceRowWidths ?? slots.map(\.count)), rowLines: lineList, parent: parent)
    }

    /// The grid `GridBuilder` assembled: `store` holds `rowCount` × `columnCount` slots.
    init(store: SlotStore, wide: [Int: GridSlot], rowCount: Int, columnCount: Int, title: String?,
         location: SourceLocation, sourceRowWidths: PackedIntList, rowLines: PackedIntList, parent: NestedPosition? = nil) {
        self.store = store
        self.wide = wide
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.title = title
        self.location = location
        self.widthList = sourceRowWidths
        self.lineList = rowLines
        self.parent = parent
    }

    /// How many slots row `r` had in the source, or nil past the rows the source gave.
    func sourceWidth(ofRow r: Int) -> Int? { widthList.value(at: r) }

    /// The source line of row `r`, or nil where it has none.
    func line(ofRow r: Int) -> Int? { lineList.value(at: r) }

    /// Grids are equal when they read the same, however their slots and lines are kept.
    public static func == (a: TableGrid, b: TableGrid) -> Bool {
        guard a.rowCount == b.rowCount, a.columnCount == b.columnCount, a.title == b.title,
              a.location == b.location, a.parent == b.parent, a.widthList == b.widthList,
              a.lineList == b.lineList else { return false }
        for r in 0..<a.rowCount {
            for c in 0..<a.columnCount where a[r, c] != b[r, c] { return false }
        }
        return true
    }

    /// The rows of slots, built on demand; reading slots one by one with the subscript is cheaper.
    public var slots: [[GridSlot]] {
        (0..<rowCount).map { r in (0..<columnCount).map { self[r, $0] } }
    }

    public subscript(row: Int, column: Int) -> GridSlot {
        let i = index(row, column)
        return store[i].isWide ? wide[i]! : store.slot(at: i, row: row, rowLines: lineList)
    }

    /// The slot's content as `subscript(row:column:)` gives it, without its `TableCell`.
    func content(row: Int, column: Int) -> SlotContent {
        let i = index(row, column)
        let p = store[i]
        if p.isWide { return SlotContent(wide[i]!) }
        return p.content
    }

    /// The text shown at a slot: the anchored text, or the text of the merged cell covering it.
    public func visibleText(row: Int, column: Int) -> String {
        let p = store[index(row, column)]
        if let anchor = p.anchor { return text(row: anchor.row, column: anchor.column) ?? "" }
        if p.isWide, case .covered(let r, let c) = self[row, column] { return text(row: r, column: c) ?? "" }
        return text(row: row, column: column) ?? ""
    }

    /// The anchored text at a slot; nil where the slot is covered by a merge.
    public func text(row: Int, column: Int) -> String? {
        let i = index(row, column)
        let p = store[i]
        return p.isWide ? wide[i]!.text : p.text
    }

    public var merges: [MergedCell] {
        var result: [MergedCell] = []
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                let p = store[index(r, c)]
                let spans = p.isWide ? self[r, c].cell.map { ($0.rowSpan, $0.colSpan) } : p.spans
                if let (rowSpan, colSpan) = spans, rowSpan > 1 || colSpan > 1 {
                    result.append(MergedCell(row: r, column: c, rowSpan: rowSpan, colSpan: colSpan))
                }
            }
        }
        return result
    }

    /// The cells that hold nested tables, in reading order, with those tables' indexes. Only a
    /// slot kept whole can hold any.
    var nestedTables: [(row: Int, column: Int, tables: [Int])] {
        wide.keys.sorted().compactMap { i in
            guard let tables = wide[i]?.cell?.nestedTables, !tables.isEmpty else { return nil }
            return (i / columnCount, i % columnCount, tables)
        }
    }

    /// Every anchored cell with non-blank text, in reading order.
    public var nonEmptyCells: [(row: Int, column: Int, text: String)] {
        var result: [(Int, Int, String)] = []
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                if let t = text(row: r, column: c), !t.isBlank { result.append((r, c, t)) }
            }
        }
        return result
    }

    private func index(_ row: Int, _ column: Int) -> Int {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "slot (\(row), \(column)) is outside the grid")
        return row * columnCount + column
    }
}
