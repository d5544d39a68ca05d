import Foundation

/// What the paragraphs just before a form say about it: title, attachment label, year, filled
/// date, unit, a printed total, and label/value lines such as `预 算 编 码：200009`.
struct FormHeading {
    var title: String?
    var attachment: String?
    var year: Int?
    var filledDate: String?
    var unitName: String?
    var totalScore: Value?
    var other: [(label: String, value: String)] = []
    var kindFromTitle: FormKind?

    static let titleWords = ["自评表", "自评报告", "指标体系", "评分表", "评价表", "评价报告"]
    static let unitSuffixes = ["中心", "局", "院", "委员会", "委", "办公室", "办", "厅", "部", "所", "站", "队", "馆", "处", "政府", "学校", "医院", "协会", "联合会", "公司"]

    /// A line of the heading with what the tests below ask of it, made once: each line is
    /// looked at by several of them.
    private struct Line {
        let text: String
        let compact: String
        let pair: (label: String, value: String)?
        let attachment: String?
        /// `compact.isOwnNFC`, which `containsWord` asked again for every word.
        private let ownNFC: Bool

        init(_ text: String) {
            self.text = text
            compact = LabelText.compact(text)
            pair = FormHeading.pair(text)
            attachment = FormHeading.attachmentLabel(compact: compact)
            var copy = compact
            ownNFC = copy.withUTF8(TextCleaning.isOwnNFC)
        }

        /// `compact.containsWord(word)`.
        func containsWord(_ word: String) -> Bool { ownNFC ? compact.containsBytes(word) : compact.contains(word) }

        /// A line that names a date or time, or is a short date itself.
        var isDateLine: Bool {
            containsWord("日期") || containsWord("时间") || FormHeading.isoDate(compact) != nil && compact.count <= 12
        }
    }

    /// Reads the paragraphs that head a form: the last few before its table, back to an
    /// attachment label or a stretch of prose.
    init(paragraphs: [Paragraph]) {
        var lines: [Line] = []
        for p in paragraphs.reversed() {
            let text = p.text.trimmed
            if text.isEmpty { continue }
            // At most 80 Characters whenever at most 80 bytes: only a longer text is counted.
            if (text.utf8.count > 80 && text.count > 80) || lines.count >= 12 { break }
            let line = Line(text)
            lines.insert(line, at: 0)
            if line.attachment != nil { break }
        }
        let heading = lines.map(\.text)
        attachment = lines.lazy.compactMap(\.attachment).first
        if let t = Self.titleIndex(lines) {
            var parts = [heading[t]]
            var i = t - 1
            while i >= 0, Self.isTitleFragment(lines[i]), parts.joined().count < 60 {
                parts.insert(heading[i], at: 0)
                i -= 1
            }
            title = LabelText.compactName(parts.joined())
        } else if let h = paragraphs.last(where: { $0.headingLevel != nil && heading.contains($0.text.trimmed) }) {
            title = LabelText.compactName(h.text)
        } else if let first = lines.first(where: { line in
            let t = line.compact
            return t.count >= 6 && line.pair == nil && line.attachment == nil && !line.isDateLine
                && !(t.hasPrefix("(") || t.hasPrefix("（")) && Self.year(in: t) != nil
        }) {
            title = LabelText.compactName(first.text)
        }
        if let title {
            kindFromTitle = Self.kind(ofTitle: title)
            year = Self.year(in: title)
            unitName = Self.unit(inTitle: title, year: year)
        }
        for (i, line) in lines.enumerated() {
            let compact = line.compact
            if year == nil, line.containsWord("年度") || compact.hasPrefix("(") || compact.hasPrefix("（"), !line.isDateLine {
                year = Self.year(in: compact)
            }
            if let (label, value) = line.pair {
                let key = LabelText.key(label)
                if key.hasSuffix("日期") || key.hasSuffix("时间") {
                    let v = value.isEmpty ? (heading[safe: i + 1] ?? "") : value
                    filledDate = filledDate ?? Self.isoDate(v)
                } else if key == "总分" || key == "综合得分" {
                    totalScore = ValueReader.read(value)?.value
                } else if HeaderVocabulary.nameField(key) == .unit || key.hasSuffix("单位)名称") || key.hasSuffix("单位名称") {
                    if !value.isEmpty { unitName = LabelText.compactName(value) }
                } else if !value.isEmpty, key.count <= 10 {
                    other.append((LabelText.compact(label), value))
                }
            }
        }
    }

    static func attachmentLabel(_ text: String) -> String? { attachmentLabel(compact: LabelText.compact(text)) }

    /// `attachmentLabel` of a text already through `LabelText.compact`.
    private static func attachmentLabel(compact t: String) -> String? {
        guard t.hasPrefix("附件"), t.count <= 8 else { return nil }
        let rest = t.dropFirst(2)
        guard let first = rest.first, first.isNumber || "一二三四五六七八九十".contains(first) else { return nil }
        return t
    }

    private static func titleIndex(_ lines: [Line]) -> Int? {
        lines.lastIndex { line in
            titleWords.contains { line.containsWord($0) } && line.pair == nil
        }
    }

    private static func isTitleFragment(_ line: Line) -> Bool {
        let t = line.compact
        return t.count < 40 && line.pair == nil && line.attachment == nil && !line.isDateLine
            && !(t.hasPrefix("(") || t.hasPrefix("（")) && !titleWords.contains { line.containsWord($0) }
    }

    static func kind(ofTitle title: String) -> FormKind? {
        // `containsWord`, with the title's NFC test made once for the five words.
        var copy = title
        let ownNFC = copy.withUTF8(TextCleaning.isOwnNFC)
        func has(_ word: String) -> Bool { ownNFC ? title.containsBytes(word) : title.contains(word) }
        if has("指标体系") || has("评分表") { return .indicatorFramework }
        if has("整体支出") || has("部门整体") { return .departmentOverall }
        if has("项目") { return .projectExpenditure }
        return nil
    }

