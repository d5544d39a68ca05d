/// RFC 4180 encoding of records: fields joined by commas, quoted when they hold a comma, a
/// quote, CR or LF (quotes doubled), every record ended by CRLF.
public enum CSVEncoding {
    /// U+FEFF, UTF-8 encoded, as the first bytes of a file.
    public static let byteOrderMark = "\u{FEFF}"

    public static func field(_ text: String) -> String {
        var out = ""
        append(field: text, to: &out)
        return out
    }

    public static func record(_ fields: [String]) -> String {
        var out = ""
        out.reserveCapacity(fields.reduce(2) { $0 + $1.utf8.count + 1 })
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(",") }
            append(field: field, to: &out)
        }
        out.append("\r\n")
        return out
    }

    /// The quoting test looks at the bytes (comma, quote, CR and LF are characters of their own
    /// in text a reader made); most fields need no quotes and are appended whole.
    private static func append(field text: String, to out: inout String) {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            out.append(text)
            return
        }
        out.append("\"")
        for piece in text.splitBytes(0x22).enumerated() {
            if piece.offset > 0 { out.append("\"\"") }
            out.append(contentsOf: piece.element)
        }
        out.append("\"")
    }

    /// What a file starts with: the optional byte-order mark and the header record.
    public static func header(_ names: [String], options: CSVOptions) -> String {
        (options.byteOrderMark ? byteOrderMark : "") + record(names)
    }
}
