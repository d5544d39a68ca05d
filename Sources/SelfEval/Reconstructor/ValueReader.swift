/// Reads a printed quantity into a `Value`: the number, its unit and comparator when the text
/// holds exactly one number, tolerant of full-width forms, spaces inside numbers
/// (`354, 500. 00`), LaTeX comparators and OCR's `《` for `≤`.
enum ValueReader {
    struct Reading {
        var value: Value
        /// The text had `《` before its number, read as `≤`.
        var ocrComparator: Bool
    }

    static func read(_ raw: String) -> Reading? { read(clean: cleanText(raw)) }

    /// `read` of a text already through `cleanText`, such as a grid cell's `clean`.
    static func read(clean text: String) -> Reading? {
        guard !text.isEmpty else { return nil }
        var value = Value(text: text)
        let parsed = parse(text)
        if let parsed {
            value.number = parsed.number
            value.unit = parsed.unit
            value.comparator = parsed.comparator
        }
        return Reading(value: value, ocrComparator: parsed?.ocr ?? false)
    }

    static func cleanText(_ raw: String) -> String {
        TextCleaning.collapsedSpaces(TextCleaning.withoutLaTeX(TextCleaning.withoutMarkers(raw)))
    }

    private static let units = ValueAffixes.units
    private static let comparatorWords: [(String, String)] = [
        ("大于等于", "≥"), ("不低于", "≥"), ("不少于", "≥"), ("小于等于", "≤"), ("不高于", "≤"), ("不超过", "≤"),
        ("不多于", "≤"), ("大于", ">"), ("高于", ">"), ("超过", ">"), ("小于", "<"), ("低于", "<"),
    ]
    private static let suffixComparators: [(String, String)] = [("以上", "≥"), ("以下", "≤"), ("以内", "≤")]
    // The words as UTF-8: the text is read as the bytes of its NFC form, where comparing bytes
    // finds what comparing scalars (and, before that, Characters) found.
    private static let unitBytes = units.map { Array($0.utf8) }
    private static let comparatorWordBytes = comparatorWords.map { (Array($0.0.utf8), $0.1) }
    private static let suffixComparatorBytes = suffixComparators.map { (Array($0.0.utf8), $0.1) }
    private static let symbolComparatorBytes: [([UInt8], String)] = ValueAffixes.comparators.map { (Array($0.utf8), $0) }
    private static let ocrLessEqual = Array("《".utf8), minusSign = Array("−".utf8), ideographicFullStop = Array("。".utf8)
    private static let fillerBytes = ["约", "左右", "达到", "达", "完成", "累计", "共", "计"].map { Array($0.utf8) }

    private struct Parsed {
        var number: Double
        var unit: String?
        var comparator: String?
        var ocr: Bool
    }

    /// True when the text has an ASCII digit or a full-width one (U+FF10…U+FF19, EF BC 90…99),
    /// found in the bytes.
    private static func hasDigit(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { p in
            var i = 0
            while i < p.count {
                let b = p[i]
                if b >= 0x30 && b <= 0x39 { return true }
                if b == 0xEF, i + 2 < p.count, p[i + 1] == 0xBC, p[i + 2] >= 0x90, p[i + 2] <= 0x99 { return true }
                i += 1
            }
            return false
        }
    }

    private static func parse(_ text: String) -> Parsed? {
        // Most label and remark cells hold no digit at all: skip reading them further.
        guard hasDigit(text) else { return nil }
        var normal = LabelText.canonical(joinedNumberSpaces(TextCleaning.halfWidthNumbers(text)))
        return normal.withUTF8(parse(bytes:))
    }

