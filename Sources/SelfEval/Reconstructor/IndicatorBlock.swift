/// Turns the rows of an indicator block into `Indicator`s: labels carried down where a merge
/// left them empty, placeholder rows set aside, weights and scores shared over merged rows, and
/// a label that slid into the 二级 column of a row with no 三级 moved back.
struct IndicatorBlock {
    /// Labels in force, carried from row to row (and from a table to its continuation).
    struct Carry {
        var level1: LabelText?
        var level2: LabelText?
        /// Row and indicator index of the last weight/score anchor, for merged cells.
        var lastScored: Int?
    }

    var layout: IndicatorLayout
    var carry = Carry()
    private(set) var indicators: [Indicator] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var ocrComparators: [(row: Int, column: Int)] = []
    let table: Int
    /// Where this block's indicators will start in the form's list.
    let firstIndex: Int
    /// The rows come in order, so the first and last tell the run.
    private var inferredRun: (level: Int, label: String, first: Int, last: Int)?

    init(layout: IndicatorLayout, table: Int, firstIndex: Int, carry: Carry = Carry()) {
        self.layout = layout
        self.table = table
        self.firstIndex = firstIndex
        self.carry = carry
    }

    static let placeholderWords = WordSet(["……", "…", "......", "...", "。。。", "无", "/", "-", "—", "——", "－", "空"])

    static func isPlaceholder(_ s: String?) -> Bool {
        guard let s else { return true }
        let k = LabelText.canonical(LabelText.compact(s))
        if k.isEmpty || placeholderWords.contains(k) { return true }
        // `k` is NFC, where a Character prefix is also a byte prefix: the cheap test goes first.
        if k.hasPrefixBytes("指标"), k.hasPrefix("指标"), k.dropFirst(2).allSatisfy(\.isNumber), k.count > 2 { return true }
        return false
    }

    /// Room for the indicators of `rows` more rows, so that a block of many thousand rows is not
    /// copied each time its array grows.
    mutating func reserveCapacity(_ rows: Int) {
        indicators.reserveCapacity(indicators.count + rows)
    }

    /// Hands over the rows' indicators and diagnostics and keeps none, so that the caller holds
    /// the only reference to them and can move them on (`appendMoving`) instead of copying.
    mutating func takeRows() -> (indicators: [Indicator], diagnostics: [Diagnostic]) {
        defer {
            indicators = []
            diagnostics = []
        }
        return (indicators, diagnostics)
    }

    /// The text of the cells under one header in a row, and the column a diagnostic names.
    struct Entry {
        private(set) var text: String
        /// `ValueReader.cleanText(text)`, the cell's own while the entry holds one cell.
        private var clean: String?
        let column: Int

        init(_ cell: GridRow.Cell) {
            text = cell.text
            clean = cell.clean
            column = cell.sourceColumn
        }

        mutating func append(_ cell: GridRow.Cell) {
            text += "\n" + cell.text
            clean = nil
        }

        var cleaned: String { clean ?? ValueReader.cleanText(text) }
    }

    /// A row's entries by role, in slots indexed by the role: a dictionary per row cost more in
    /// hashing than reading the row.
    struct RoleEntries {
        private var entries: [Entry] = []
        /// Where each role's entry is in `entries`, four bits by the role's number (15: none):
        /// at most one entry per role, fourteen roles, packed in one word where an array of
        /// positions cost an allocation per row.
        private var positions: UInt64 = ~0

        init(capacity: Int) {
            entries.reserveCapacity(capacity)
        }

        private func position(of role: HeaderVocabulary.IndicatorColumn) -> Int? {
            let p = Int((positions >> UInt64(4 * role.rawValue)) & 0xF)
            return p == 0xF ? nil : p
        }

        subscript(role: HeaderVocabulary.IndicatorColumn) -> Entry? {
            position(of: role).map { entries[$0] }
        }

        /// Adds the cell to its role's entry, or starts the entry.
        mutating func add(_ cell: GridRow.Cell, as role: HeaderVocabulary.IndicatorColumn) {
            if let p = position(of: role) {
                entries[p].append(cell)
            } else {
                let shift = UInt64(4 * role.rawValue)
                positions = positions & ~(0xF << shift) | UInt64(entries.count) << shift
                entries.append(Entry(cell))
            }
        }
    }

    /// A row's label entries by level (0 = 一级, 1 = 二级, 2 = 三级), in three slots: an array of
    /// them cost an allocation per row.
    struct LevelEntries {
        private var level1: Entry?
        private var level2: Entry?
        private var level3: Entry?

