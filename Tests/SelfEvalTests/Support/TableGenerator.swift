/// Makes up tables for the conservation property test: free tables with random spans and text,
/// and form-like tables built from the header vocabulary of real 自评表 with noise added (extra
/// columns, stray cells, labels of other blocks, checkbox groups and missing cells), so that the
/// reconstructor really maps them onto forms.
struct TableGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func table() -> GeneratedTable {
        rng.chance(0.3) ? freeTable() : formTable()
    }

    // MARK: text

    private static let hanzi = Array("档案服务工伤鉴定职业介绍费用流动人口管理经费社保卡制发群众满意度提升水平优化资源配置财政资金使用效益计划标准政策按时完成覆盖率培训人次乡镇考核")
    private static let latin = ["Plan", "Item", "Zone", "Unit", "Rate", "Task", "Lot", "Case"]
    private static let comparators = ["", "", "≥", "≤", "＞"]
    private static let units = ["", "%", "万元", "人", "件", "个", "人次"]

    mutating func word() -> String {
        String((0..<rng.int(2...7)).map { _ in rng.pick(Self.hanzi) })
    }

    mutating func number() -> String {
        rng.chance(0.5) ? String(rng.int(0...500)) : "\(rng.int(0...999)).\(rng.int(1...99))"
    }

    /// Any text a cell may hold: words, Latin words with digits, numbers, percentages, values
    /// with comparators and units, wrapped lines, checkbox groups, placeholders.
    mutating func text() -> String {
        switch rng.int(0...11) {
        case 0, 1, 2: return word()
        case 3: return "\(rng.pick(Self.latin))\(rng.int(1...99)) \(rng.pick(Self.latin).lowercased())\(rng.int(1...9))"
        case 4: return number()
        case 5: return "\(rng.int(1...100))%"
        case 6: return rng.pick(Self.comparators) + number() + rng.pick(Self.units)
        case 7, 8: return (0..<rng.int(2...3)).map { _ in word() }.joined(separator: "\n")
        case 9: return checkboxGroup()
        case 10: return word() + "：" + number()
        default: return rng.pick(["……", "无", word() + " " + word()])
        }
    }

    /// `1、部门预算项目 ☑ 2、省专项 ☐` or `☑是 ☐否`: boxes after or before their labels.
    mutating func checkboxGroup() -> String {
        let count = rng.int(2...3)
        let ticked = rng.int(0...(count - 1))
        if rng.chance(0.5) {
            return (0..<count).map { i in "\(i + 1)、\(word()) \(i == ticked ? "☑" : "☐")" }.joined(separator: " ")
        }
        return (0..<count).map { i in "\(i == ticked ? "☑" : "☐")\(word())" }.joined(separator: " ")
    }

    // MARK: free tables

    /// At least two columns: a one-column table has no TAB in a TSV file and is read as paragraphs.
    mutating func freeTable() -> GeneratedTable {
        let rows = rng.int(1...8), columns = rng.int(2...7)
        var grid = SlotGrid(columns: columns)
        grid.addRows(rows)
        for r in 0..<rows {
            for c in 0..<columns where grid.isFree(r, c) {
                if rng.chance(0.25) { continue }
                let rs = rng.chance(0.2) ? rng.int(1...3) : 1
                let cs = rng.chance(0.2) ? rng.int(1...3) : 1
                grid.place(rng.chance(0.1) ? "" : text(), row: r, column: c, rowSpan: rs, colSpan: cs)
            }
        }
        var table = grid.table
        table.notes = ["free table \(rows)x\(columns)"]
        if rng.chance(0.3) { table.title = word() }
        return table
    }

    // MARK: forms

    private struct IndicatorColumnSpec {
        var header: String
        var kind: Kind
        enum Kind { case target, actual, weight, score, deviation, split }
    }

    mutating func formTable() -> GeneratedTable {
        var notes: [String] = []
        var levels = ["一级指标", "二级指标", "三级指标"]
        if rng.chance(0.2) { levels = ["二级指标", "三级指标"] }
        var values: [IndicatorColumnSpec] = []
        if rng.chance(0.85) { values.append(.init(header: rng.pick(["年度指标值", "年初目标值(A)", "年度\n指标值", "指标值", "绩效目标"]), kind: .target)) }
        if rng.chance(0.85) { values.append(.init(header: rng.pick(["实际完成值", "实际完成值(B)", "完成值", "完成情况"]), kind: .actual)) }
        if rng.chance(0.7) { values.append(.init(header: rng.pick(["分值", "指标   分值", "权重"]), kind: .weight)) }
        if rng.chance(0.8) { values.append(.init(header: rng.pick(["得分", "自评得分"]), kind: .score)) }
        if rng.chance(0.4) { values.append(.init(header: "偏差原因分析及改进措施", kind: .deviation)) }
        if values.isEmpty { values.append(.init(header: "得分", kind: .score)) }
        if rng.chance(0.15), let t = values.firstIndex(where: { $0.kind == .target }) {
            values[t] = .init(header: values[t].header, kind: .split)
        }
        let width = levels.count + values.reduce(0) { $0 + ($1.kind == .split ? 3 : 1) }
        var grid = SlotGrid(columns: width)

        if rng.chance(0.8) {
            grid.row(["项目名称", word()], spans: [1, width - 1])
            if width >= 4, rng.chance(0.8) {
                grid.row(["主管部门", word(), "实施单位", word()], spans: [1, 1, 1, width - 3])
            }
            notes.append("names")
        }
        if width >= 4, rng.chance(0.3) {
            grid.row([word(), text(), word(), text()], spans: [1, 1, 1, width - 3])
            notes.append("info pairs")
        }
        for _ in 0..<(rng.chance(0.4) ? rng.int(1...2) : 0) {
            grid.row([rng.pick(["项目类别", "项目属性", "项目类型"]), checkboxGroup()], spans: [1, width - 1])
            notes.append("checkbox row")
        }
        if width >= 4, rng.chance(0.6) { fundsBlock(&grid, width: width); notes.append("funds") }
        if width >= 3, rng.chance(0.25) {
            let half = width / 2
            grid.row(["按收入性质分", "按支出性质分"], spans: [half, width - half])
            grid.row(["其中：一般公共预算：\(number())\n政府性基金：\(number())", "基本支出：\(number())"], spans: [half, width - half])
            notes.append("fund sources")
        }
        if width >= 3, rng.chance(0.4) { goalsBlock(&grid, width: width); notes.append("goals") }
        if rng.chance(0.9) { indicatorBlock(&grid, levels: levels, values: values, notes: &notes); notes.append("indicators \(levels.count)+\(values.count)") }
        if rng.chance(0.6) {
            var cells = ["总分"] + Array(repeating: "", count: width - levels.count)
            for (i, v) in values.enumerated() where v.kind == .weight || v.kind == .score {
                cells[Self.valueColumn(i, levels: levels, values: values) - levels.count + 1] = number()
            }
            grid.row(cells, spans: [levels.count] + Array(repeating: 1, count: width - levels.count))
            notes.append("total")
        }
        if rng.chance(0.3) { grid.row([rng.pick(["评价等次", "评价等级"]), rng.pick(["优", "良", "中"])], spans: [1, width - 1]) }
        if rng.chance(0.5) {
            grid.row([rng.pick(["偏差大或目标未完成原因分析", "改进措施及结果应用方案", "备注"]), text()], spans: [1, width - 1])
            notes.append("notes")
        }
        if width >= 4, rng.chance(0.3) {
            grid.row(["联系人", word(), "联系电话", String(rng.int(1_000_000...9_999_999))], spans: [1, 1, 1, width - 3])
        }
        var table = grid.table
        addNoise(to: &table, notes: &notes)
        if rng.chance(0.3), let cut = Optional(table.possibleBreaks.filter { $0 > table.rowCount / 3 }), !cut.isEmpty {
            table.breaks = [rng.pick(cut)]
            notes.append("split under 续表 at row \(table.breaks[0])")
        }
        table.notes = notes
        table.title = rng.pick(["项目支出绩效自评表", "2022年度\(word())项目绩效自评表", "部门整体支出绩效自评表"])
        return table
    }

    private mutating func fundsBlock(_ grid: inout SlotGrid, width: Int) {
        var columns = ["全年执行数", rng.pick(["年初预算数", "全年预算数", "预算数 (A)"])]
        for extra in ["分值", "执行率", "得分"] where columns.count < width - 1 && rng.chance(0.7) { columns.append(extra) }
        if columns.count < width - 1, rng.chance(0.5) { columns.insert("年初预算数", at: 0) }
        let labelSpan = width - columns.count
        grid.row([rng.pick(["项目资金（万元）", "预算执行情况 (万元) (20分)", "项目资金"])] + columns, spans: [labelSpan] + Array(repeating: 1, count: columns.count))
        for label in ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"].prefix(rng.int(1...4)) {
            grid.row([label] + columns.map { _ in rng.chance(0.85) ? number() : "" }, spans: [labelSpan] + Array(repeating: 1, count: columns.count))
        }
    }

    private mutating func goalsBlock(_ grid: inout SlotGrid, width: Int) {
        let expected = (width - 1) / 2
        let rows = rng.int(1...2)
        let start = grid.rowCount
        grid.addRows(1 + rows)
        grid.place("年度总体目标", row: start, column: 0, rowSpan: rng.chance(0.5) ? 1 + rows : 1, colSpan: 1)
        grid.place(rng.pick(["预期目标", "年度目标"]), row: start, column: 1, rowSpan: 1, colSpan: expected)
        grid.place(rng.pick(["实际完成情况", "实际完成"]), row: start, column: 1 + expected, rowSpan: 1, colSpan: width - 1 - expected)
        for r in (start + 1)...(start + rows) {
            grid.place(text(), row: r, column: 1, rowSpan: 1, colSpan: expected)
            grid.place(text(), row: r, column: 1 + expected, rowSpan: 1, colSpan: width - 1 - expected)
        }
    }

    private static func valueColumn(_ i: Int, levels: [String], values: [IndicatorColumnSpec]) -> Int {
        levels.count + values.prefix(i).reduce(0) { $0 + ($1.kind == .split ? 3 : 1) }
    }

    private mutating func indicatorBlock(_ grid: inout SlotGrid, levels: [String], values: [IndicatorColumnSpec], notes: inout [String]) {
        let header = levels + values.map(\.header)
        let headerSpans = Array(repeating: 1, count: levels.count) + values.map { $0.kind == .split ? 3 : 1 }
        let split = values.contains { $0.kind == .split }
        grid.row(header, spans: headerSpans)
        if split {
            var sub = Array(repeating: "", count: levels.count)
            for v in values { sub += v.kind == .split ? ["指标性质", "指标值", "度量单位"] : [""] }
            grid.row(sub, spans: Array(repeating: 1, count: sub.count))
        }
        func valueColumn(_ i: Int) -> Int { Self.valueColumn(i, levels: levels, values: values) }
        let level1Names = ["产出指标", "效益指标", "满意度指标", "成本指标"]
        for g1 in 0..<rng.int(1...3) {
            let start1 = grid.rowCount
            for _ in 0..<rng.int(1...3) {
                let start2 = grid.rowCount
                let rows3 = rng.int(1...3)
                grid.addRows(rows3)
                for r in start2..<(start2 + rows3) {
                    let l3 = levels.count - 1
                    grid.place(rng.chance(0.1) ? "……" : word(), row: r, column: l3, rowSpan: 1, colSpan: 1)
                    for (i, v) in values.enumerated() where grid.isFree(r, valueColumn(i)) {
                        let c = valueColumn(i)
                        switch v.kind {
                        case .split:
                            grid.place(rng.pick(["≥", "≤", "=", "定性"]), row: r, column: c, rowSpan: 1, colSpan: 1)
                            grid.place(rng.chance(0.8) ? number() : word(), row: r, column: c + 1, rowSpan: 1, colSpan: 1)
                            grid.place(rng.pick(["%", "万元", "人次", ""]), row: r, column: c + 2, rowSpan: 1, colSpan: 1)
                        case .target, .actual: grid.place(rng.chance(0.9) ? text() : "", row: r, column: c, rowSpan: 1, colSpan: 1)
                        case .weight, .score:
                            let span = r + 1 < start2 + rows3 && rng.chance(0.15) ? 2 : 1
                            grid.place(number(), row: r, column: c, rowSpan: span, colSpan: 1)
                        case .deviation: grid.place(rng.chance(0.5) ? text() : "", row: r, column: c, rowSpan: 1, colSpan: 1)
                        }
                    }
                }
                if levels.count == 3 {
                    grid.place(word() + rng.pick(["指标", "效益指标", ""]), row: start2, column: 1, rowSpan: rng.chance(0.6) ? rows3 : 1, colSpan: 1)
                } else {
                    grid.place(word() + "指标", row: start2, column: 0, rowSpan: rng.chance(0.6) ? rows3 : 1, colSpan: 1)
                }
            }
            if levels.count == 3 {
                let label = level1Names[g1 % level1Names.count] + (rng.chance(0.5) ? "\n(\(rng.int(10...50))分)" : "")
                grid.place(label, row: start1, column: 0, rowSpan: rng.chance(0.6) ? grid.rowCount - start1 : 1, colSpan: 1)
            }
            if rng.chance(0.1) {
                grid.row(header, spans: headerSpans)
                notes.append("header repeated")
            }
        }
    }

    // MARK: noise

    private static let foreignLabels = [
        "主管部门", "项目名称", "年初预算数", "全年执行数", "预期目标", "总分", "联系人", "实施单位", "执行率",
        "备注", "评价等次", "按收入性质分", "一级指标", "得分", "合计", "年度总体目标", "项目资金（万元）",
    ]

    /// Extra columns, stray cells, labels from other blocks, checkbox groups and missing cells.
    private mutating func addNoise(to table: inout GeneratedTable, notes: inout [String]) {
        for _ in 0..<rng.int(0...5) {
            switch rng.int(0...4) {
            case 0:
                for r in 0..<table.rowCount { table.slots[r].append(rng.chance(0.3) ? .anchor(text(), rowSpan: 1, colSpan: 1) : .empty) }
                notes.append("extra column")
            case 1, 2:
                let empties = emptySlots(table)
                guard !empties.isEmpty else { continue }
                let (r, c) = rng.pick(empties)
                let what = rng.int(0...2)
                table.slots[r][c] = .anchor(what == 0 ? rng.pick(Self.foreignLabels) : what == 1 ? checkboxGroup() : text(), rowSpan: 1, colSpan: 1)
                notes.append(["foreign label", "stray checkbox group", "stray cell"][what] + " at \(r),\(c)")
            case 3:
                let singles = table.anchors.filter { if case .anchor(_, 1, 1) = table.slots[$0.row][$0.column] { return true } else { return false } }
                guard !singles.isEmpty else { continue }
                let firsts = singles.filter { $0.column == 0 }
                let (r, c) = rng.chance(0.4) && !firsts.isEmpty ? rng.pick(firsts) : rng.pick(singles)
                table.slots[r][c] = .anchor(rng.chance(0.6) ? rng.pick(Self.foreignLabels) : checkboxGroup(), rowSpan: 1, colSpan: 1)
                notes.append("cell replaced by another block's label at \(r),\(c)")
            default:
                let singles = table.anchors.filter { if case .anchor(_, 1, 1) = table.slots[$0.row][$0.column] { return true } else { return false } }
                guard !singles.isEmpty else { continue }
                let (r, c) = rng.pick(singles)
                table.slots[r][c] = .empty
                notes.append("missing cell at \(r),\(c)")
            }
        }
    }

    private func emptySlots(_ table: GeneratedTable) -> [(Int, Int)] {
        var result: [(Int, Int)] = []
        for (r, row) in table.slots.enumerated() {
            for (c, slot) in row.enumerated() where slot == .empty { result.append((r, c)) }
        }
        return result
    }
}
