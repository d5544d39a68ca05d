/// Which grid column holds which indicator field, read from the block's header row (and a
/// sub-header row where the target is split into 指标性质 / 指标值 / 度量单位), then fitted to the
/// data rows when a text export lost a header merge or slid the data one slot sideways.
struct IndicatorLayout {
    typealias Column = HeaderVocabulary.IndicatorColumn

    private(set) var roles: [Int: Column] = [:]
    /// The label columns, left to right.
    private(set) var levelColumns: [Int] = []
    /// The level (0 = 一级, 1 = 二级, 2 = 三级) each label column holds.
    private var levelOfColumn: [Int: Int] = [:]
    /// `roles` and `levelOfColumn` by column, read for every cell of the block without hashing;
    /// made again wherever they change.
    private var lookup = ColumnLookup(roles: [:], levels: [:])
    /// Data columns that hold nothing in any row of the block and are skipped when mapping.
    private(set) var skippedColumns: Set<Int> = []
    let headerKeys: [String]
    /// The header row's last non-empty column and its width in the source.
    let headerLastColumn: Int
    let headerWidth: Int

    init?(header: GridRow, subHeader: GridRow?) {
        headerKeys = header.keys
        headerLastColumn = header.lastColumn ?? 0
        headerWidth = header.sourceWidth
        var explicitLevels: [(Int, Column)] = []
        var groupLevels: [Int] = []
        for cell in header.cells {
            guard let role = HeaderVocabulary.indicatorColumn(cell.key) else { continue }
            switch role {
            case .levels: groupLevels += Array(cell.column..<(cell.column + cell.colSpan))
            case .level1, .level2, .level3: explicitLevels.append((cell.column, role))
            default:
                if cell.colSpan > 1, let sub = subHeader {
                    let subRoles = sub.cells.filter { (cell.column..<(cell.column + cell.colSpan)).contains($0.column) }
                        .compactMap { s in HeaderVocabulary.indicatorColumn(s.key).map { (s.column, $0) } }
                    if !subRoles.isEmpty {
                        for (c, r) in subRoles { roles[c] = r }
                        continue
                    }
                }
                roles[cell.column] = role
            }
        }
        if let sub = subHeader {
            for s in sub.cells where roles[s.column] == nil {
                if let r = HeaderVocabulary.indicatorColumn(s.key), r == .targetNature || r == .targetUnit { roles[s.column] = r }
            }
        }
        if !explicitLevels.isEmpty {
            levelColumns = explicitLevels.sorted { $0.0 < $1.0 }.map(\.0)
            for (c, r) in explicitLevels {
                roles[c] = r
                levelOfColumn[c] = r == .level1 ? 0 : r == .level2 ? 1 : 2
            }
        } else {
            levelColumns = groupLevels.sorted()
            for (i, c) in levelColumns.enumerated() {
                roles[c] = .levels
                levelOfColumn[c] = min(i, 2)
            }
        }
        guard !levelColumns.isEmpty, roles.values.contains(where: { ![.level1, .level2, .level3, .levels].contains($0) }) else { return nil }
        lookup = ColumnLookup(roles: roles, levels: levelOfColumn)
    }

    /// True when a row's words are the header itself, as repeated at a page break. Runs on
    /// every row of the block: keys are made only until one differs, most often none (the
    /// count differs) or the first.
    func isRepeatedHeader(_ row: GridRow) -> Bool {
        row.cells.count == headerKeys.count && zip(row.cells, headerKeys).allSatisfy { $0.key == $1 }
    }

    var hasLevel3Column: Bool { lookup.hasLevel3 }
    var hasWeightOrScore: Bool { lookup.hasWeightOrScore }

    /// The leftmost column with `role`: a header may name a role twice, and the first entry of
    /// a dictionary would depend on the process's hash seed.
    func column(of role: Column) -> Int? {
        roles.lazy.filter { $0.value == role }.map(\.key).min()
    }

    /// Where each data column's content belongs once skipped columns are taken out.
    func role(ofDataColumn c: Int) -> Column? {
        lookup.role(ofColumn: headerColumn(forData: c))
    }

    /// Runs for every cell of the block: the skipped columns are counted, not filtered into a new set.
    func headerColumn(forData c: Int) -> Int {
        skippedColumns.isEmpty ? c : c - skippedColumns.reduce(0) { $1 < c ? $0 + 1 : $0 }
    }

    /// The level (0, 1, 2) a data column holds, if it is a label column.
    func level(ofDataColumn c: Int) -> Int? {
        lookup.level(ofColumn: headerColumn(forData: c))
    }

