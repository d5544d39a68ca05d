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
            guard needsQuotes(bytes) else { return out.append(contentsOf: bytes) }
            out.append(0x22)
            for byte in bytes {
                if byte == 0x22 { out.append(0x22) }
                out.append(byte)
            }
            out.append(0x22)
        }
    }

    /// A field that `needsQuotes`, quoted into a byte buffer: copied in runs between its quotes,
    /// each quote doubled.
    static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        out.append(0x22)
        var run = 0
        for i in bytes.indices where bytes[i] == 0x22 {
            out.append(UnsafeBufferPointer(rebasing: bytes[run...i]))
            out.append(0x22)
            run = i + 1
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        out.append(0x22)
    }

    /// Whether a field holds a comma, a quote, CR or LF. Eight bytes are tested at a time
    /// (`ByteWord`, as `JSONWriter.plainRunEnd` does): all four are below `-` (0x2D),
    /// which Chinese text and most numbers never are, so one test passes most words, and only a
    /// word with such a byte is looked at for the four. The last few bytes go one by one.
    static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= bytes.count {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if ByteWord.hasByte(below: 0x2D, in: w),
                   ByteWord.hasByte(0x2C, in: w) || ByteWord.hasByte(0x22, in: w) || ByteWord.hasByte(0x0D, in: w) || ByteWord.hasByte(0x0A, in: w) {
                    return true
                }
                i += 8
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A { return true }
            i += 1
        }
        return false
    }

    /// What a file starts with: the optional byte-order mark and the header record.
    public static func header(_ names: [String], options: CSVOptions) -> String {
        (options.byteOrderMark ? byteOrderMark : "") + record(names)
    }
}