    /// Reads the bytes of NFC text. Every word and symbol looked for starts with a lead byte,
    /// which never stands inside another character, so a byte match is a match of whole
    /// scalars, as comparing the text's scalars found, without making an array of them.
    private static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Parsed? {
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        func starts(with word: [UInt8], at i: Int) -> Bool {
            i + word.count <= b.count && word.indices.allSatisfy { b[i + $0] == word[$0] }
        }
        func ends(with word: [UInt8], at end: Int) -> Bool { end >= word.count && starts(with: word, at: end - word.count) }

        var number: (start: Int, end: Int)?
        var i = 0
        while i < b.count {
            guard isDigit(i) else { i += 1; continue }
            if number != nil { return nil }
            let start = i
            while isDigit(i) || (i < b.count && (b[i] == 0x2E || b[i] == 0x2C) && isDigit(i + 1)) { i += 1 }
            number = (start, i)
        }
        guard let (start, end) = number else { return nil }
        var before = start
        var negative = false
        if before > 0, b[before - 1] == 0x2D {
            negative = true
            before -= 1
        } else if ends(with: minusSign, at: before) {
            negative = true
            before -= minusSign.count
        }
        guard let magnitude = decimal(UnsafeBufferPointer(rebasing: b[start..<end])) else { return nil }
        let value = negative ? -magnitude : magnitude
        var comparator: String?
        var ocr = false
        var lead = before
        while lead > 0, b[lead - 1] == 0x20 { lead -= 1 }
        // Most values are a bare number, with nothing before or after it to read.
        guard lead > 0 || end < b.count else { return Parsed(number: value, unit: nil, comparator: nil, ocr: false) }
        if let (symbol, text) = symbolComparatorBytes.first(where: { ends(with: $0.0, at: lead) }) {
            comparator = text
            lead -= symbol.count
        } else if ends(with: ocrLessEqual, at: lead) {
            comparator = "≤"
            ocr = true
            lead -= ocrLessEqual.count
        } else if let (word, symbol) = comparatorWordBytes.first(where: { ends(with: $0.0, at: lead) }) {
            comparator = symbol
            lead -= word.count
        }
        var tail = end
        while tail < b.count, b[tail] == 0x20 { tail += 1 }
        let unitIndex = unitBytes.firstIndex { starts(with: $0, at: tail) }
        let unit = unitIndex.map { units[$0] }
        tail += unitIndex.map { unitBytes[$0].count } ?? 0
        if comparator == nil, let (word, symbol) = suffixComparatorBytes.first(where: { starts(with: $0.0, at: tail) }) {
            comparator = symbol
            tail += word.count
        }
        var residue = Array(b[0..<lead]) + Array(b[tail...])
        for filler in fillerBytes { residue = removing(filler, from: residue) }
        guard countsAsTwoAtMost(residue) else { return nil }
        return Parsed(number: value, unit: unit, comparator: comparator, ocr: ocr)
    }

    /// The powers of ten a `Double` holds exactly, 1 to 1e22 (each product of exact ones is exact).
    private static let exactPowersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { power, _ in power * 10 } }

    /// The value of a number's digits, with `,` ignored and at most one `.`; nil when the text
    /// is no number. Up to fifteen digits, the digits as an integer divided by a
    /// power of ten are two exact doubles, and their quotient is the correctly rounded value, as
    /// `strtod`'s (Clinger's fast path); longer numbers go through `Double(_:)`.
    static func decimal(_ p: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa = 0, digits = 0, fraction = 0
        var point = false
        for b in p {
            switch b {
            case 0x30...0x39:
                mantissa = mantissa &* 10 &+ Int(b - 0x30)
                digits += 1
                if point { fraction += 1 }
            case 0x2E:
                if point { return nil }
                point = true
            case 0x2C:
                continue
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        guard digits > 15 else { return Double(mantissa) / exactPowersOfTen[fraction] }
        return Double(String(decoding: p.filter { $0 != 0x2C }, as: UTF8.self))
    }

    /// True when at most two characters of the text left around the number are other than
    /// spaces, line breaks, `。`, `.` and `+`, counted by scalar.
    private static func countsAsTwoAtMost(_ residue: [UInt8]) -> Bool {
        residue.withUnsafeBufferPointer { p in
            var i = 0, kept = 0
            while i < p.count {
                if case let n = max(TextBytes.spaceLength(p, i), TextBytes.breakLength(p, i)), n > 0 { i += n; continue }
                switch p[i] {
                case 0x0B, 0x0C, 0x2E, 0x2B: i += 1; continue
                default: break
                }
                if p[i] == ideographicFullStop[0], i + 2 < p.count, p[i + 1] == ideographicFullStop[1], p[i + 2] == ideographicFullStop[2] { i += 3; continue }
                kept += 1
                if kept > 2 { return false }
                // Past the scalar: its continuation bytes follow its lead byte.
                i += 1
                while i < p.count, p[i] & 0xC0 == 0x80 { i += 1 }
            }
            return true
        }
    }

    /// The bytes with every occurrence of `word` taken out, left to right.
    private static func removing(_ word: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        guard let first = word.first, bytes.contains(first) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == first, bytes[i...].starts(with: word) {
                i += word.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// `354, 500. 00` and `1. 36` are numbers that OCR spaced out; join the pieces around `.` and `,`.
    private static func joinedNumberSpaces(_ s: String) -> String {
        guard s.containsByte(UInt8(ascii: " ")) else { return s }
        let chars = Array(s)
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " ", let last = out.last {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                let next = j < chars.count ? chars[j] : nil
                let lastIsDigit = last.isASCII && last.isNumber
                let lastIsSep = last == "." || last == ","
                let nextIsDigit = next.map { $0.isASCII && $0.isNumber } ?? false
                let nextIsSep = next == "." || next == ","
                let beforeSepIsDigit = out.count >= 2 && out[out.count - 2].isASCII && out[out.count - 2].isNumber
                if (lastIsDigit && nextIsSep && j + 1 < chars.count && chars[j + 1].isNumber) || (lastIsSep && beforeSepIsDigit && nextIsDigit) {
                    i = j
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
