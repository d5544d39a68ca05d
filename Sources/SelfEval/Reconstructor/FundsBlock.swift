/// The 项目资金 / 预算执行情况 block: its header maps columns to budget, executed, weight, rate
/// and score; each following row with a label is a fund line.
struct FundsBlock {
    typealias Column = HeaderVocabulary.FundColumn

    let roles: [Int: Column]
    /// The `(20分)` printed in the block's header cell, when there is no 分值 column.
    let headerWeight: Double?
    let table: Int

    init?(header: GridRow, table: Int) {
        var roles: [Int: Column] = [:]
        var weight: Double?
        for cell in header.cells {
            if let role = HeaderVocabulary.fundColumn(cell.key) {
                for c in cell.column..<(cell.column + cell.colSpan) where roles[c] == nil { roles[c] = role }
                if cell.colSpan > 1 { roles[cell.column] = role }
            } else if weight == nil, let (w, _) = LabelText.weightIn(LabelText.compact(cell.text)) {
                weight = w
            }
        }
        guard roles.values.contains(.executed), roles.values.contains(where: { $0 == .annualBudget || $0 == .initialBudget }) else { return nil }
        self.roles = roles
        self.headerWeight = roles.values.contains(.weight) ? nil : weight
        self.table = table
    }

    /// Runs on most rows: the roles are looked at one by one, not gathered into an array.
    static func looksLikeHeader(_ row: GridRow) -> Bool {
        // An executed and a budget column: two cells that may hold a header word.
        guard row.blockWordCells >= 2 else { return false }
        var executed = false, budget = false
        for key in row.blockWordKeys {
            switch HeaderVocabulary.fundColumn(key) {
            case .executed: executed = true
            case .annualBudget, .initialBudget: budget = true
            default: break
            }
        }
        return executed && budget
    }

    /// A fund line from a data row, or nil when the row has no label.
    func line(from row: GridRow, isFirst: Bool, ocr: inout [(row: Int, column: Int)], unplaced: inout [Int]) -> FundLine? {
        guard let labelCell = row.cells.first(where: { roles[$0.column] == nil }) else { return nil }
        let label = LabelText.compact(labelCell.clean)
        let key = labelCell.key
        var line = FundLine(label: label, role: HeaderVocabulary.fundRole(key), source: CellSource(table: table, rows: [row.index]))
        for cell in row.cells where cell.column != labelCell.column {
            guard let role = roles[cell.column], let reading = ValueReader.read(clean: cell.clean) else {
                unplaced.append(cell.column)
                continue
            }
            if reading.ocrComparator { ocr.append((row.index, cell.column)) }
            let field: WritableKeyPath<FundLine, Value?> = switch role {
            case .initialBudget: \.initialBudget
            case .annualBudget: \.annualBudget
            case .executed: \.executed
            case .weight: \.weight
            case .executionRate: \.executionRate
            case .score: \.score
            }
            // Two cells under one header: the first is kept, the second named.
            if line[keyPath: field] == nil { line[keyPath: field] = reading.value } else { unplaced.append(cell.column) }
        }
        if line.weight == nil, let w = headerWeight, isFirst {
            line.weight = Value(text: "\(w.formatted)分", number: w, unit: "分")
        }
        return line
    }
}

extension Double {
    /// `20` for 20.0, `16.35` otherwise: how a person writes the number.
    var formatted: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
