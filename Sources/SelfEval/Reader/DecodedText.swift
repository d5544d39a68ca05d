import Foundation

/// A text input decoded to a String, with line ends normalised to LF.
public struct DecodedText: Sendable {
    public var text: String
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
    public var encoding: String

    /// Decodes without being told the encoding: BOMs first, then strict UTF-8, then UTF-16 by its
    /// NUL pattern, then GB18030 (which also reads GBK, the legacy Windows exports).
    public static func decode(_ data: Data, file: String) throws(InputError) -> DecodedText {
        if data.isEmpty { throw InputError(.empty, file: file, "the file is empty") }
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let s = String(validating: data.dropFirst(3), as: UTF8.self) else {
                throw InputError(.undecodable, file: file, line: firstBadUTF8Line(data.dropFirst(3)), "the file starts with a UTF-8 byte-order mark but is not valid UTF-8")
            }
            return try checked(DecodedText(text: normalisedLineEnds(s), encoding: "utf-8-bom"), file: file)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let s = String(data: data, encoding: little ? .utf16LittleEndian : .utf16BigEndian) ?? String(data: data, encoding: .utf16) else {
                throw InputError(.undecodable, file: file, "the file starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
            let body = s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s
            return try checked(DecodedText(text: normalisedLineEnds(body), encoding: little ? "utf-16le" : "utf-16be"), file: file)
        }
        if let s = String(validating: data, as: UTF8.self) {
            return try checked(DecodedText(text: normalisedLineEnds(s), encoding: "utf-8"), file: file)
        }
        if let little = utf16WithoutBOM(data),
           let s = String(data: data, encoding: little ? .utf16LittleEndian : .utf16BigEndian) {
            return try checked(DecodedText(text: normalisedLineEnds(s), encoding: little ? "utf-16le" : "utf-16be"), file: file)
        }
        if looksBinary(data) {
            throw InputError(.binary, file: file, "the file is binary, not text, DOCX or Markdown")
        }
        if let s = String(data: data, encoding: String.Encoding(rawValue: 0x8000_0632)) {
            return try checked(DecodedText(text: normalisedLineEnds(s), encoding: "gb18030"), file: file)
        }
        throw InputError(.undecodable, file: file, line: firstBadUTF8Line(data[...]), "the text is neither UTF-8, UTF-16 nor GB18030")
    }

    /// Text with NUL or other C0 control characters in bulk is a binary file that happened to decode.
    private static func checked(_ decoded: DecodedText, file: String) throws(InputError) -> DecodedText {
        var controls = 0
        var total = 0
        for scalar in decoded.text.unicodeScalars.prefix(65_536) {
            total += 1
            if scalar.value == 0 {
                throw InputError(.binary, file: file, line: lineOf(scalarOffset: total - 1, in: decoded.text), "the file holds NUL bytes: it is binary, not text")
            }
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" && scalar != "\u{0C}" { controls += 1 }
        }
        if total > 0 && controls * 10 > total {
            throw InputError(.binary, file: file, "the file is mostly control characters: it is binary, not text")
        }
        return decoded
    }

    private static func lineOf(scalarOffset: Int, in text: String) -> Int {
        1 + text.unicodeScalars.prefix(scalarOffset).reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
    }

    static func normalisedLineEnds(_ s: String) -> String {
        guard s.utf8.contains(13) else { return s }
        return s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// UTF-16 without a BOM shows as a NUL in every other byte of ASCII-heavy text.
    private static func utf16WithoutBOM(_ data: Data) -> Bool? {
        let sample = data.prefix(4096)
        guard sample.count >= 4, sample.count % 2 == 0 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample.count / 2
        if oddNUL * 3 > pairs && evenNUL * 10 < pairs { return true }
        if evenNUL * 3 > pairs && oddNUL * 10 < pairs { return false }
        return nil
    }

    private static func looksBinary(_ data: Data) -> Bool {
        let sample = data.prefix(8192)
        var controls = 0
        for b in sample where b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C { controls += 1 }
        return controls * 20 > sample.count
    }

    private static func firstBadUTF8Line(_ data: Data.SubSequence) -> Int? {
        var line = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): if s == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }
}
