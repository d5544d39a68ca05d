/// Reads one table row by row, finding the blocks of a form by their header words (name rows,
/// funds, fund sources, goals, indicators, total, notes, checkbox groups, key/value rows) rather
/// than by fixed positions.
struct FormTableReader {
    let grid: TableGrid
    let table: Int

    private enum Block {
        case none
        case funds(FundsBlock)
        case fundSources([Int: String])
        case goals(expected: Int, actual: Int)
        case indicators
    }

    /// Reads the table; `continuing` carries the layout and labels of a form whose table this one continues.
    func read(firstIndicator: Int, carry: IndicatorBlock.Carry = .init(), continuing layout: IndicatorLayout? = nil) -> TableReading {
        // Read through a local: the row maker below reached the grid through a copy of `self` each row.
        let grid = grid
        var reading = TableReading()
        reading.accounted = AccountedCells(columns: grid.columnCount)
        reading.carry = carry
        var block = Block.none
        var indicatorBlock: OpenIndicatorBlock?
        var sawBlock = false
        var ocr: [(row: Int, column: Int)] = []
        // Rows are made as the read reaches them and dropped once read (an indicator block reads
        // them as they come too): a large form's rows are not all held at once. A row is looked
        // at again only as the sub-header of the row before it, so the last one made is kept.
        // The sweep for unplaced cells at the end makes again the rows it must name cells of;
        // it knows them by their cell counts, a byte a row (`UInt8.max` for that many or more).
        var cellCounts = [UInt8](repeating: 0, count: grid.rowCount)
        var lastMade: GridRow?
        func gridRow(_ index: Int) -> GridRow? {
            guard index < grid.rowCount else { return nil }
            if let lastMade, lastMade.index == index { return lastMade }
            let made = GridRow(grid: grid, row: index)
            cellCounts[index] = UInt8(clamping: made.cells.count)
            lastMade = made
            return made
        }

        func flushIndicators() {
            guard var open = indicatorBlock.take() else { return }
            var (ib, diagnostics) = open.close(grid: grid)
            var (indicators, blockDiagnostics) = ib.takeRows()
            reading.indicators.appendMoving(&indicators)
            reading.diagnostics.appendMoving(&diagnostics)
            reading.diagnostics.appendMoving(&blockDiagnostics)
            ocr += ib.ocrComparators
            reading.indicatorLayout = ib.layout
            reading.carry = ib.carry
        }

        if let layout {
            indicatorBlock = OpenIndicatorBlock(IndicatorBlock(layout: layout, table: table, firstIndex: firstIndicator, carry: carry), rowsLeft: grid.rowCount)
            block = .indicators
        }

        var r = 0
        var previousWasNote = false
        while let row = gridRow(r) {
            let lastWasNote = previousWasNote
            previousWasNote = false
            defer { r += 1 }
            if row.isEmpty { continue }
            func accountAll() { reading.accounted.insert(row: r, columns: row.cells.lazy.map(\.column)) }
            /// A block's header row: its header words are consumed by the block they open; any
            /// other text in it went nowhere and is left for the unplaced-cell sweep.
            func accountHeaderWords(of headerRow: GridRow) {
                for cell in headerRow.cells where HeaderVocabulary.isStructural(cell.key) {
                    reading.accounted.insert(row: headerRow.index, column: cell.column)
                }
            }
            var inIndicators: Bool { if case .indicators = block { return true } else { return false } }

            if case .indicators = block, indicatorBlock?.layout.isRepeatedHeader(row) == true {
                reading.diagnostics.append(Diagnostic(.info, "repeated-header", "the indicator header is repeated here (a page break); dropped", table: table, row: r))
                accountAll()
                continue
            }
            if Self.isIndicatorHeader(row), let layout = IndicatorLayout(header: row, subHeader: gridRow(r + 1)) {
                flushIndicators()
                let subHeader = gridRow(r + 1)
                let consumedSub = Self.isSubHeader(subHeader, of: row)
                let firstIndex = firstIndicator + reading.indicators.count
                indicatorBlock = OpenIndicatorBlock(IndicatorBlock(layout: layout, table: table, firstIndex: firstIndex, carry: reading.carry),
                                                    rowsLeft: grid.rowCount - r - 1)
                block = .indicators
                sawBlock = true
                accountHeaderWords(of: row)
                if consumedSub, let subHeader {
                    accountHeaderWords(of: subHeader)
                    r += 1
                }
                continue
            }
            if FundsBlock.looksLikeHeader(row), let funds = FundsBlock(header: row, table: table) {
                flushIndicators()
                block = .funds(funds)
                reading.hasFundsHeader = true
                sawBlock = true
                accountHeaderWords(of: row)
                continue
            }
            if let goals = Self.goalsHeader(row) {
                flushIndicators()
                block = .goals(expected: goals.expected, actual: goals.actual)
                sawBlock = true
                accountHeaderWords(of: row)
                continue
            }
            if let dims = Self.fundSourceDimensions(row) {
                flushIndicators()
                block = .fundSources(dims)
                for (c, d) in dims.sorted(by: { $0.key < $1.key }) {
                    if let text = row.text(at: c), let (label, amount) = Self.sourcePair(text, dimension: d), label != d {
                        reading.fundSources.append(FundSource(dimension: d, label: label, amount: amount))
                    }
                    reading.accounted.insert(row: r, column: c)
                }
                continue
            }
            if row.firstKeyIs(in: HeaderVocabulary.totalLabels) {
                flushIndicators()
                readTotal(row, into: &reading)
                reading.accounted.insert(row: r, column: row.cells[0].column)
                block = .none
                sawBlock = true
                continue
            }
            if row.firstKeyIs(in: HeaderVocabulary.gradeLabels), row.cells.count >= 2 {
                flushIndicators()
                // A later grade replaces an earlier one, whose cell goes back to the unplaced-cell sweep.
                if let earlier = reading.fieldCells[.grade] { reading.accounted.remove(row: earlier.row, column: earlier.column) }
                reading.grade = LabelText.compact(row.cells[1].text)
                reading.fieldCells[.grade] = (r, row.cells[1].column)
                block = .none
                reading.accounted.insert(row: r, columns: [row.cells[0].column, row.cells[1].column])
                continue
            }
            if let note = Self.note(row) {
                flushIndicators()
                reading.notes.append(note)
                block = .none
                previousWasNote = true
                accountAll()
                continue
            }
            if row.cells.contains(where: { CheckboxOptions.containsBox($0.text) }), !inIndicators || Self.isCheckboxGroup(row) {
                flushIndicators()
                readOptions(row, into: &reading)
                block = .none
                continue
            }
            if !inIndicators || row.cells.first.map(HeaderVocabulary.isNameOrContactLabel) == true,
               readNamePairs(row, into: &reading, inInfoZone: !sawBlock) {
                if case .indicators = block {} else { block = .none }
                continue
            }
            switch block {
            case .funds(let funds):
                var unplaced: [Int] = []
                if let line = funds.line(from: row, isFirst: reading.funds.isEmpty, ocr: &ocr, unplaced: &unplaced) {
                    reading.funds.append(line)
                    reading.accounted.insert(row: r, columns: row.cells.lazy.map(\.column).filter { !unplaced.contains($0) })
                } else {
                    reading.unplacedRows.append(r)
                }
            case .fundSources(let dims):
                var placed = false
                for cell in row.cells {
                    guard let d = dims[cell.column] ?? dims.first(where: { $0.key <= cell.column })?.value,
                          let (label, amount) = Self.sourcePair(cell.text, dimension: d) else { continue }
                    reading.fundSources.append(FundSource(dimension: d, label: label, amount: amount))
                    reading.accounted.insert(row: r, column: cell.column)
                    placed = true
                }
                if !placed { reading.unplacedRows.append(r) }
            case .goals(let e, let a):
                let expected = row.text(in: e..<max(a, e + 1)).map(ValueReader.cleanText)
                let actual = row.text(in: a..<Int.max).map(ValueReader.cleanText)
                if expected != nil || actual != nil {
                    reading.goals.append(Goal(expected: expected, actual: actual))
                    reading.accounted.insert(row: r, columns: row.cells.lazy.map(\.column).filter { $0 >= e })
                } else {
                    reading.unplacedRows.append(r)
                }
            case .indicators:
                // The block places every cell of a row or names it in a diagnostic of its own.
                reading.accounted.insert(row: r, columns: row.cells.lazy.map(\.sourceColumn))
                indicatorBlock?.add(row)
            case .none:
                if lastWasNote, row.cells.count == 1, var note = reading.notes.popLast() {
                    note.text += (note.text.isEmpty ? "" : "\n") + row.cells[0].clean
                    reading.notes.append(note)
                    accountAll()
                } else {
                    reading.unplacedRows.append(r)
                }
            }
        }
        flushIndicators()
        // Only columns of a row's cells are ever marked, so a row with as many marks as cells has none left to name.
        let unplacedRows = Set(reading.unplacedRows)
        for r in 0..<grid.rowCount where (cellCounts[r] == .max || reading.accounted.count(inRow: r) < cellCounts[r]) && !unplacedRows.contains(r) {
            let row = GridRow(grid: grid, row: r)
            for cell in row.cells where !reading.accounted.contains(row: r, column: cell.column) {
                reading.diagnostics.append(Diagnostic(.info, "unplaced-cell",
                    "cell fits no field (\(LabelText.compact(cell.text).prefix(30))); kept in tables[\(table)]",
                    table: table, row: row.index, column: cell.column))
            }
        }
        for (row, column) in ocr {
            reading.diagnostics.append(Diagnostic(.warning, "ocr-comparator", "《 before a number read as ≤", table: table, row: row, column: column))
        }
        return reading
    }

