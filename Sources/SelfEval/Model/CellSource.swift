/// Which table rows a piece of the model was read from.
public struct CellSource: Sendable, Equatable {
    public var table: Int {
        get {
            switch storage {
            case .oneRow(let table, _): Int(table)
            case .whole(let whole): whole.table
            }
        }
        set { self = CellSource(table: newValue, rows: rows) }
    }
    public var rows: [Int] {
        get {
            switch storage {
            case .oneRow(_, let row): [Int(row)]
            case .whole(let whole): whole.rows
            }
        }
        set { self = CellSource(table: table, rows: newValue) }
    }
    /// Nearly every source is one row of a table whose numbers fit in 32 bits: kept in 16 bytes
    /// without an array, where a table of 100,000 indicator rows paid 48 bytes a row for arrays.
    private var storage: Storage

    public init(table: Int, rows: [Int]) {
        if rows.count == 1, let table32 = Int32(exactly: table), let row32 = Int32(exactly: rows[0]) {
            storage = .oneRow(table: table32, row: row32)
        } else {
            storage = .whole(Whole(table: table, rows: rows))
        }
    }

    private enum Storage: Sendable, Equatable {
        case oneRow(table: Int32, row: Int32)
        case whole(Whole)
    }

    /// Never changed once made, so copies share it safely.
    private final class Whole: Sendable, Equatable {
        let table: Int
        let rows: [Int]

        init(table: Int, rows: [Int]) {
            self.table = table
            self.rows = rows
        }

        static func == (a: Whole, b: Whole) -> Bool { a.table == b.table && a.rows == b.rows }
    }
}
