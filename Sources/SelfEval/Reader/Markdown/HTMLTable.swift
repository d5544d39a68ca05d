/// An HTML `<table>` as its markup wrote it, before placement: rows of cells with their spans
/// and the tables nested inside them. Kept apart from libxml2's tree so that the tree can be
/// freed before any grid is built.
struct HTMLTable {
    struct Cell {
        var text: String
        var rowSpan: Int
        var colSpan: Int
        var line: Int
        var nested: [HTMLTable]
    }

    struct Row {
        var cells: [Cell]
        var line: Int
    }

    var rows: [Row] = []
    /// The `<caption>` text, the table's own title.
    var caption: String?
    var line: Int
    /// What the walker repaired or could not place, row and column in source terms.
    var diagnostics: [Diagnostic] = []

    /// This table and every table nested in it, at any depth: the indexes it will take.
    var subtreeSize: Int {
        1 + rows.reduce(0) { sum, row in sum + row.cells.reduce(0) { $0 + $1.nested.reduce(0) { $0 + $1.subtreeSize } } }
    }
}

extension SourceDocument {
    /// Appends an HTML table, then the tables nested in its cells (each right after its parent,
    /// depth first), linking parent cells and children both ways. Returns the table's index.
    @discardableResult
    mutating func place(_ table: HTMLTable, parent: TableGrid.NestedPosition? = nil, limits: ReadLimits) throws(InputError) -> Int {
        let index = tables.count
        var next = index + 1
        var children: [(table: HTMLTable, index: Int)] = []
        // Each cell is placed from its parts: no rows of entries are made and thrown away.
        try placeTable(location: .line(table.line), title: table.caption, parent: parent,
                       diagnostics: table.diagnostics, limits: limits) { builder throws(GridLimitError) in
            for row in table.rows {
                var placed = try builder.startRow(line: row.line)
                for cell in row.cells {
                    var ids: [Int] = []
                    for child in cell.nested {
                        ids.append(next)
                        children.append((child, next))
                        next += child.subtreeSize
                    }
                    try builder.place(cell.text, rowSpan: cell.rowSpan, colSpan: cell.colSpan, line: cell.line,
                                      nestedTables: ids, in: &placed)
                }
                builder.end(placed)
            }
        }
        guard !children.isEmpty else { return index }
        var positions: [Int: TableGrid.NestedPosition] = [:]
        for (r, c, nestedTables) in tables[index].nestedTables {
            for nested in nestedTables {
                positions[nested] = TableGrid.NestedPosition(table: index, row: r, column: c)
            }
        }
        for (child, childIndex) in children {
            try place(child, parent: positions[childIndex], limits: limits)
        }
        return index
    }
}
