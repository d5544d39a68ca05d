/// RFC 4180 encoding of records: fields joined by commas, quoted when they hold a comma, a
/// quote, CR or LF (quotes doubled), every record ended by CRLF.
public enum CSVEncoding {
    /// U+FEFF, UTF-8 encoded, as the first bytes of a file.
    public static let byteOrderMark = "\u{FEFF}"

    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// What a file starts with: the optional byte-order mark and the header record.
    public static func header(_ names: [String], options: CSVOptions) -> String {
        (options.byteOrderMark ? byteOrderMark : "") + record(names)
    }
}
