/// Serialises a `JSONValue`: UTF-8 as is, two-space indentation or one line, numbers in their
/// shortest round-tripping form.
public enum JSONWriter {
    public static func render(_ value: JSONValue, pretty: Bool = true) -> String {
        String(decoding: utf8(value, pretty: pretty), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, for files: appending bytes costs less than appending to a
    /// String, and the bytes need no second copy on their way out.
    public static func utf8(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
        var out = ByteBuffer(capacity: 4096)
        write(value, into: &out, indent: pretty ? 0 : nil)
        if pretty { out.append(UInt8(ascii: "\n")) }
        return out.take()
    }

    static func write(_ value: JSONValue, into out: inout ByteBuffer, indent: Int?) {
        switch value {
        case .null: writeNull(into: &out)
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let n): writeInt(n, into: &out)
        case .double(let d): writeDouble(d, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { return out.append("[]") }
            if let indent, items.allSatisfy(isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(", ") }
                    write(item, into: &out, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { return out.append("{}") }
            out.append(UInt8(ascii: "{"))
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                writeString(key, into: &out)
                out.append(indent == nil ? ":" : ": ")
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    /// A line break and two spaces per level of `indent`; nothing on one line.
    @inline(__always)
    static func newline(_ out: inout ByteBuffer, _ indent: Int?) {
        guard let indent else { return }
        out.write(maxCount: 1 + 2 * indent + indentSlack) { lineStart(indent: 2 * indent, at: $0) }
    }

    /// How many bytes past a line start `lineStart` may write (and then write over).
    static let indentSlack = 8

    /// A line break and `indent` spaces at `p`, the spaces eight at a time (up to `indentSlack`
    /// bytes more are written and left for what follows to write over): a call to `memset`
    /// costs more than the few stores of an indentation. Returns `1 + indent`.
    @inline(__always)
    static func lineStart(indent: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        p[0] = UInt8(ascii: "\n")
        let spaces = UnsafeMutableRawPointer(p + 1)
        var i = 0
        while i < indent {
            spaces.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: i, as: UInt64.self)
            i += 8
        }
        return 1 + indent
    }

    /// What goes between the items of an array of scalars: `, ` in pretty text (`length` 2),
    /// `,` on one line (1), nothing before the first (0).
    @inline(__always)
    static func separator(_ length: Int, at p: UnsafeMutablePointer<UInt8>) {
        if length > 0 { p[0] = UInt8(ascii: ",") }
        if length > 1 { p[1] = UInt8(ascii: " ") }
    }

    static func writeNull(into out: inout ByteBuffer) {
        out.append("null")
    }

    /// `null` at `p`; returns its length.
    @inline(__always)
    static func null(at p: UnsafeMutablePointer<UInt8>) -> Int {
        UnsafeMutableRawPointer(p).storeBytes(of: 0x6C6C_756E as UInt32, as: UInt32.self)
        return 4
    }

    /// The longest integer spelled out: `-9223372036854775808`.
    static let maxIntLength = 20

    /// The decimal digits of `n`, as `String(n)` spells them, without making the String.
    static func writeInt(_ n: Int, into out: inout ByteBuffer) {
        out.write(maxCount: maxIntLength) { digits(of: n, at: $0) }
    }

    /// The decimal digits of `n` at `p` (at most `maxIntLength` bytes); returns how many.
    @inline(__always)
    static func digits(of n: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = n.magnitude
        if magnitude < 10 {
            if n < 0 { p[0] = UInt8(ascii: "-") }
            p[n < 0 ? 1 : 0] = UInt8(ascii: "0") + UInt8(magnitude)
            return n < 0 ? 2 : 1
        }
        var digitCount = 0
        var rest = magnitude
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let length = digitCount + (n < 0 ? 1 : 0)
        if n < 0 { p[0] = UInt8(ascii: "-") }
        var i = length
        while magnitude > 0 {
            i -= 1
            p[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        return length
    }

    /// A double in its shortest round-tripping form; JSON has no NaN or infinity.
    static func writeDouble(_ d: Double, into out: inout ByteBuffer) {
        if d.isFinite { out.append(utf8: "\(d)") } else { writeNull(into: &out) }
    }

    /// What `JSONValue.number` makes of `number`, written.
    static func writeNumber(_ number: Double?, into out: inout ByteBuffer) {
        guard let number else { return writeNull(into: &out) }
        if let whole = wholeNumber(number) { return writeInt(whole, into: &out) }
        writeDouble(number, into: &out)
    }

    /// The number as an integer when `JSONValue.number` writes it without a fraction.
    @inline(__always)
    static func wholeNumber(_ number: Double) -> Int? {
        number.rounded() == number && abs(number) < 1e15 ? Int(number) : nil
    }

    /// Copies the runs that need no escape in one piece (a `memcpy` from the string's own
    /// bytes): most strings have no escape at all, and go out with their quotes in one write.
    static func writeString(_ s: String, into out: inout ByteBuffer) {
        var s = s
        s.withUTF8 { writeString(utf8: $0, into: &out) }
    }

    /// A string given as its UTF-8 bytes, quoted and escaped.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout ByteBuffer) {
        var i = plainRunEnd(bytes, from: 0)
        guard i < bytes.count else {
            return out.write(maxCount: bytes.count + 2) { p in
                p[0] = UInt8(ascii: "\"")
                if let base = bytes.baseAddress { (p + 1).update(from: base, count: bytes.count) }
                p[bytes.count + 1] = UInt8(ascii: "\"")
                return bytes.count + 2
            }
        }
        out.append(UInt8(ascii: "\""))
        var run = 0
        while i < bytes.count {
            let width = escapeWidth(bytes, at: i)
            if width > 0 {
                out.append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
                writeEscape(bytes, at: i, into: &out)
                i += width
                run = i
            } else {
                i += 1
            }
            i = plainRunEnd(bytes, from: i)
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }

    /// How many bytes at `i` one escape replaces: 1 for a control byte, quote or backslash, 3
    /// for U+2028 and U+2029 (E2 80 A8/A9, which end lines in JavaScript), 0 for none.
    private static func escapeWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let byte = bytes[i]
        if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return 1 }
        if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return 3 }
        return 0
    }

    private static func writeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, into out: inout ByteBuffer) {
        switch bytes[i] {
        case UInt8(ascii: "\""): out.append("\\\"")
        case UInt8(ascii: "\\"): out.append("\\\\")
        case UInt8(ascii: "\n"): out.append("\\n")
        case UInt8(ascii: "\r"): out.append("\\r")
        case UInt8(ascii: "\t"): out.append("\\t")
        case 0xE2: writeUnicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, into: &out)
        default: writeUnicodeEscape(Int(bytes[i]), into: &out)
        }
    }

    /// The index of the first byte from `start` on that may need an escape: a control byte, a
    /// quote, a backslash, or E2 (the lead byte of U+2028 and U+2029, and of much punctuation).
    /// Eight bytes are tested at a time (`ByteWord`), the last few of a longer text with the
    /// eight bytes that end it (overlapping those already tested), and only a text shorter than
    /// eight bytes, or a word that holds such a byte, one byte at a time.
    static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = UnsafeRawPointer(bytes.baseAddress), bytes.count >= 8 {
            while i + 8 <= bytes.count {
                if mayNeedEscape(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { break }
                i += 8
            }
            if i + 8 > bytes.count, i < bytes.count,
               !mayNeedEscape(base.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)) {
                return bytes.count
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { break }
            i += 1
        }
        return i
    }

    /// Whether one of eight bytes is a control byte, a quote, a backslash or E2, tested with one
    /// branch.
    @inline(__always)
    private static func mayNeedEscape(_ w: UInt64) -> Bool {
        ByteWord.bytesBelow(0x20, in: w) | ByteWord.bytesEqual(0x22, in: w) | ByteWord.bytesEqual(0x5C, in: w)
            | ByteWord.bytesEqual(0xE2, in: w) != 0
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `\u` and four lowercase hex digits.
    private static func writeUnicodeEscape(_ v: Int, into out: inout ByteBuffer) {
        out.write(maxCount: 6) { p in
            p[0] = UInt8(ascii: "\\")
            p[1] = UInt8(ascii: "u")
            for (k, shift) in [12, 8, 4, 0].enumerated() { p[2 + k] = hex[(v >> shift) & 0xF] }
            return 6
        }
    }
}
