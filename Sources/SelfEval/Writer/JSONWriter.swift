/// Serialises a `JSONValue`: UTF-8 as is, two-space indentation or one line, numbers in their
/// shortest round-tripping form.
public enum JSONWriter {
    public static func render(_ value: JSONValue, pretty: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(4096)
        write(value, into: &out, indent: pretty ? 0 : nil)
        if pretty { out.append("\n") }
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .double(let d):
            if d.isFinite { out += "\(d)" } else { out += "null" }
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if let indent, items.allSatisfy(isScalar) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    write(item, into: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "}"
        }
    }

    private static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    private static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n"
        out += String(repeating: "  ", count: indent)
    }

    private static let hex = Array("0123456789abcdef")

    /// Copies the runs that need no escape in one piece: most strings have no escape at all,
    /// and appending scalar by scalar costs a call each.
    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        let bytes = s.utf8
        var run = bytes.startIndex
        var i = run
        while i < bytes.endIndex {
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
                let next = bytes.index(after: i)
                if next < bytes.endIndex, bytes[next] == 0x80 {
                    let last = bytes.index(after: next)
                    if last < bytes.endIndex, bytes[last] == 0xA8 || bytes[last] == 0xA9 {
                        escape = unicodeEscape(bytes[last] == 0xA8 ? 0x2028 : 0x2029)
                        width = 3
                    }
                }
            default: break
            }
            if let escape {
                out.append(contentsOf: Substring(s.unicodeScalars[run..<i]))
                out += escape
                i = bytes.index(i, offsetBy: width)
                run = i
            } else {
                i = bytes.index(after: i)
            }
        }
        out.append(contentsOf: Substring(s.unicodeScalars[run...]))
        out += "\""
    }

    private static func unicodeEscape(_ v: Int) -> String {
        var escape = "\\u"
        for shift in [12, 8, 4, 0] { escape.append(hex[(v >> shift) & 0xF]) }
        return escape
    }
}
