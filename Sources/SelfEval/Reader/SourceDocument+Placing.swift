extension SourceDocument {
    /// Places rows through `GridBuilder`, added by `addRows` one at a time (so a caller need not
    /// turn its rows into entries first), appends the finished table and the builder's repairs
    /// (tagged with the table's index), and returns that index. Every reader ends a table here so
    /// that the table and slot limits read the same, whatever the format.
    @discardableResult
    mutating func placeTable(location: SourceLocation, title: String? = nil,
                             parent: TableGrid.NestedPosition? = nil, diagnostics extra: [Diagnostic] = [],
                             limits: ReadLimits, addRows: (inout GridBuilder) throws(GridLimitError) -> Void) throws(InputError) -> Int {
        if tables.count >= limits.maxTables {
            throw InputError(.limitExceeded, file: source.path, line: location.line,
                             limits.exceeded(.tables, "more than \(limits.maxTables) tables"))
        }
        var builder = GridBuilder(limits: limits)
        do {
            try addRows(&builder)
        } catch {
            throw InputError(.limitExceeded, file: source.path, line: location.line,
                             limits.exceeded(.tableSlots, "a table would hold \(error.slots) slots (rows × columns) at row \(error.row + 1), column \(error.column + 1)"))
        }
        var grid = builder.build(location: location, title: title)
        grid.parent = parent
        let index = append(table: grid)
        for var d in extra + builder.diagnostics {
            d.table = index
            diagnostics.append(d)
        }
        return index
    }
}