    /// The last data column the header gives a meaning to.
    var lastDataColumn: Int {
        max(roles.keys.max() ?? 0, headerLastColumn) + skippedColumns.count
    }

    /// Moves a single row that slid one slot against the header: one too many (an empty slot
    /// inside its labels pushes the values right) or one too few (its leading label slot is
    /// missing). Returns the repaired row and what was done.
    func realigned(_ row: GridRow, typicalWidth: Int) -> (GridRow, String)? {
        guard let last = row.lastColumn, let firstLevel = levelColumns.first else { return nil }
        if last > lastDataColumn {
            let used = Set(row.cells.map(\.column))
            let valueStart = roles.filter { ![.level1, .level2, .level3, .levels].contains($0.value) }.keys.min() ?? last
            if let gap = ((firstLevel + 1)..<max(firstLevel + 1, valueStart + 1)).first(where: { !used.contains($0) && !row.coveredFromAbove.contains($0) && !skippedColumns.contains($0) }) {
                return (row.shifting(from: gap + 1, by: -1), "an empty slot in column \(gap + 1) pushed the row one column right; moved back")
            }
        } else if row.sourceWidth == typicalWidth - 1, last == lastDataColumn - 1, row.cells.first?.column == 0, firstLevel == 0 {
            return (row.shifting(from: 0, by: 1), "the row is one slot short, its first label slot missing; moved one column right")
        }
        return nil
    }

    /// The header's last column, or the last one it gives a role to if that is further right.
    var headerEnd: Int { max(roles.keys.max() ?? 0, headerLastColumn) }

    /// What `fit(to:)` needs to know of a block's data rows, gathered a row at a time so that
    /// the rows need not be kept until the block ends.
    struct RowSpread {
        let headerEnd: Int
        private(set) var rows = 0
        /// How many rows reach past the header, and the last column of the widest of them.
        private(set) var beyond = 0
        private(set) var dataWidth = 0
        /// Columns that hold a cell, or are covered from above, in some row.
        private var occupied: [Bool] = []

        init(headerEnd: Int) { self.headerEnd = headerEnd }

        mutating func add(_ row: GridRow) {
            rows += 1
            if let last = row.lastColumn, last > headerEnd {
                beyond += 1
                dataWidth = max(dataWidth, last)
            }
            for cell in row.cells { mark(cell.column) }
            for c in row.coveredFromAbove { mark(c) }
        }

        func isOccupied(_ column: Int) -> Bool { column < occupied.count && occupied[column] }

        private mutating func mark(_ column: Int) {
            if column >= occupied.count { occupied.append(contentsOf: repeatElement(false, count: column + 1 - occupied.count)) }
            occupied[column] = true
        }
    }

    /// Fits the header to the block's data rows when most reach further right than the header:
    /// first by skipping columns that are empty in every data row (seed 004's first form), else by
    /// widening the label group over the extra columns (a `评价内容` header that spanned two
    /// columns in the original). Returns a description of the repair, if one was made.
    mutating func fit(to spread: RowSpread) -> String? {
        guard spread.rows > 0, spread.beyond * 2 > spread.rows else { return nil }
        let dataWidth = spread.dataWidth
        let extra = dataWidth - headerEnd
        let firstLevel = levelColumns.first ?? 0
        let emptyInside = ((firstLevel + 1)...dataWidth).filter { !spread.isOccupied($0) }
        if emptyInside.count >= extra {
            skippedColumns = Set(emptyInside.prefix(extra))
            return "data rows reach \(extra) column(s) past the header; skipped empty column(s) \(skippedColumns.sorted().map { String($0 + 1) }.joined(separator: ", "))"
        }
        guard let lastLevel = levelColumns.last else { return nil }
        var shifted: [Int: Column] = [:]
        for (c, r) in roles { shifted[c > lastLevel ? c + extra : c] = r }
        let added = Array((lastLevel + 1)...(lastLevel + extra))
        let groupRole = roles[lastLevel] ?? .levels
        var lastLevelNumber = levelOfColumn[lastLevel] ?? 0
        for c in added {
            shifted[c] = groupRole
            if groupRole == .levels { lastLevelNumber = min(lastLevelNumber + 1, 2) }
            levelOfColumn[c] = lastLevelNumber
        }
        roles = shifted
        lookup = ColumnLookup(roles: roles, levels: levelOfColumn)
        levelColumns += added
        return "data rows reach \(extra) column(s) past the header; the label header was widened over column(s) \(added.map { String($0 + 1) }.joined(separator: ", "))"
    }
}
