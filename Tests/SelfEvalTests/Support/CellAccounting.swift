@testable import SelfEval

/// The conservation contract, judged from the output alone: every non-empty cell of a table that
/// a form was built from either went into a field of that form or is named in a diagnostic. One
/// definition, used by the seed tests and the generated-table property test.
///
/// A cell of a row that became an indicator or a fund line must be found in that indicator or
/// line itself, so that text which merely also occurs elsewhere in the form does not count, and
/// a header word standing in such a row is no excuse either. In other rows, the words that
/// structure a form (block and column headers, total and grade labels) are consumed by the
/// structure they name.
enum CellAccounting {
    struct LostCell: CustomStringConvertible {
        var table: Int
        var row: Int
        var column: Int
        var text: String
        var description: String { "table \(table) row \(row) column \(column): \(text.prefix(40).replacingOccurrences(of: "\n", with: "⏎"))" }
    }

    /// Diagnostics that account for every cell of the row they name: the row was set aside whole.
    static let rowDispositions: Set<String> = ["placeholder-row", "repeated-header", "unplaced-row"]

    static func lostCells(in evaluation: Evaluation) -> [LostCell] {
        var lost: [LostCell] = []
        for form in evaluation.forms {
            let formScope = scope(of: form.json, skipping: ["checks", "tables", "source"])
            for t in form.tables {
                let grid = evaluation.tables[t]
                var named: Set<[Int]> = []
                for d in evaluation.diagnostics where d.table == t {
                    guard let r = d.row else { continue }
                    if let c = d.column { named.insert([r, c]) } else if rowDispositions.contains(d.code) { named.insert([r]) }
                }
                var rowItems: [Int: [JSONValue]] = [:]
                for i in form.indicators where i.source.table == t { for r in i.source.rows { rowItems[r, default: []].append(i.json) } }
                for f in form.funds where f.source.table == t { for r in f.source.rows { rowItems[r, default: []].append(f.json) } }
                let rowScopes = rowItems.mapValues { scope(of: .array($0), skipping: ["source"]) }
                for (r, c, text) in grid.nonEmptyCells {
                    if named.contains([r, c]) || named.contains([r]) { continue }
                    let rowScope = rowScopes[r]
                    if !isAccounted(text, in: rowScope ?? formScope, structuralAllowed: rowScope == nil) {
                        lost.append(LostCell(table: t, row: r, column: c, text: text))
                    }
                }
            }
        }
        return lost
    }

    /// Whether a cell's text is in `fields` (compact strings joined by a separator no text holds).
    static func isAccounted(_ text: String, in fields: FieldText, structuralAllowed: Bool) -> Bool {
        let cleaned = ValueReader.cleanText(text)
        let whole = LabelText.compact(cleaned)
        if whole.isEmpty || fields.contains(whole) { return true }
        if structuralAllowed, HeaderVocabulary.isStructural(LabelText.key(text)) { return true }
        if CheckboxOptions.containsBox(text) {
            // A checkbox group keeps only its ticked options, as the contract says.
            return CheckboxOptions.options(in: text).filter(\.ticked).allSatisfy { fields.contains($0.label) }
                && CheckboxOptions.textAfterLastBox(text).map { fields.contains($0) } ?? true
        }
        if let label = LabelText.parse(text), fields.contains(label.name), label.note.map({ fields.contains(LabelText.compact($0)) }) ?? true {
            return true
        }
        let pieces = cleaned.split(whereSeparator: { $0 == "\n" || $0 == "：" || $0 == ":" })
            .map { LabelText.compact(String($0)) }
            .filter { !$0.isEmpty && !(structuralAllowed && HeaderVocabulary.isStructural(LabelText.key($0))) }
        return pieces.allSatisfy { piece in
            fields.contains(piece) || LabelText.parse(piece).map { fields.contains($0.name) } == true
        }
    }

    /// Every string and object key of a JSON value, compacted, joined by a separator no cell holds.
    static func scope(of json: JSONValue, skipping keys: Set<String>) -> FieldText {
        var parts: [String] = []
        func walk(_ v: JSONValue) {
            switch v {
            case .string(let s): parts.append(LabelText.compact(s))
            case .array(let items): items.forEach(walk)
            case .object(let members):
                // As a JSON reader sees it: a repeated key keeps only its last value.
                let last = Dictionary(members.enumerated().map { ($0.element.0, $0.offset) }, uniquingKeysWith: { $1 })
                for (i, (k, value)) in members.enumerated() where !keys.contains(k) && last[k] == i {
                    parts.append(LabelText.compact(k))
                    walk(value)
                }
            default: break
            }
        }
        walk(json)
        return FieldText(parts.joined(separator: "\u{1}"))
    }

    /// The compacted text of some fields, searched byte by byte (Foundation's `contains` is what
    /// made the property test slow).
    struct FieldText {
        let bytes: [UInt8]
        init(_ text: String) { bytes = Array(text.utf8) }

        func contains(_ needle: String) -> Bool {
            let n = Array(needle.utf8)
            guard !n.isEmpty else { return true }
            guard n.count <= bytes.count else { return false }
            return bytes.withUnsafeBufferPointer { h in
                n.withUnsafeBufferPointer { w in
                    var i = 0
                    while i <= h.count - w.count {
                        if h[i] == w[0] {
                            var j = 1
                            while j < w.count, h[i + j] == w[j] { j += 1 }
                            if j == w.count { return true }
                        }
                        i += 1
                    }
                    return false
                }
            }
        }
    }
}