        subscript(level: Int) -> Entry? {
            switch level {
            case 0: level1
            case 1: level2
            default: level3
            }
        }

        var all: [Entry?] { [level1, level2, level3] }

        /// Adds the cell to its level's entry, or starts the entry.
        mutating func add(_ cell: GridRow.Cell, level: Int) {
            switch level {
            case 0: Self.add(cell, to: &level1)
            case 1: Self.add(cell, to: &level2)
            default: Self.add(cell, to: &level3)
            }
        }

        private static func add(_ cell: GridRow.Cell, to entry: inout Entry?) {
            if entry == nil { entry = Entry(cell) } else { entry!.append(cell) }
        }
    }

    /// The roles whose text makes a row an indicator even without a 三级 label.
    private static let valueRoles: [HeaderVocabulary.IndicatorColumn] = [.target, .actual, .weight, .score]

    mutating func add(_ row: GridRow) {
        var levelTexts = LevelEntries()
        var values = RoleEntries(capacity: row.cells.count)
        for cell in row.cells {
            if let level = layout.level(ofDataColumn: cell.column) {
                levelTexts.add(cell, level: level)
            } else if let role = layout.role(ofDataColumn: cell.column) {
                values.add(cell, as: role)
            } else {
                diagnostics.append(Diagnostic(.warning, "unplaced-cell",
                    "cell under no known header (\(LabelText.compact(cell.text).prefix(30))); kept in tables[\(table)]",
                    table: table, row: row.index, column: cell.sourceColumn))
            }
        }
        let own1 = levelTexts[0].flatMap { LabelText.parse(clean: $0.cleaned) }
        var own2 = levelTexts[1].flatMap { LabelText.parse(clean: $0.cleaned) }
        var own3 = levelTexts[2].flatMap { LabelText.parse(clean: $0.cleaned) }
        let hasValues = Self.valueRoles.contains { values[$0].map { !Self.isPlaceholder($0.text) } ?? false }

        if let own1 {
            carry.level1 = own1
            carry.level2 = nil
            endInferredRun()
        } else if carry.level1 != nil, !row.coveredFromAbove.contains(where: { layout.level(ofDataColumn: $0) == 0 }) {
            noteInferred(level: 0, label: carry.level1!.name, row: row.index)
        }
        if layout.hasLevel3Column, own3 == nil, own2 != nil, hasValues {
            diagnostics.append(Diagnostic(.info, "label-shifted", .labelShifted(name: own2!.name), table: table, row: row.index))
            own3 = own2
            own2 = nil
            carry.level2 = nil
        }
        if let own2 {
            carry.level2 = own2
        } else if carry.level2 != nil, own1 == nil, !row.coveredFromAbove.contains(where: { layout.level(ofDataColumn: $0) == 1 }) {
            noteInferred(level: 1, label: carry.level2!.name, row: row.index)
        }

        let label3 = own3
        if (label3 == nil || Self.isPlaceholder(levelTexts[2]?.text)) && !hasValues {
            diagnostics.append(Diagnostic(.info, "placeholder-row",
                "row holds no indicator (\(describe(row, levelTexts, values))); not counted",
                table: table, row: row.index))
            return
        }

        var indicator = Indicator(source: CellSource(table: table, rows: [row.index]))
        // Each label is taken out of the carry once: every `carry.level1?.name` copies the whole label.
        // The fields kept out of line (note, code, the texts) are set only when there is a value:
        // each setter costs a key path and a generic call even to leave a field empty.
        if let level1 = carry.level1 {
            indicator.level1 = level1.name
            indicator.level1Weight = level1.weight
            if let note = level1.note { indicator.level1Note = note }
        }
        let level2 = carry.level2
        if let level2 {
            indicator.level2 = level2.name
            indicator.level2Weight = level2.weight
        }
        if let label3 {
            indicator.level3 = label3.name
            indicator.level3Weight = label3.weight
        }
        if let code = label3?.code ?? (label3 == nil ? level2?.code : nil) { indicator.code = code }
        indicator.target = value(values[.target], row: row.index)
        indicator.actual = value(values[.actual], row: row.index)
        indicator.weight = value(values[.weight], row: row.index, numeric: true)
        indicator.score = value(values[.score], row: row.index, numeric: true)
        if indicator.target == nil, let nature = values[.targetNature]?.cleaned {
            indicator.target = ValueReader.read(clean: nature)?.value
        }
        if let nature = values[.targetNature], values[.target] != nil, var target = indicator.target {
            let n = LabelText.compact(nature.text)
            if ["≥", "≤", ">", "<", "="].contains(n) {
                target.comparator = n
                target.text = n + target.text
                indicator.target = target
            } else {
                notKept(nature, "指标性质", row: row.index)
            }
        }
        if let unit = values[.targetUnit] {
            if var target = indicator.target, target.number != nil {
                target.unit = LabelText.compact(unit.text)
                target.text += target.unit ?? ""
                indicator.target = target
            } else {
                notKept(unit, "度量单位", row: row.index)
            }
        }
        if let deviation = text(values[.deviation]) { indicator.deviation = deviation }
        if let criteria = text(values[.criteria]) { indicator.criteria = criteria }
        if let explanation = text(values[.explanation]) { indicator.explanation = explanation }
        if let dataSource = text(values[.dataSource]) { indicator.dataSource = dataSource }

        let index = firstIndex + indicators.count
        let scoreCovered = !row.coveredFromAbove.isEmpty
            && [layout.column(of: .weight), layout.column(of: .score)].contains { $0.map(row.coveredFromAbove.contains) == true }
        if scoreCovered, let shared = carry.lastScored {
            indicator.sharedWith = shared
        } else if indicator.weight == nil, indicator.score == nil, layout.hasWeightOrScore, label3 != nil,
                  let shared = carry.lastScored, own2 == nil, own1 == nil {
            indicator.sharedWith = shared
            diagnostics.append(Diagnostic(.info, "merge-inferred",
                "weight and score are empty under a row that has them: read as one cell merged over both rows",
                table: table, row: row.index))
        } else if indicator.weight != nil || indicator.score != nil {
            carry.lastScored = index
        }
        indicators.append(indicator)
    }

