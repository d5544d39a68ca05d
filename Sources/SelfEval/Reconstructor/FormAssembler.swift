/// Finds the forms in a document: each table that holds a form starts one (its heading is the
/// paragraphs before it), a table continued after a page break or under `续表` is joined to the
/// form it continues, and every other table stays a plain table.
public struct FormAssembler: Sendable {
    public init() {}

    public func forms(in document: SourceDocument) -> (forms: [Form], diagnostics: [Diagnostic]) {
        var forms: [Form] = []
        var diagnostics: [Diagnostic] = []
        var paragraphs: [Paragraph] = []
        var lastForm: (layout: IndicatorLayout?, carry: IndicatorBlock.Carry, columns: Int)?
        var fieldCells: FieldCells = [:]
        let documentYear = document.paragraphs.prefix(12).lazy.compactMap { p -> Int? in
            LabelText.compact(p.text).containsWord("年度") ? FormHeading.year(in: p.text) : nil
        }.first

        for block in document.blocks {
            switch block {
            case .paragraph(let p):
                paragraphs.append(p)
            case .table(let index):
                let grid = document.tables[index]
                if grid.parent != nil { continue }
                let reader = FormTableReader(grid: grid, table: index)
                if let previous = lastForm, let layout = previous.layout, Self.continues(paragraphs),
                   var form = forms.popLast() {
                    var reading = reader.read(firstIndicator: form.indicators.count, carry: previous.carry)
                    if reading.indicatorLayout == nil && reading.info.projectName == nil && !reading.hasFundsHeader, grid.columnCount == previous.columns {
                        reading = reader.read(firstIndicator: form.indicators.count, carry: previous.carry, continuing: layout)
                        diagnostics.append(Diagnostic(.info, "table-joined", "table \(index + 1) continues the form of the table before it (no header of its own)", table: index))
                    }
                    if reading.indicatorLayout != nil, reading.info.projectName == nil, reading.info.unitName == nil, !reading.hasFundsHeader {
                        if reading.indicatorLayout?.headerKeys == layout.headerKeys {
                            diagnostics.append(Diagnostic(.info, "table-joined", "table \(index + 1) repeats the indicator header and continues the form before it", table: index))
                        }
                        merge(&reading, into: &form, table: index, cells: &fieldCells, diagnostics: &diagnostics)
                        forms.append(form)
                        lastForm = (reading.indicatorLayout, reading.carry, grid.columnCount)
                        paragraphs = []
                        continue
                    }
                    forms.append(form)
                }
                var reading = reader.read(firstIndicator: 0)
                guard reading.isForm else {
                    diagnostics.append(Diagnostic(.info, "not-a-form", "table \(index + 1) is not a self-evaluation form; kept under tables", table: index))
                    lastForm = nil
                    paragraphs = []
                    continue
                }
                let heading = FormHeading(paragraphs: paragraphs)
                var form = Form(kind: Self.kind(heading: heading, reading: reading))
                fieldCells = [:]
                form.title = heading.title
                form.attachment = heading.attachment
                form.year = heading.year ?? documentYear
                form.filledDate = heading.filledDate
                form.info.other = heading.other
                form.info.unitName = heading.unitName
                merge(&reading, into: &form, table: index, cells: &fieldCells, diagnostics: &diagnostics)
                if form.total.score == nil, let printed = heading.totalScore { form.total.score = printed }
                if form.indicators.isEmpty {
                    diagnostics.append(Diagnostic(.warning, "no-indicators", "the form in table \(index + 1) has no indicator rows; emitted with what could be read", table: index))
                }
                forms.append(form)
                lastForm = (reading.indicatorLayout, reading.carry, grid.columnCount)
                paragraphs = []
            }
        }
        return (forms.map(Self.withUniqueLabels), diagnostics)
    }

    /// `info.options`, `info.other` and `notes` are JSON objects, which keep one value per key:
    /// a label printed twice (seed 003's sub-table headers) gets one entry holding both values,
    /// where a reader of the JSON would otherwise see only the last.
    static func withUniqueLabels(_ form: Form) -> Form {
        var form = form
        form.info.other = joiningRepeated(form.info.other.map { ($0.label, $0.value) }) { $0 + "\n" + $1 }.map { (label: $0.0, value: $0.1) }
        form.notes = joiningRepeated(form.notes.map { ($0.label, $0.text) }) { $0.isEmpty ? $1 : $1.isEmpty ? $0 : $0 + "\n" + $1 }.map { (label: $0.0, text: $0.1) }
        form.info.options = joiningRepeated(form.info.options.map { ($0.label, $0.ticked) }) { $0 + $1 }.map { (label: $0.0, ticked: $0.1) }
        return form
    }

