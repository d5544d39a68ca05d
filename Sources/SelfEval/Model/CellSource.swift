/// Which table rows a piece of the model was read from.
public struct CellSource: Sendable, Equatable {
    public var table: Int
    public var rows: [Int]

    public init(table: Int, rows: [Int]) {
        self.table = table
        self.rows = rows
    }
}
