/// RFC 4180 encoding of records: fields joined by commas, quoted when they hold a comma, a
/// quote, CR or LF (quotes doubled), every record ended by CRLF.
public enum CSVEncoding {
    /// U+FEFF, UTF-8 encoded, as the first bytes of a file.
    public static let byteOrderMark = "\u{FEFF}"

    public static func field(_ text: String) -> String {
        var out: [UInt8] = []
        append(field: text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func record(_ fields: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(fields.reduce(2) { $0 + $1.utf8.count + 1 })
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            append(field: field, to: &out)
        }
        endRecord(&out)
        return String(decoding: out, as: UTF8.self)
    }

    static func endRecord(_ out: inout [UInt8]) {
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Appends one field's bytes. The quoting test looks at the bytes (comma, quote, CR and LF
    /// are characters of their own in text a reader made); most fields need no quotes and are
    /// copied whole.
    static func append(field text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else {
                return out.append(contentsOf: bytes)
            }
            out.append(0x22)
            for byte in bytes {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
    }

    /// What a file starts with: the optional byte-order mark and the header record.
    public static func header(_ names: [String], options: CSVOptions) -> String {
        (options.byteOrderMark ? byteOrderMark : "") + record(names)
    }
}