    // MARK: block headers

    /// Runs on every row: the roles are counted, not gathered into arrays.
    static func isIndicatorHeader(_ row: GridRow) -> Bool {
        // Three roles need three cells that may hold a header word.
        guard row.blockWordCells >= 3 else { return false }
        var roles = 0, valueRoles = 0
        var level1OrGroup = false, level2 = false, level3 = false
        for key in row.blockWordKeys {
            guard let role = HeaderVocabulary.indicatorColumn(key) else { continue }
            roles += 1
            switch role {
            case .level1, .levels: level1OrGroup = true
            case .level2: level2 = true
            case .level3: level3 = true
            default: valueRoles += 1
            }
        }
        return (level1OrGroup || (level2 && level3)) && valueRoles >= 1 && roles >= 3
    }

    static func isSubHeader(_ row: GridRow?, of header: GridRow) -> Bool {
        guard let row, !row.isEmpty else { return false }
        let roles = row.cells.compactMap { HeaderVocabulary.indicatorColumn($0.key) }
        return roles.count == row.cells.count && (roles.contains(.targetNature) || roles.contains(.targetUnit))
    }

    static func goalsHeader(_ row: GridRow) -> (expected: Int, actual: Int)? {
        guard row.blockWordCells >= 2 else { return nil }
        // Keys are NFC, so byte comparison is what `==` and `hasPrefix` would say, at less cost.
        guard let e = row.cells.first(where: { $0.mayOpenBlock && HeaderVocabulary.goalWords.contains($0.key) }),
              let a = row.cells.first(where: { $0.mayOpenBlock && $0.key.hasPrefixBytes(HeaderVocabulary.goalActualPrefix) && $0.column > e.column })
        else { return nil }
        return (e.column, a.column)
    }