    private static func joiningRepeated<V>(_ pairs: [(String, V)], _ join: (V, V) -> V) -> [(String, V)] {
        var result: [(String, V)] = []
        // A form has few labels: they are compared, where a dictionary hashed each one through
        // Unicode normalisation (`==` is the same canonical equality).
        if pairs.count <= 16 {
            for (label, value) in pairs {
                if let i = result.firstIndex(where: { $0.0 == label }) {
                    result[i].1 = join(result[i].1, value)
                } else {
                    result.append((label, value))
                }
            }
            return result
        }
        var position: [String: Int] = [:]
        for (label, value) in pairs {
            if let i = position[label] {
                result[i].1 = join(result[i].1, value)
            } else {
                position[label] = result.count
                result.append((label, value))
            }
        }
        return result
    }

    /// Nothing but `续表`, page numbers or blank lines stands between two tables of one form.
    static func continues(_ paragraphs: [Paragraph]) -> Bool {
        paragraphs.allSatisfy { p in
            let t = LabelText.compact(p.text)
            return t.isEmpty || t.hasPrefix("续表") || t.hasPrefix("(续") || t.hasPrefix("（续") || t.allSatisfy(\.isNumber)
                || (t.hasPrefix("第") && t.hasSuffix("页"))
        }
    }

    private static func kind(heading: FormHeading, reading: TableReading) -> FormKind {
        if reading.looksLikeFramework, heading.kindFromTitle != .projectExpenditure { return .indicatorFramework }
        if let k = heading.kindFromTitle { return k }
        if reading.info.projectName != nil { return .projectExpenditure }
        if reading.info.unitName != nil { return .departmentOverall }
        return .projectExpenditure
    }

    /// Where the single-valued fields of the form being built were read, across its tables.
    typealias FieldCells = [TableReading.SingleField: (table: Int, row: Int, column: Int)]

    private func merge(_ reading: inout TableReading, into form: inout Form, table: Int, cells: inout FieldCells, diagnostics: inout [Diagnostic]) {
        form.tables.append(table)
        let info = reading.info
        let before = (form.info, form.grade, form.total)
        form.info.projectName = form.info.projectName ?? info.projectName
        if let unit = info.unitName { form.info.unitName = unit }
        form.info.supervisor = form.info.supervisor ?? info.supervisor
        form.info.implementer = form.info.implementer ?? info.implementer
        form.info.options += info.options
        form.info.other += info.other
        form.funds += reading.funds
        form.fundSources += reading.fundSources
        form.goals += reading.goals
        form.indicators.appendMoving(&reading.indicators)
        if reading.total.weight != nil || reading.total.score != nil { form.total = reading.total }
        form.grade = form.grade ?? reading.grade
        // A single-valued field keeps one value across the form's tables: the cell whose value
        // the form does not hold is named.
        let given: [TableReading.SingleField: (before: String?, after: String?, read: String?)] = [
            .projectName: (before.0.projectName, form.info.projectName, info.projectName),
            .unitName: (before.0.unitName, form.info.unitName, info.unitName),
            .supervisor: (before.0.supervisor, form.info.supervisor, info.supervisor),
            .implementer: (before.0.implementer, form.info.implementer, info.implementer),
            .grade: (before.1, form.grade, reading.grade),
            .totalWeight: (before.2.weight?.text, form.total.weight?.text, reading.total.weight?.text),
            .totalScore: (before.2.score?.text, form.total.score?.text, reading.total.score?.text),
        ]
        for field in TableReading.SingleField.allCases {
            guard let value = given[field] else { continue }
            let cell = reading.fieldCells[field]
            if let cell, value.after != value.read {
                diagnostics.append(Diagnostic(.info, "field-repeated", "\(value.read ?? "") is given again; the form keeps \(value.after ?? "") from an earlier table",
                                              table: table, row: cell.row, column: cell.column))
                continue
            }
            if let earlier = cells[field], value.before != value.after {
                diagnostics.append(Diagnostic(.info, "field-repeated", "\(value.before ?? "") is replaced by \(value.after ?? "-") from table \(table + 1)",
                                              table: earlier.table, row: earlier.row, column: earlier.column))
                cells[field] = nil
            }
            if let cell { cells[field] = (table, cell.row, cell.column) }
        }
        form.notes += reading.notes
        diagnostics.appendMoving(&reading.diagnostics)
        for r in reading.unplacedRows {
            diagnostics.append(Diagnostic(.info, "unplaced-row", "row fits no part of the form; kept in tables[\(table)]", table: table, row: r))
        }
    }
}
