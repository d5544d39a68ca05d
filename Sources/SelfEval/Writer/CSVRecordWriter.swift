/// Writes CSV records cell by cell straight into bytes, as the sheets' column lists spell them
/// (`CSVColumn`) but without a closure and a String per cell: the sheets' records are most of
/// the CSV's cost, and each cell is a few bytes.
struct CSVRecordWriter {
    private var buffer = ByteBuffer()
    /// No comma before the first cell of a record.
    private var atRecordStart = true

    var count: Int { buffer.count }
    var isEmpty: Bool { buffer.isEmpty }
    /// The records written so far.
    var text: String { buffer.text }

    /// Forgets what was written, keeping the room.
    mutating func removeAll() {
        buffer.removeAll()
        atRecordStart = true
    }

    /// A text cell, quoted when it must be (`CSVEncoding`); nil is an empty cell.
    mutating func text(_ text: String?) {
        separate()
        if let text { CSVEncoding.append(field: text, to: &buffer) }
    }

    /// `count` empty cells.
    mutating func empty(_ count: Int = 1) {
        for _ in 0..<count { separate() }
    }

    mutating func number(_ number: Double?) {
        separate()
        CSVNumber.write(number, into: &buffer)
    }

    mutating func number(_ number: Int?) {
        separate()
        CSVNumber.write(number, into: &buffer)
    }

    /// A rate in percent (`CSVPercent`).
    mutating func percent(_ rate: Value?) {
        separate()
        CSVPercent.write(rate, into: &buffer)
    }

    /// The four cells of `CSVColumn.value`: text, number, unit, comparator.
    mutating func value(_ value: Value?) {
        text(value?.text)
        number(value?.number)
        text(value?.unit)
        text(value?.comparator)
    }

    /// Cells encoded beforehand (`cells`), such as the columns every row of a form repeats.
    mutating func cells(_ cells: [UInt8]) {
        separate()
        buffer.append(cells)
    }

    /// Hands over the bytes written so far and starts afresh: cells kept to be written again
    /// with `cells`.
    mutating func take() -> [UInt8] {
        atRecordStart = true
        return buffer.take()
    }

    mutating func endRecord() {
        buffer.append(0x0D, 0x0A)
        atRecordStart = true
    }

    private mutating func separate() {
        if atRecordStart { atRecordStart = false } else { buffer.append(UInt8(ascii: ",")) }
    }
}
