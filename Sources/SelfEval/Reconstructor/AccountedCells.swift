/// The cells of a table, by row and column, whose text went into the model or was named in a
/// row diagnostic: the unplaced-cell sweep names the others. Each row has the same number of
/// bits (its first columns, up to 64, as many as the table is wide rounded up to 8, 16, 32 or
/// 64) in one flat bit array, so marking a cell costs no hashing and no allocation, and a large
/// form of six columns pays a byte a row; the columns past them, in the rare wider table, are
/// kept in a set.
struct AccountedCells {
    private var words: [UInt64] = []
    /// Bits per row: a power of two that divides 64, so that a row never spans two words.
    private let rowBits: Int
    private var wide: [Int: Set<Int>] = [:]

    /// `columns`: the table's width, which sets how many columns of a row are bits.
    init(columns: Int = 64) {
        rowBits = [8, 16, 32].first { columns <= $0 } ?? 64
    }

    mutating func insert(row: Int, column: Int) {
        if column < rowBits {
            let (word, bit) = position(row: row, column: column)
            if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
            words[word] |= bit
        } else {
            wide[row, default: []].insert(column)
        }
    }

    mutating func insert(row: Int, columns: some Sequence<Int>) {
        for column in columns { insert(row: row, column: column) }
    }

    mutating func remove(row: Int, column: Int) {
        if column < rowBits {
            let (word, bit) = position(row: row, column: column)
            if word < words.count { words[word] &= ~bit }
        } else {
            wide[row]?.remove(column)
        }
    }

    func contains(row: Int, column: Int) -> Bool {
        if column < rowBits {
            let (word, bit) = position(row: row, column: column)
            return word < words.count && words[word] & bit != 0
        }
        return wide[row]?.contains(column) ?? false
    }

    /// How many cells of the row are marked.
    func count(inRow row: Int) -> Int {
        let first = row * rowBits
        let word = first / 64
        var inBits = 0
        if word < words.count {
            let mask: UInt64 = rowBits == 64 ? ~0 : (1 << UInt64(rowBits)) - 1
            inBits = ((words[word] >> UInt64(first % 64)) & mask).nonzeroBitCount
        }
        return inBits + (wide[row]?.count ?? 0)
    }

    private func position(row: Int, column: Int) -> (word: Int, bit: UInt64) {
        let index = row * rowBits + column
        return (index / 64, 1 << UInt64(index % 64))
    }
}
