/// Renders a document for a person at a terminal: paragraphs as text, every table as an aligned
/// grid with row and column numbers (the ones diagnostics use), merges drawn where they are, and
/// the diagnostics at the end. Widths count East Asian wide characters as two columns.
public enum GridRenderer {
    public struct Options: Sendable, Equatable {
        /// Widest a column may be, in display columns; longer text wraps.
        public var maxColumnWidth: Int
        /// Most display lines one cell may take; the rest is cut and marked with `…`.
        public var maxCellLines: Int

        public init(maxColumnWidth: Int = 24, maxCellLines: Int = 3) {
            self.maxColumnWidth = max(2, maxColumnWidth)
            self.maxCellLines = max(1, maxCellLines)
        }
    }

    /// Drawn in a slot covered by a merge whose anchor is in the same row.
    public static let horizontalContinuation = "←"
    /// Drawn in a slot covered by a merge anchored in a row above.
    public static let verticalContinuation = "↑"

    public static func render(_ document: SourceDocument, options: Options = Options()) -> String {
        var out = ""
        render(document, options: options) { out += $0 }
        return out
    }

    /// The same text handed to `emit` a piece at a time (a table row or a paragraph), so that a
    /// table of a million rows is never one String.
    public static func render(_ document: SourceDocument, options: Options = Options(), to emit: (String) -> Void) {
        let s = document.source
        emit("\(s.path) (\(s.format.rawValue)\(s.encoding.map { ", " + $0 } ?? ""), \(s.bytes) bytes)\n")
        for block in document.blocks {
            switch block {
            case .paragraph(let p):
                let prefix = p.headingLevel.map { String(repeating: "#", count: $0) + " " } ?? ""
                emit("\n" + prefix + p.text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: prefix.count)) + "\n")
            case .table(let index):
                emit("\n")
                render(document.tables[index], index: index, options: options, to: emit)
            }
        }
        if !document.diagnostics.isEmpty {
            emit("\ndiagnostics (\(document.diagnostics.count)):\n")
            for d in document.diagnostics { emit("  " + describe(d) + "\n") }
        }
    }

    /// One table: a header line, the column numbers, then each row.
    public static func render(_ table: TableGrid, index: Int, options: Options = Options()) -> String {
        var out = ""
        render(table, index: index, options: options) { out += $0 }
        return out
    }

    /// The same text handed to `emit` a line at a time. The cells are wrapped twice, once for the
    /// column widths and once for the rows, rather than held for the whole table.
    public static func render(_ table: TableGrid, index: Int, options: Options = Options(), to emit: (String) -> Void) {
        var header = "table \(index): \(table.rowCount) rows × \(table.columnCount) columns"
        if let line = table.location.line { header += ", line \(line)" }
        if case .paragraph(let n) = table.location { header += ", paragraph \(n)" }
        if let parent = table.parent {
            header += ", nested in table \(parent.table) at row \(parent.row), column \(parent.column)"
        }
        if let title = table.title { header += ", title: " + title.replacingOccurrences(of: "\n", with: " ") }
        emit(header + "\n")
        guard table.rowCount > 0, table.columnCount > 0 else { return emit("  (empty)\n") }

        func cells(ofRow r: Int) -> [[String]] {
            (0..<table.columnCount).map { c in lines(ofSlotAt: r, c, in: table, options: options) }
        }
        var widths = (0..<table.columnCount).map { DisplayWidth.of(String($0)) }
        for r in 0..<table.rowCount {
            for (c, cell) in cells(ofRow: r).enumerated() {
                widths[c] = max(widths[c], cell.map { DisplayWidth.of($0) }.max() ?? 0)
            }
        }
        let labelWidth = String(table.rowCount - 1).count
        let columnLabels = widths.indices.map { pad(String($0), to: widths[$0]) }
        emit(trimmingTrailingSpaces(String(repeating: " ", count: labelWidth) + " | " + columnLabels.joined(separator: " | ")) + "\n")
        emit(String(repeating: "-", count: labelWidth) + "-+-" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n")
        for r in 0..<table.rowCount {
            let row = cells(ofRow: r)
            let height = row.map(\.count).max() ?? 1
            var out = ""
            for k in 0..<height {
                let label = k == 0 ? pad(String(r), to: labelWidth, leading: true) : String(repeating: " ", count: labelWidth)
                let texts = row.enumerated().map { c, cell in pad(k < cell.count ? cell[k] : "", to: widths[c]) }
                out += label + " | " + trimmingTrailingSpaces(texts.joined(separator: " | ")) + "\n"
            }
            emit(out)
        }
    }

    /// What a slot shows: a covered slot its arrow; an anchor its text, wrapped to the column
    /// cap, with `[rows×columns]` for a merge and `[→table n]` for each nested table.
    private static func lines(ofSlotAt r: Int, _ c: Int, in table: TableGrid, options: Options) -> [String] {
        switch table[r, c] {
        case .covered(let anchorRow, _):
            return [anchorRow == r ? horizontalContinuation : verticalContinuation]
        case .cell(let cell):
            var text = cell.text
            var notes: [String] = []
            if cell.rowSpan > 1 || cell.colSpan > 1 { notes.append("[\(cell.rowSpan)×\(cell.colSpan)]") }
            notes += cell.nestedTables.map { "[→table \($0)]" }
            if !notes.isEmpty { text += (text.isEmpty ? "" : " ") + notes.joined(separator: " ") }
            return wrapped(text, width: options.maxColumnWidth, maxLines: options.maxCellLines)
        }
    }

    /// Splits text at its line breaks and wherever a line would pass `width`, keeping at most
    /// `maxLines` lines; when text is cut, the last line ends in `…`.
    static func wrapped(_ text: String, width: Int, maxLines: Int) -> [String] {
        var result: [String] = []
        var cut = false
        outer: for paragraph in text.lineSlices() {
            var line = ""
            var used = 0
            for ch in paragraph {
                let w = DisplayWidth.of(ch)
                if used + w > width {
                    if result.count == maxLines - 1 { result.append(line); cut = true; break outer }
                    result.append(line)
                    line = ""
                    used = 0
                }
                line.append(ch)
                used += w
            }
            if result.count == maxLines { cut = true; break }
            result.append(line)
        }
        if result.count > maxLines { result.removeLast(result.count - maxLines); cut = true }
        if cut, var last = result.popLast() {
            while DisplayWidth.of(last) + 1 > width, !last.isEmpty { last.removeLast() }
            result.append(last + "…")
        }
        return result.isEmpty ? [""] : result
    }

    private static func pad(_ text: String, to width: Int, leading: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return leading ? fill + text : text + fill
    }

    private static func trimmingTrailingSpaces(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    private static func describe(_ d: Diagnostic) -> String {
        var place: [String] = []
        if let t = d.table { place.append("table \(t)") }
        if let r = d.row { place.append("row \(r)") }
        if let c = d.column { place.append("column \(c)") }
        if let l = d.line { place.append("line \(l)") }
        return "\(d.level.rawValue) \(d.code)" + (place.isEmpty ? "" : " (" + place.joined(separator: ", ") + ")") + ": " + d.message
    }
}
