/// The cells of a table, by row and column, whose text went into the model or was named in a
/// row diagnostic: the unplaced-cell sweep names the others. A row's first 64 columns are the
/// bits of one word, so marking the cells of a row costs no hashing and no allocation (a set
/// per row cost both, and about 150 bytes a row of a large form); the columns past them, in
/// the rare wider table, are kept in a set.
struct AccountedCells {
    private var bits: [UInt64] = []
    private var wide: [Int: Set<Int>] = [:]

    mutating func insert(row: Int, column: Int) {
        if column < 64 {
            if row >= bits.count { bits.append(contentsOf: repeatElement(0, count: row + 1 - bits.count)) }
            bits[row] |= 1 << UInt64(column)
        } else {
            wide[row, default: []].insert(column)
        }
    }

    mutating func insert(row: Int, columns: some Sequence<Int>) {
        for column in columns { insert(row: row, column: column) }
    }

    mutating func remove(row: Int, column: Int) {
        if column < 64 {
            if row < bits.count { bits[row] &= ~(1 << UInt64(column)) }
        } else {
            wide[row]?.remove(column)
        }
    }

    func contains(row: Int, column: Int) -> Bool {
        if column < 64 { return row < bits.count && bits[row] & (1 << UInt64(column)) != 0 }
        return wide[row]?.contains(column) ?? false
    }

    /// How many cells of the row are marked.
    func count(inRow row: Int) -> Int {
        (row < bits.count ? bits[row].nonzeroBitCount : 0) + (wide[row]?.count ?? 0)
    }
}