    private static let fundSourcePrefixes = FramingWords(HeaderVocabulary.fundSourceDimensions.map { ($0, $0) })

    /// Runs on every cell of most rows: the words are compared in the key's bytes.
    static func fundSourceDimensions(_ row: GridRow) -> [Int: String]? {
        var dims: [Int: String] = [:]
        for cell in row.cells where cell.mayOpenBlock {
            if let d = fundSourcePrefixes.first(startingWith: cell.key) { dims[cell.column] = d }
        }
        return dims.isEmpty ? nil : dims
    }

    /// `其中：  一般公共预算：531.19` → (`一般公共预算`, 531.19).
    static func sourcePair(_ text: String, dimension: String) -> (String, Value?)? {
        var t = LabelText.compact(ValueReader.cleanText(text))
        if t.hasPrefix(dimension) { t.removeFirst(dimension.count) }
        for prefix in ["其中：", "其中:"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        t = t.trimmed
        guard !t.isEmpty else { return nil }
        let parts = t.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == "：" || $0 == ":" })
        guard let head = parts.first else { return nil }
        let label = String(head).trimmed
        let amount = parts.count > 1 ? ValueReader.read(String(parts[1]))?.value : nil
        guard !label.isEmpty else { return nil }
        return (label, amount)
    }

    private static let noteLabelPrefixes = FramingWords(HeaderVocabulary.noteLabels.map { ($0, $0) })

    static func note(_ row: GridRow) -> (label: String, text: String)? {
        // The cell's key starts with a note label whenever its compacted text does (the key
        // only drops parentheticals, colons and stars, which no label holds, and makes digits
        // half-width), so the key at hand turns away the rows that are no note.
        guard let first = row.cells.first, noteLabelPrefixes.mayStart(first.keyEdges),
              noteLabelPrefixes.first(startingWith: first.key) != nil else { return nil }
        let compact = LabelText.canonical(LabelText.compact(first.clean))
        guard let label = noteLabelPrefixes.first(startingWith: compact) else { return nil }
        var inline = String(decoding: compact.utf8.dropFirst(label.utf8.count), as: UTF8.self)
        while let c = inline.first, c == "：" || c == ":" { inline.removeFirst() }
        var parts: [String] = []
        if !inline.isEmpty {
            let original = first.clean
            if let colon = original.firstIndex(where: { $0 == "：" || $0 == ":" }) {
                parts.append(String(original[original.index(after: colon)...]).trimmed)
            } else {
                parts.append(inline)
            }
        }
        parts += row.cells.dropFirst().map(\.clean)
        return (label, parts.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    // MARK: rows

    /// Reads a 总分 / 合计 row. A later total row replaces an earlier one's numbers; the cells
    /// replaced are no longer in a field and are left to the unplaced-cell sweep.
    private func readTotal(_ row: GridRow, into reading: inout TableReading) {
        let valueCells = row.cells.dropFirst().filter { ValueReader.read(clean: $0.clean)?.value.number != nil }
        let layout = reading.indicatorLayout
        let weightColumn = layout?.column(of: .weight)
        let scoreColumn = layout?.column(of: .score)
        func set(_ field: WritableKeyPath<FormTotal, Value?>, _ cell: GridRow.Cell) {
            let single: TableReading.SingleField = field == \.weight ? .totalWeight : .totalScore
            if let earlier = reading.fieldCells[single] { reading.accounted.remove(row: earlier.row, column: earlier.column) }
            reading.total[keyPath: field] = ValueReader.read(clean: cell.clean)?.value
            reading.fieldCells[single] = (row.index, cell.column)
            reading.accounted.insert(row: row.index, column: cell.column)
        }
        let mappable = !valueCells.isEmpty && valueCells.allSatisfy { cell in
            let c = layout?.headerColumn(forData: cell.column) ?? cell.column
            return c == weightColumn || c == scoreColumn || (cell.column == weightColumn || cell.column == scoreColumn)
        }
        if mappable, weightColumn != nil || scoreColumn != nil {
            var placed = false
            for cell in valueCells {
                if cell.column == weightColumn { set(\.weight, cell); placed = true } else if cell.column == scoreColumn { set(\.score, cell); placed = true }
            }
            if placed { return }
        }
        if valueCells.count >= 2 {
            set(\.weight, valueCells[valueCells.count - 2])
            set(\.score, valueCells[valueCells.count - 1])
        } else if let only = valueCells.first {
            set(\.score, only)
        }
    }

    /// A row shaped like a checkbox group: a label, then only cells holding boxes.
    static func isCheckboxGroup(_ row: GridRow) -> Bool {
        guard let first = row.cells.first, !CheckboxOptions.containsBox(first.text), row.cells.count >= 2 else { return false }
        return row.cells.dropFirst().allSatisfy { CheckboxOptions.containsBox($0.text) }
    }

    /// Reads a checkbox group. The label and the cells with boxes are accounted for (unticked
    /// options are left out by the contract); text after a cell's last box has no box of its
    /// own and is named, as is any other cell whose text went into no ticked option.
    private func readOptions(_ row: GridRow, into reading: inout TableReading) {
        // Which cells hold a box, found once: finding a box costs.
        let boxed = row.cells.map { CheckboxOptions.containsBox($0.text) }
        let labelCell = boxed.firstIndex(of: false).map { row.cells[$0] }
        let label = labelCell.map { LabelText.compact($0.clean) } ?? "选项"
        let others = row.cells.indices.filter { row.cells[$0].column != labelCell?.column }
        // Each cell is read on its own: cells of one row may put their boxes on different sides.
        let ticked = others.filter { boxed[$0] }
            .flatMap { CheckboxOptions.options(in: row.cells[$0].text).filter(\.ticked).map(\.label) }
        reading.info.options.append((label, ticked))
        if let labelCell { reading.accounted.insert(row: row.index, column: labelCell.column) }
        for i in others {
            let cell = row.cells[i]
            if boxed[i] {
                reading.accounted.insert(row: row.index, column: cell.column)
                if let tail = CheckboxOptions.textAfterLastBox(cell.text) {
                    reading.diagnostics.append(Diagnostic(.info, "option-without-box",
                        "\(tail.prefix(30)) follows the last box with no box of its own; not read as an option",
                        table: table, row: row.index, column: cell.column))
                }
            } else if ticked.contains(where: { $0.contains(LabelText.compact(cell.clean)) }) {
                reading.accounted.insert(row: row.index, column: cell.column)
            }
        }
    }

    /// Label/value rows: `项目名称 | …`, `主管部门 | … | 实施单位 | …`, `联系人 | 李紫薇 | 联络电话 | …`.
    /// Known name labels are read anywhere; other pairs only in the form's opening rows.
    private func readNamePairs(_ row: GridRow, into reading: inout TableReading, inInfoZone: Bool) -> Bool {
        let cells = row.cells
        guard cells.count >= 2 else { return false }
        let known = cells.contains(where: HeaderVocabulary.isNameOrContactLabel)
        // Reading every label as a value costs; rows outside the info zone without a known label never need it.
        guard known || inInfoZone else { return false }
        let evenPairs = cells.count % 2 == 0 && stride(from: 0, to: cells.count, by: 2).allSatisfy { i in
            let k = cells[i].key
            // At most 24 Characters whenever at most 24 bytes: only a longer key is counted.
            return (k.utf8.count <= 24 || k.count <= 24) && ValueReader.read(clean: cells[i].clean)?.value.number == nil && !CheckboxOptions.containsBox(cells[i].text)
        }
        guard known || (inInfoZone && evenPairs) else { return false }
        var i = 0
        var consumed = false
        while i < cells.count {
            let labelCell = cells[i]
            guard i + 1 < cells.count else { break }
            let field = HeaderVocabulary.nameField(labelCell.key)
            if field == nil && !evenPairs && !HeaderVocabulary.contactLabels.contains(labelCell.key) {
                i += 1
                continue
            }
            let value = cells[i + 1].clean
            let name = LabelText.compactName(value)
            var kept = true
            /// A name given a second time with another value is left to the unplaced-cell sweep.
            func fill(_ slot: inout String?, _ single: TableReading.SingleField) {
                if slot == nil {
                    slot = name
                    reading.fieldCells[single] = (row.index, cells[i + 1].column)
                } else {
                    kept = slot == name
                }
            }
            switch field {
            case .project: fill(&reading.info.projectName, .projectName)
            case .unit: fill(&reading.info.unitName, .unitName)
            case .supervisor: fill(&reading.info.supervisor, .supervisor)
            case .implementer: fill(&reading.info.implementer, .implementer)
            case nil: reading.info.other.append((LabelText.compact(labelCell.text), value))
            }
            reading.accounted.insert(row: row.index, column: labelCell.column)
            if kept { reading.accounted.insert(row: row.index, column: cells[i + 1].column) }
            consumed = true
            i += 2
        }
        return consumed
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension LabelText {
    /// A name as printed, on one line: wraps and layout spaces gone, inner word spaces kept.
    static func compactName(_ s: String) -> String { compact(s) }
}