    /// Names a cell of a known column whose text the indicator has no field for.
    private mutating func notKept(_ entry: Entry, _ header: String, row: Int) {
        diagnostics.append(Diagnostic(.info, "unplaced-cell",
            "\(header) \(LabelText.compact(entry.text).prefix(30)) fits no field of the indicator; kept in tables[\(table)]",
            table: table, row: row, column: entry.column))
    }

    /// Ends the block: reports the vertical merges that were inferred from empty label slots.
    mutating func finish() {
        endInferredRun()
    }

    private mutating func noteInferred(level: Int, label: String, row: Int) {
        if let run = inferredRun, run.level == level, run.label == label {
            inferredRun!.last = row
            return
        }
        if level == 0 || inferredRun?.level == level { endInferredRun() }
        if inferredRun == nil { inferredRun = (level, label, row, row) }
    }

    private mutating func endInferredRun() {
        guard let run = inferredRun else { return }
        inferredRun = nil
        let name = run.level == 0 ? "一级" : "二级"
        let rows = run.first == run.last ? "row \(run.first + 1)" : "rows \(run.first + 1)–\(run.last + 1)"
        diagnostics.append(Diagnostic(.info, "merge-inferred",
            "empty \(name)指标 slots in \(rows) continue the label above (\(run.label))",
            table: table, row: run.first))
    }

    private mutating func value(_ entry: Entry?, row: Int, numeric: Bool = false) -> Value? {
        guard let entry, let reading = ValueReader.read(clean: entry.cleaned) else { return nil }
        if reading.ocrComparator { ocrComparators.append((row, entry.column)) }
        if numeric, reading.value.number == nil, !Self.isPlaceholder(reading.value.text) {
            diagnostics.append(Diagnostic(.warning, "number-unreadable",
                .numberUnreadable(text: reading.value.text), table: table, row: row, column: entry.column))
        }
        return reading.value
    }

    private func text(_ entry: Entry?) -> String? {
        guard let entry else { return nil }
        let t = entry.cleaned
        return t.isEmpty ? nil : t
    }

    /// The row's texts, labels by level, then values as a dictionary filled in the row's order
    /// lists them (as they were gathered before the entries had slots).
    private func describe(_ row: GridRow, _ levels: LevelEntries, _ values: RoleEntries) -> String {
        var byRole: [HeaderVocabulary.IndicatorColumn: Entry] = [:]
        for cell in row.cells where layout.level(ofDataColumn: cell.column) == nil {
            if let role = layout.role(ofDataColumn: cell.column), byRole[role] == nil { byRole[role] = values[role] }
        }
        let parts = levels.all.compactMap { $0?.text } + byRole.values.map(\.text)
        return parts.isEmpty ? "empty" : parts.map { LabelText.compact($0) }.joined(separator: " | ")
    }
}
