/// Where a diagnostic points (table, row, column, line), in 16 bytes instead of the 64 of four
/// optional integers: a large table can carry a note on every row. A position past 32 bits,
/// which the read limits never let through, does not fit (`set` returns false) and the
/// diagnostic keeps all four whole, out of line.
struct DiagnosticPlace: Sendable {
    enum Field: Int, CaseIterable { case table, row, column, line }

    private static let absent = Int32.min
    private var table = absent
    private var row = absent
    private var column = absent
    private var line = absent

    subscript(field: Field) -> Int? {
        let packed = self[packed: field]
        return packed == Self.absent ? nil : Int(packed)
    }

    /// Keeps `value` (nil clears it); false, leaving the field as it was, when it does not fit.
    mutating func set(_ value: Int?, _ field: Field) -> Bool {
        guard let value else {
            self[packed: field] = Self.absent
            return true
        }
        guard let packed = Int32(exactly: value), packed != Self.absent else { return false }
        self[packed: field] = packed
        return true
    }

    private subscript(packed field: Field) -> Int32 {
        get {
            switch field {
            case .table: table
            case .row: row
            case .column: column
            case .line: line
            }
        }
        set {
            switch field {
            case .table: table = newValue
            case .row: row = newValue
            case .column: column = newValue
            case .line: line = newValue
            }
        }
    }
}
