/// Which table rows a piece of the model was read from.
public struct CellSource: Sendable, Equatable {
    public var table: Int
    public var rows: [Int] {
        get {
            switch storedRows {
            case .one(let row): [row]
            case .list(let rows): rows
            }
        }
        set { storedRows = Rows(newValue) }
    }
    /// Nearly every source is one row, kept without an array of its own: a table of 100,000
    /// indicator rows paid 48 bytes a row for those arrays.
    private var storedRows: Rows

    public init(table: Int, rows: [Int]) {
        self.table = table
        storedRows = Rows(rows)
    }

    private enum Rows: Sendable, Equatable {
        case one(Int)
        case list([Int])

        init(_ rows: [Int]) { self = rows.count == 1 ? .one(rows[0]) : .list(rows) }
    }
}
