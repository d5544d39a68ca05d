/// Collects one `w:tbl` as Word wrote it (rows of `w:tc` with `gridSpan`, `vMerge`, `hMerge`,
/// `gridBefore`/`gridAfter`) and resolves it into grid placements. Word states merges cell by
/// cell, relative to the grid columns, so every cell's start column is computed from
/// `gridBefore` and the spans before it; a vertical merge continues only where the cell above
/// in that same grid column is an open merge. The rectangle itself, with its clamping and
/// limits, is left to `GridBuilder`.
struct WordTableBuilder {
    enum Merge: Equatable {
        case none, restart, `continue`

        /// `w:vMerge`/`w:hMerge`: `restart` opens; `continue` or a bare element (Word) continues.
        init(value: String?) {
            self = value?.lowercased() == "restart" ? .restart : .continue
        }
    }

    struct Cell {
        var text = ""
        var gridSpan = 1
        var vMerge = Merge.none
        var hMerge = Merge.none
        var deleted = false
        var nestedTables: [Int] = []
        var line: Int?
    }

    struct Row {
        /// Grid columns left empty before the first cell.
        var gridBefore = 0
        /// Grid columns left empty after the last cell; they stay empty slots of the rectangle.
        var gridAfter = 0
        var deleted = false
        var cells: [Cell] = []
        var line: Int?
    }

    /// Number of `w:gridCol` in `w:tblGrid`.
    var declaredColumns = 0
    var rows: [Row] = []

    /// Grid placements for `GridBuilder`, one list per kept row, plus what was repaired.
    func placements() -> (rows: [(entries: [GridBuilder.Entry], line: Int?)], diagnostics: [Diagnostic]) {
        var result: [(entries: [GridBuilder.Entry], line: Int?)] = []
        var diagnostics: [Diagnostic] = []
        // Grid column → (row, entry) of the vertical merge open in the row just placed.
        var open: [Int: (row: Int, entry: Int)] = [:]
        var reportedPastGrid = false
        for row in rows where !row.deleted {
            let r = result.count
            var entries: [GridBuilder.Entry] = []
            var nextOpen: [Int: (row: Int, entry: Int)] = [:]
            var column = max(0, row.gridBefore)
            for cell in row.cells where !cell.deleted {
                let span = max(1, cell.gridSpan)
                if cell.hMerge == .continue, !entries.isEmpty {
                    entries[entries.count - 1].colSpan += span
                    Self.absorb(cell, into: &entries[entries.count - 1], row: r, column: column, diagnostics: &diagnostics)
                    column += span
                    continue
                }
                if cell.vMerge == .continue {
                    if let anchor = open[column] {
                        result[anchor.row].entries[anchor.entry].rowSpan += 1
                        Self.absorb(cell, into: &result[anchor.row].entries[anchor.entry], row: r, column: column, diagnostics: &diagnostics)
                        nextOpen[column] = anchor
                        column += span
                        continue
                    }
                    diagnostics.append(Diagnostic(.info, "vmerge-orphan",
                        "a cell continues a vertical merge but the cell above in grid column \(column + 1) opens none; kept as a cell of its own",
                        row: r, column: column, line: cell.line))
                }
                entries.append(GridBuilder.Entry(text: cell.text, colSpan: span, column: column,
                                                 line: cell.line, nestedTables: cell.nestedTables))
                if cell.vMerge != .none {
                    nextOpen[column] = (r, entries.count - 1)
                }
                column += span
            }
            if declaredColumns > 0, column > declaredColumns, !reportedPastGrid {
                reportedPastGrid = true
                diagnostics.append(Diagnostic(.warning, "cell-past-grid",
                    "row \(r + 1) reaches grid column \(column) but w:tblGrid declares \(declaredColumns); the table was widened",
                    row: r, column: declaredColumns, line: row.line))
            }
            if row.gridAfter > 0 {
                // The skipped trailing columns are still part of the table: hold the last one open
                // so that the rectangle is as wide as the row says, even when no cell reaches it.
                entries.append(GridBuilder.Entry(text: "", column: column + row.gridAfter - 1, line: row.line))
            }
            result.append((entries, row.line))
            open = nextOpen
        }
        return (result, diagnostics)
    }

    /// A merged-away cell should be empty; when it is not, its text joins the anchor's so that
    /// nothing printed is lost.
    private static func absorb(_ cell: Cell, into anchor: inout GridBuilder.Entry, row: Int, column: Int,
                               diagnostics: inout [Diagnostic]) {
        anchor.nestedTables += cell.nestedTables
        guard !cell.text.isBlank else { return }
        anchor.text = anchor.text.isEmpty ? cell.text : anchor.text + "\n" + cell.text
        diagnostics.append(Diagnostic(.info, "merged-text-kept",
            "a cell merged into the one above or before it had text of its own; appended to the merged cell",
            row: row, column: column, line: cell.line))
    }
}
