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

    private static let units = [
        "平方公里", "平方米", "万人次", "亿元", "万元", "千元", "万人", "万户", "万条", "万份", "万件", "万册", "人次", "批次",
        "公里", "小时", "个月", "元", "万", "人", "户", "件", "个", "家", "次", "天", "日", "月", "年", "份", "台", "条", "项",
        "所", "辆", "篇", "场", "期", "套", "座", "处", "亩", "吨", "册", "分", "岁", "%", "‰", "km", "m²", "m",
    ]
    private static let comparatorWords: [(String, String)] = [
        ("大于等于", "≥"), ("不低于", "≥"), ("不少于", "≥"), ("小于等于", "≤"), ("不高于", "≤"), ("不超过", "≤"),
        ("不多于", "≤"), ("大于", ">"), ("高于", ">"), ("超过", ">"), ("小于", "<"), ("低于", "<"),
    ]
    private static let suffixComparators: [(String, String)] = [("以上", "≥"), ("以下", "≤"), ("以内", "≤")]
    // The words as scalars: the text is read as its NFC scalars, where comparing scalars finds
    // what comparing Characters (canonically) found, without cutting the text into Characters.
    private static let unitScalars = units.map { Array($0.unicodeScalars) }
    private static let comparatorWordScalars = comparatorWords.map { (Array($0.0.unicodeScalars), $0.1) }
    private static let suffixComparatorScalars = suffixComparators.map { (Array($0.0.unicodeScalars), $0.1) }
    private static let fillerScalars = ["约", "左右", "达到", "达", "完成", "累计", "共", "计"].map { Array($0.unicodeScalars) }

    private struct Parsed {
        var number: Double
        var unit: String?
        var comparator: String?
        var ocr: Bool
    }

    private static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }

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
        let chars = Array(LabelText.canonical(joinedNumberSpaces(TextCleaning.halfWidthNumbers(text))).unicodeScalars)
        var numbers: [(start: Int, end: Int)] = []
        var i = 0
        while i < chars.count {
            if isDigit(chars[i]) {
                let start = i
                while i < chars.count, isDigit(chars[i]) || ((chars[i] == "." || chars[i] == ",") && i + 1 < chars.count && isDigit(chars[i + 1])) {
                    i += 1
                }
                numbers.append((start, i))
                if numbers.count > 1 { return nil }
            } else {
                i += 1
            }
        }
        guard let (start, end) = numbers.first else { return nil }
        // The number's scalars are ASCII digits, `.` and `,`: made into a String from their bytes,
        // where building a String scalar by scalar costs a call each.
        var digits = String(decoding: chars[start..<end].compactMap { $0 == "," ? nil : UInt8($0.value) }, as: UTF8.self)
        var before = start
        if before > 0, chars[before - 1] == "-" || chars[before - 1] == "−" {
            digits = "-" + digits
            before -= 1
        }
        guard let number = Double(digits) else { return nil }
        var comparator: String?
        var ocr = false
        var lead = before
        while lead > 0, chars[lead - 1] == " " { lead -= 1 }
        if lead > 0 {
            switch chars[lead - 1] {
            case "≥", "≤", ">", "<", "=": comparator = String(chars[lead - 1]); lead -= 1
            case "《": comparator = "≤"; ocr = true; lead -= 1
            default:
                let prefix = chars[0..<lead]
                // A word is compared in full only when it ends with the scalar before the number.
                let last = chars[lead - 1]
                if let (word, symbol) = comparatorWordScalars.first(where: { $0.0.last == last && prefix.reversed().starts(with: $0.0.reversed()) }) {
                    comparator = symbol
                    lead -= word.count
                }
            }
        }
        var tail = end
        while tail < chars.count, chars[tail] == " " { tail += 1 }
        // A word is compared in full only when it starts with the scalar after the number.
        let next = tail < chars.count ? chars[tail] : nil
        let unitIndex = unitScalars.firstIndex { $0.first == next && chars[tail...].starts(with: $0) }
        let unit = unitIndex.map { units[$0] }
        tail += unitIndex.map { unitScalars[$0].count } ?? 0
        if comparator == nil, let (word, symbol) = suffixComparatorScalars.first(where: { chars[tail...].starts(with: $0.0) }) {
            comparator = symbol
            tail += word.count
        }
        var residue = Array(chars[0..<lead]) + Array(chars[tail...])
        for filler in fillerScalars { residue = removing(filler, from: residue) }
        residue.removeAll { $0.isLayoutSpace || $0.isLineBreak || $0.value == 0x0B || $0.value == 0x0C || $0 == "。" || $0 == "." || $0 == "+" }
        guard residue.count <= 2 else { return nil }
        return Parsed(number: number, unit: unit == "％" ? "%" : unit, comparator: comparator, ocr: ocr)
    }

    /// The scalars with every occurrence of `word` taken out, left to right.
    private static func removing(_ word: [Unicode.Scalar], from scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let first = word.first, scalars.contains(first) else { return scalars }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            if scalars[i] == first, scalars[i...].starts(with: word) {
                i += word.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return out
    }

    /// `354, 500. 00` and `1. 36` are numbers that OCR spaced out; join the pieces around `.` and `,`.
    private static func joinedNumberSpaces(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: " ")) else { return s }
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
