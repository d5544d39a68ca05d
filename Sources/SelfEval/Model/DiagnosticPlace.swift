/// Where a diagnostic points (table, row, column, line), in 16 bytes instead of the 64 of four
/// optional integers: a large table can carry a note on every row. A position past 32 bits,
/// which the read limits never let through, is kept whole out of line.
struct DiagnosticPlace: Sendable {
    enum Field: Int { case table, row, column, line }
    private static let fields: [Field] = [.table, .row, .column, .line]

    private static let absent = Int32.min
    private var table = absent
    private var row = absent
    private var column = absent
    private var line = absent
    private var wide = OutOfLine<[Int?]>()

    subscript(field: Field) -> Int? {
        get {
            if let all = wide.value { return all[field.rawValue] }
            let packed = self[packed: field]
            return packed == Self.absent ? nil : Int(packed)
        }
        set {
            if wide.value == nil {
                guard let newValue else { return self[packed: field] = Self.absent }
                if let packed = Int32(exactly: newValue), packed != Self.absent { return self[packed: field] = packed }
            }
            // From here on all four are kept whole; should they all become nil again, the
            // packed ones read nil too.
            let all = Self.fields.map { self[$0] }
            for f in Self.fields { self[packed: f] = Self.absent }
            wide.modify(empty: Array(repeating: nil, count: 4)) { $0 = all; $0[field.rawValue] = newValue }
        }
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
