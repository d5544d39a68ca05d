/// Serialises a `JSONValue`: UTF-8 as is, two-space indentation or one line, numbers in their
/// shortest round-tripping form.
public enum JSONWriter {
    public static func render(_ value: JSONValue, pretty: Bool = true) -> String {
        String(decoding: utf8(value, pretty: pretty), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, for files: appending bytes costs less than appending to a
    /// String, and the bytes need no second copy on their way out.
    public static func utf8(_ value: JSONValue, pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, into: &out, indent: pretty ? 0 : nil)
        if pretty { out.append(UInt8(ascii: "\n")) }
        return out
    }

    static func write(_ value: JSONValue, into out: inout [UInt8], indent: Int?) {
        switch value {
        case .null: writeNull(into: &out)
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let n): writeInt(n, into: &out)
        case .double(let d): writeDouble(d, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            if let indent, items.allSatisfy(isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", ".utf8 }
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
            if members.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent.map { $0 + 1 })
                writeString(key, into: &out)
                out += (indent == nil ? ":" : ": ").utf8
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

    static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<2 * indent { out.append(UInt8(ascii: " ")) }
    }

    static func writeNull(into out: inout [UInt8]) {
        out += "null".utf8
    }

    /// The decimal digits of `n`, as `String(n)` spells them, without making the String.
    static func writeInt(_ n: Int, into out: inout [UInt8]) {
        if n < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        if magnitude < 10 { return out.append(UInt8(ascii: "0") + UInt8(magnitude)) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var start = d.count
            while magnitude > 0 {
                start -= 1
                d[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[start...]))
        }
    }

    /// A double in its shortest round-tripping form; JSON has no NaN or infinity.
    static func writeDouble(_ d: Double, into out: inout [UInt8]) {
        if d.isFinite { out += "\(d)".utf8 } else { writeNull(into: &out) }
    }

    /// What `JSONValue.number` makes of `number`, written.
    static func writeNumber(_ number: Double?, into out: inout [UInt8]) {
        guard let number else { return writeNull(into: &out) }
        if number.rounded() == number, abs(number) < 1e15 { return writeInt(Int(number), into: &out) }
        writeDouble(number, into: &out)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Copies the runs that need no escape in one piece (a `memcpy` from the string's own
    /// bytes): most strings have no escape at all.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var run = 0
            var i = 0
            while true {
                i = plainRunEnd(bytes, from: i)
                guard i < bytes.count else { break }
                let byte = bytes[i]
                var width = 1
                var escape: String?
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case ..<0x20: escape = unicodeEscape(Int(byte))
                default:
                    // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
                    if i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                        escape = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                        width = 3
                    }
                }
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    out += escape.utf8
                    i += width
                    run = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The index of the first byte from `start` on that may need an escape: a control byte, a
    /// quote, a backslash, or E2 (the lead byte of U+2028 and U+2029, and of much punctuation).
    /// Eight bytes are tested at a time with the usual bit tricks, then the last few one by one.
    static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            /// Whether some byte of `w` is below `n` (n at most 0x80).
            func hasByteBelow(_ w: UInt64, _ n: UInt64) -> Bool { (w &- ones &* n) & ~w & highs != 0 }
            func hasByte(_ w: UInt64, _ b: UInt64) -> Bool { hasByteBelow(w ^ (ones &* b), 1) }
            while i + 8 <= bytes.count {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if hasByteBelow(w, 0x20) || hasByte(w, 0x22) || hasByte(w, 0x5C) || hasByte(w, 0xE2) { break }
                i += 8
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { break }
            i += 1
        }
        return i
    }

    private static func unicodeEscape(_ v: Int) -> String {
        var escape = "\\u"
        for shift in [12, 8, 4, 0] { escape.unicodeScalars.append(Unicode.Scalar(hex[(v >> shift) & 0xF])) }
        return escape
    }
}
