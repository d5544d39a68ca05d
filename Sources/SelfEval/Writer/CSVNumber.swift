/// Numbers as a spreadsheet sums them: `.` as the decimal point, no thousands separator, no
/// unit, no exponent; whole numbers without a fraction; an absent number is an empty cell.
public enum CSVNumber {
    public static func text(_ number: Double?) -> String {
        guard let number, number.isFinite else { return "" }
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        let shortest = "\(number)"
        // The shortest form is ASCII: a byte test, not Foundation's `contains` (thousands of
        // instructions a call).
        guard shortest.utf8.contains(UInt8(ascii: "e")) || shortest.utf8.contains(UInt8(ascii: "E")) else { return shortest }
        return plain(number)
    }

    public static func text(_ number: Int?) -> String { number.map(String.init) ?? "" }

    /// What `text` makes of `number`, written as bytes: a whole number's digits without a
    /// String, others through `text` (their shortest form, usually a String small enough to be
    /// held inline).
    static func write(_ number: Double?, into out: inout ByteBuffer) {
        guard let number, number.isFinite else { return }
        if number.rounded() == number, abs(number) < 1e15 { return JSONWriter.writeInt(Int(number), into: &out) }
        out.append(utf8: text(number))
    }

    static func write(_ number: Int?, into out: inout ByteBuffer) {
        if let number { JSONWriter.writeInt(number, into: &out) }
    }

    /// Expands the exponent of `"\(number)"` into positional digits.
    private static func plain(_ number: Double) -> String {
        let shortest = "\(abs(number))"
        let parts = shortest.lowercased().split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return shortest }
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(mantissa[0])
        let fraction = mantissa.count > 1 ? String(mantissa[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var integer = String(digits.prefix(point))
        var decimals = String(digits.dropFirst(point))
        while decimals.hasSuffix("0") { decimals.removeLast() }
        while integer.count > 1 && integer.hasPrefix("0") { integer.removeFirst() }
        let sign = number < 0 ? "-" : ""
        return sign + integer + (decimals.isEmpty ? "" : "." + decimals)
    }
}
