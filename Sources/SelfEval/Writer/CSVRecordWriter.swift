/// Writes CSV records cell by cell straight into bytes, as the sheets' column lists spell them
/// (`CSVColumn`) but without a closure and a String per cell: the sheets' records are most of
/// the CSV's cost, and each cell is a few bytes.
///
/// Every cell is written with the comma that follows it, in one piece, and `endRecord` puts the
/// line end in place of the last comma: no state to keep between cells.
struct CSVRecordWriter {
    private var buffer: ByteBuffer

    /// `capacity` bytes of room to begin with, so a sheet's records are not copied as the
    /// buffer doubles from nothing.
    init(capacity: Int = 0) {
        buffer = ByteBuffer(capacity: capacity)
    }

    var count: Int { buffer.count }
    var isEmpty: Bool { buffer.isEmpty }
    /// The records written so far.
    var text: String { buffer.text }
    /// The same records as bytes, for a caller that writes them to a file as they are.
    var bytes: [UInt8] { buffer.bytes }

    /// Forgets what was written, keeping the room.
    mutating func removeAll() { buffer.removeAll() }

    /// A text cell, quoted when it must be (`CSVEncoding`); nil is an empty cell.
    mutating func text(_ text: String?) {
        guard var text else { return empty() }
        text.withUTF8 { bytes in
            guard !CSVEncoding.needsQuotes(bytes) else {
                CSVEncoding.appendQuoted(bytes, to: &buffer)
                return buffer.append(UInt8(ascii: ","))
            }
            buffer.write(maxCount: bytes.count + 1) { p in
                if let base = bytes.baseAddress { p.update(from: base, count: bytes.count) }
                p[bytes.count] = UInt8(ascii: ",")
                return bytes.count + 1
            }
        }
    }

    /// `count` empty cells.
    mutating func empty(_ count: Int = 1) {
        buffer.write(maxCount: count) { p in
            p.initialize(repeating: UInt8(ascii: ","), count: count)
            return count
        }
    }

    mutating func number(_ number: Double?) {
        CSVNumber.write(number, into: &buffer)
        buffer.append(UInt8(ascii: ","))
    }

    mutating func number(_ number: Int?) {
        CSVNumber.write(number, into: &buffer)
        buffer.append(UInt8(ascii: ","))
    }

    /// A rate in percent (`CSVPercent`).
    mutating func percent(_ rate: Value?) {
        CSVPercent.write(rate, into: &buffer)
        buffer.append(UInt8(ascii: ","))
    }

    /// The four cells of `CSVColumn.value`: text, number, unit, comparator.
    mutating func value(_ value: Value?) {
        guard let value else { return empty(4) }
        text(value.text)
        number(value.number)
        text(value.unit)
        text(value.comparator)
    }

    /// Cells written before and taken (`take`), such as the columns every row of a form repeats.
    mutating func cells(_ cells: [UInt8]) {
        buffer.append(cells)
    }

    /// Hands over the cells written so far (each with its comma) and starts afresh.
    mutating func take() -> [UInt8] {
        buffer.take()
    }

    /// Ends a record of at least one cell.
    mutating func endRecord() {
        buffer.removeLast()
        buffer.append(0x0D, 0x0A)
    }
}