    /// The evaluated year: `（2022年度）`, `2020年度…`, `( 2022 年度 )`, `2023年部门…`.
    static func year(in text: String) -> Int? {
        var compact = LabelText.compact(TextCleaning.halfWidthNumbers(text))
        // In text of characters that are their own NFC form, each scalar is a Character of its
        // own (none combines; CR LF holds no digit), and the Characters need not be made.
        if compact.isOwnNFC { return compact.withUTF8(year(inBytes:)) }
        let chars = Array(compact)
        var i = 0
        while i + 4 < chars.count {
            if chars[i...(i + 3)].allSatisfy({ $0.isASCII && $0.isNumber }), chars[i + 4] == "年",
               i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber),
               let y = Int(String(chars[i...(i + 3)])), (1990...2100).contains(y) {
                return y
            }
            i += 1
        }
        return nil
    }

    /// `year(in:)` of the bytes of text whose every scalar is a Character: four ASCII digits
    /// after no digit and before `年` (E5 B9 B4).
    private static func year(inBytes p: UnsafeBufferPointer<UInt8>) -> Int? {
        func isDigit(_ i: Int) -> Bool { p[i] >= 0x30 && p[i] <= 0x39 }
        var i = 0
        while i + 6 < p.count {
            if isDigit(i), isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), p[i + 4] == 0xE5, p[i + 5] == 0xB9, p[i + 6] == 0xB4,
               i == 0 || !isDigit(i - 1) {
                let y = (0..<4).reduce(0) { $0 * 10 + Int(p[i + $1] - 0x30) }
                if (1990...2100).contains(y) { return y }
            }
            i += 1
        }
        return nil
    }

    /// The unit a title names before its year or its form name; `year` is `year(in: title)`.
    private static func unit(inTitle title: String, year: Int?) -> String? {
        var t = title
        let ownNFC = title.isOwnNFC
        if let y = year, let r = range(of: "\(y)年", in: t, ownNFC: ownNFC) {
            let before = String(t[..<r.lowerBound])
            if hasUnitSuffix(before), before.count >= 3 { return before }
            t = String(t[r.upperBound...])
            if t.hasPrefix("度") { t.removeFirst() }
        }
        for suffix in ["项目支出绩效自评表", "项目绩效自评表", "绩效自评表", "部门整体支出绩效评价指标体系"] {
            if let r = range(of: suffix, in: t, ownNFC: ownNFC) { t = String(t[..<r.lowerBound]); break }
        }
        guard hasUnitSuffix(t), t.count >= 3, t.count <= 30 else { return nil }
        return t
    }

    /// `text.range(of: word)`, found in the bytes where the text is its own NFC form (a part of
    /// such text is too), as `hasUnitSuffix` compares: Foundation's search bridges the text and
    /// compares canonically, thousands of instructions a call.
    private static func range(of word: String, in text: String, ownNFC: Bool) -> Range<String.Index>? {
        guard ownNFC else { return text.range(of: word) }
        var hay = text, needle = word
        let offset = hay.withUTF8 { h in
            needle.withUTF8 { n -> Int? in
                guard let first = n.first, h.count >= n.count else { return nil }
                for i in 0...(h.count - n.count) where h[i] == first && memcmp(h.baseAddress! + i, n.baseAddress!, n.count) == 0 { return i }
                return nil
            }
        }
        guard let offset else { return nil }
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return start..<text.utf8.index(start, offsetBy: word.utf8.count)
    }

    /// Ends with one of `unitSuffixes`: compared in the bytes where the text is its own NFC
    /// form (as `containsWord` does), where a Character suffix of a Chinese word is a byte suffix.
    private static func hasUnitSuffix(_ t: String) -> Bool {
        t.isOwnNFC ? unitSuffixes.contains { t.hasSuffixBytes($0) } : unitSuffixes.contains { t.hasSuffix($0) }
    }

    /// `label：value` with a short label.
    static func pair(_ text: String) -> (label: String, value: String)? {
        // A colon Character holds the colon's bytes: a line without them (most titles) is not walked Character by Character.
        guard text.containsByte(UInt8(ascii: ":")) || text.containsBytes("："),
              let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let label = String(text[..<colon]).trimmed
        guard !label.isEmpty, LabelText.compact(label).count <= 16 else { return nil }
        return (label, String(text[text.index(after: colon)...]).trimmed)
    }

    /// `2021.4.14`, `2021-4-15`, `2021. 4. 14`, `2022年5月17日`, `2021/04/07` → ISO.
    static func isoDate(_ text: String) -> String? {
        let t = TextCleaning.halfWidthNumbers(text)
        // Only ASCII digits go into the groups: a text without one, most lines, has no date.
        guard t.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var groups: [String] = []
        var current = ""
        for ch in t {
            if ch.isASCII && ch.isNumber {
                current.append(ch)
            } else {
                if !current.isEmpty { groups.append(current); current = "" }
                if groups.count >= 3 { break }
                if !(ch.isLayoutSpace || ".-/年月日".contains(ch)) && !groups.isEmpty { break }
            }
        }
        if !current.isEmpty { groups.append(current) }
        guard groups.count >= 3, groups[0].count == 4, let y = Int(groups[0]), let m = Int(groups[1]), let d = Int(groups[2]),
              (1990...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        // The year has four digits and month and day one or two: padded by hand, where `String(format:)` goes through Foundation.
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(twoDigits(m))-\(twoDigits(d))"
    }
}
