import Testing
@testable import SelfEval

@Suite struct CellTextTests {
    /// Texts that take the one-pass shortcut and texts that need the cleaning steps: every one
    /// must come out as the steps make it.
    static let texts = [
        "产出指标", "数量指标", "95%", "≥95%", "≦100%", "５０％", "一级指标", "项目名称", "A11部门预算", "李紫薇",
        "产出指标\n(50分)", "（万元）预算数", "实际完成值：", "指标 1", "abc def", "a  b", "结案率92%，调解成功率60%",
        "\\geq 90", "$\\text{km}^{2}$", "[bookmark: _Toc1]项目名称", "全年\u{3000}执行数", "\u{FEFF}得分", "分\u{00A0}值",
        "\u{F94F}计", "e\u{301}", "ＡＢＣ", "指标*", "😀指标", "\u{2028}得分", "1、部门预算项目 ☑ 2、省专项 ☐", "《65万",
        "ℓ", "①②", "—", "……", "\u{4DC0}", "\u{200D}", "x\u{85}y", "\t制表", "得分\n", "一\n\n二", "一 \n二",
    ]

    @Test(arguments: texts)
    func cleanAndKeyAreWhatTheStepsMake(text: String) {
        let made = CellText(text)
        let clean = ValueReader.cleanText(text)
        #expect(made.clean == clean)
        #expect(Array(made.clean.utf8) == Array(clean.utf8))
        #expect(Array(made.key.utf8) == Array(LabelText.key(clean: clean).utf8))
        #expect(Array(LabelText.key(clean: clean).utf8) == Array(Self.stepByStepKey(clean).utf8))
    }

    /// The key as its steps make it one after the other, parentheticals taken out Character by Character.
    static func stepByStepKey(_ clean: String) -> String {
        let compacted = LabelText.compact(TextCleaning.halfWidthNumbers(clean))
        func isDropped(_ c: Character) -> Bool { c == ":" || c == "：" || c == "*" }
        var out = "", depth = 0
        for c in compacted {
            if c == "(" || c == "（" { depth += 1 } else if c == ")" || c == "）" {
                if depth > 0 { depth -= 1 } else { out.append(c) }
            } else if depth == 0, !isDropped(c) { out.append(c) }
        }
        if depth > 0 { out = String(compacted.filter { !isDropped($0) }) }
        return LabelText.canonical(out)
    }

    @Test(arguments: ["（万元）预算数", "预算数(万元", "指标：值", "a（b（c）d）e", "）x", "ａ（１）", "1 ２", "Ａ Ｂ", "x  (y) z", "( a b )c", "＊"])
    func keyIsWhatItsStepsMake(text: String) {
        #expect(Array(LabelText.key(clean: text).utf8) == Array(Self.stepByStepKey(text).utf8))
    }

    @Test func framingWordsFindTheFirstWordAtEitherEnd() {
        let words = FramingWords([("完成值", 1), ("实际完成值", 2), ("得分", 3)])
        #expect(words.first(framing: "完成值情况") == 1)
        #expect(words.first(framing: "全年实际完成值") == 1)
        #expect(words.first(framing: "自评得分") == 3)
        #expect(words.first(framing: "得分") == 3)
        #expect(words.first(framing: "分") == nil)
        #expect(words.first(framing: "") == nil)
        #expect(words.first(framing: "指标") == nil)
    }

    @Test func framingWordsOfAnyScalarLengthAreFound() {
        let words = FramingWords([("km", 1), ("é分", 2), ("😀值", 3), ("分😀", 4)])
        #expect(words.first(framing: "kmh") == 1)
        #expect(words.first(framing: "5km") == 1)
        #expect(words.first(framing: "é分数") == 2)
        #expect(words.first(framing: "😀值") == 3)
        #expect(words.first(framing: "得分😀") == 4)
        #expect(words.first(framing: "😀") == nil)
        #expect(words.first(framing: "e\u{301}分") == nil)
        #expect(words.first(startingWith: "5km") == nil)
    }

    @Test func framingWordsFindTheFirstWordAKeyStartsWith() {
        let words = FramingWords([("存在问题", 1), ("说明", 2)])
        #expect(words.first(startingWith: "存在问题及原因") == 1)
        #expect(words.first(startingWith: "说明：无") == 2)
        #expect(words.first(startingWith: "情况说明") == nil)
        #expect(words.first(startingWith: "说") == nil)
    }

    @Test(arguments: ["", "abc", "指标", "e\u{301}", "😀a", "\u{F94F}"])
    func scalarCountIsTheNumberOfScalars(text: String) {
        #expect(text.scalarCount == text.unicodeScalars.count)
    }

    @Test(arguments: texts + ["", "é", "\u{2FE0}", "\u{302A}", "\u{FFF0}", "\u{10000}", "ÿ\u{2FF}", "\u{2329}"])
    func ownNFCInTheBytesIsWhatTheScalarsSay(text: String) {
        var copy = text
        #expect(copy.withUTF8(TextCleaning.isOwnNFC) == text.isOwnNFC)
    }
}
