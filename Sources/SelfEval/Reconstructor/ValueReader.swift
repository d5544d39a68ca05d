/// Reads a printed quantity into a `Value`: the number, its unit and comparator when the text
/// holds exactly one number, tolerant of full-width forms, spaces inside numbers
/// (`354, 500. 00`), LaTeX comparators and OCR's `《` for `≤`.
enum ValueReader {
    struct Reading {
        var value: Value
        /// The text had `《` before its number, read as `≤`.
        var ocrComparator: Bool
    }

    static func read(_ raw: String) -> Reading? {
        let text = cleanText(raw)
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
    // The same words as Characters, matched against the text's Characters without building
    // a String for every candidate position (String.hasPrefix compares Characters too).
    private static let unitCharacters = units.map(Array.init)
    private static let comparatorWordCharacters = comparatorWords.map { (Array($0.0), $0.1) }
    private static let suffixComparatorCharacters = suffixComparators.map { (Array($0.0), $0.1) }
    private static let fillers = ["约", "左右", "达到", "达", "完成", "累计", "共", "计"]

    private static let fillerScalars = Set(fillers.flatMap(\.unicodeScalars))

    /// Foundation's search runs per call and per filler, and most text holds no filler at all.
    /// It matches canonical equivalents, so CJK compatibility ideographs (U+F94F is 累) count too.
    private static func mayHoldFiller(_ u: Unicode.Scalar) -> Bool {
        fillerScalars.contains(u) || (0xF900...0xFAFF).contains(u.value) || (0x2F800...0x2FA1F).contains(u.value)
    }

    private struct Parsed {
        var number: Double
        var unit: String?
        var comparator: String?
        var ocr: Bool
    }

    private static func parse(_ text: String) -> Parsed? {
        // Most label and remark cells hold no digit at all: skip cutting them into Characters.
        guard text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || (0xFF10...0xFF19).contains($0.value) }) else { return nil }
        let chars = Array(joinedNumberSpaces(TextCleaning.halfWidthNumbers(text)))
        var numbers: [(start: Int, end: Int)] = []
        var i = 0
        while i < chars.count {
            if chars[i].isASCII, chars[i].isNumber {
                let start = i
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || ((chars[i] == "." || chars[i] == ",") && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                    i += 1
                }
                numbers.append((start, i))
                if numbers.count > 1 { return nil }
            } else {
                i += 1
            }
        }
        guard let (start, end) = numbers.first else { return nil }
        var digits = String(chars[start..<end].filter { $0 != "," })
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
                if let (word, symbol) = comparatorWordCharacters.first(where: { prefix.reversed().starts(with: $0.0.reversed()) }) {
                    comparator = symbol
                    lead -= word.count
                }
            }
        }
        var tail = end
        while tail < chars.count, chars[tail] == " " { tail += 1 }
        let unit = unitCharacters.first { chars[tail...].starts(with: $0) }.map { String($0) }
        if let unit { tail += unit.count }
        if comparator == nil, let (word, symbol) = suffixComparatorCharacters.first(where: { chars[tail...].starts(with: $0.0) }) {
            comparator = symbol
            tail += word.count
        }
        var residue = String(chars[0..<lead]) + String(chars[tail...])
        if residue.unicodeScalars.contains(where: mayHoldFiller) {
            for filler in fillers { residue = residue.replacingOccurrences(of: filler, with: "") }
        }
        residue.removeAll { $0.isLayoutSpace || $0.isNewline || $0 == "。" || $0 == "." || $0 == "+" }
        guard residue.count <= 2 else { return nil }
        return Parsed(number: number, unit: unit == "％" ? "%" : unit, comparator: comparator, ocr: ocr)
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
