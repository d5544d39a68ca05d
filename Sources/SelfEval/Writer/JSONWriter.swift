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
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let n): out += String(n).utf8
        case .double(let d):
            if d.isFinite { out += "\(d)".utf8 } else { out += "null".utf8 }
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
        out += repeatElement(UInt8(ascii: " "), count: 2 * indent)
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
            while i < bytes.count {
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
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
                    if i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                        escape = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                        width = 3
                    }
                default: break
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

    private static func unicodeEscape(_ v: Int) -> String {
        var escape = "\\u"
        for shift in [12, 8, 4, 0] { escape.unicodeScalars.append(Unicode.Scalar(hex[(v >> shift) & 0xF])) }
        return escape
    }
}
