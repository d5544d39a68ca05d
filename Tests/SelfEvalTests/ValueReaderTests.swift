import Testing
@testable import SelfEval

@Suite struct ValueReaderTests {
    func value(_ s: String) -> Value? { ValueReader.read(s)?.value }

    @Test(arguments: [
        ("≥95%", 95.0, "%", "≥"), ("31万人", 31, "万人", nil), ("≤65万元", 65, "万元", "≤"), ("85.8%", 85.8, "%", nil),
        ("５０％", 50, "%", nil), ("354, 500. 00", 354500, nil, nil), ("1. 36", 1.36, nil, nil), ("-0. 06", -0.06, nil, nil),
        ("$\\geq 90\\%$", 90, "%", "≥"), ("\\leqslant 5万", 5, "万", "≤"), ("≦100%", 100, "%", "≤"),
        ("100分", 100, "分", nil), ("200人左右", 200, "人", nil), ("不低于90%", 90, "%", "≥"), ("3500", 3500, nil, nil),
        ("80万元", 80, "万元", nil), ("0万", 0, "万", nil), ("100%完成", 100, "%", nil),
        ("−5万元", -5, "万元", nil), ("大于等于90%", 90, "%", "≥"), ("100以上", 100, nil, "≥"), ("约100人左右", 100, "人", nil),
        ("达到95%以上", 95, "%", "≥"), ("500m²", 500, "m²", nil), ("1,000.5元", 1000.5, "元", nil), ("= 3", 3, nil, "="),
        ("≥ 95 %", 95, "%", "≥"), ("累计完成12项。", 12, "项", nil), ("共计\u{3000}8 件", 8, "件", nil),
    ] as [(String, Double, String?, String?)])
    func readsOneNumber(text: String, number: Double, unit: String?, comparator: String?) {
        let v = value(text)
        #expect(v?.number == number, "\(text)")
        #expect(v?.unit == unit, "\(text)")
        #expect(v?.comparator == comparator, "\(text)")
    }

    /// The digits' value must be what `Double(_:)` (strtod) reads from them, commas taken out.
    @Test(arguments: ["0", "7", "007", "100", "95", "85.8", "16.35", "0.1", "0.3", "1,000.5", "354,500.00", "1.50",
                      "123456789012345", "1234567890123456", "12345678901234567890", "0.000000000000001", "9007199254740993",
                      "1.7976931348623157", "99999999999999.9", "4.35", "2.675", "1.005", "1.2.3", "1,2", ".", "", "1.", ".5"])
    func decimalIsWhatStrtodReads(digits: String) {
        var copy = digits
        let fast = copy.withUTF8 { ValueReader.decimal($0) }
        let slow = Double(String(digits.filter { $0 != "," }))
        #expect(fast?.bitPattern == slow?.bitPattern, "\(digits)")
    }

    @Test func decimalOfRandomNumbersIsWhatStrtodReads() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let whole = String(UInt64.random(in: 0...999_999_999, using: &generator))
            let fraction = String(UInt64.random(in: 0...999_999_999, using: &generator)).prefix(Int.random(in: 0...9, using: &generator))
            let digits = fraction.isEmpty ? whole : whole + "." + fraction
            var copy = digits
            let fast = copy.withUTF8 { ValueReader.decimal($0) }
            #expect(fast?.bitPattern == Double(digits)?.bitPattern, "\(digits)")
        }
    }

    @Test(arguments: ["2021. 4. 14", "全区90%人员社保卡发放完毕", "结案率92%，调解成功率60%", "计划标准", "—", "2020年12月前",
                      "约100人和200人", "左100右以上的"])
    func noNumberWhenTheTextIsNotOneQuantity(text: String) {
        #expect(value(text)?.number == nil)
        #expect(value(text)?.text.isEmpty == false)
    }

    @Test func ocrBracketBeforeADigitIsLessOrEqualAndFlagged() {
        let r = ValueReader.read("《65万")
        #expect(r?.value.text == "《65万")
        #expect(r?.value.comparator == "≤")
        #expect(r?.value.number == 65)
        #expect(r?.ocrComparator == true)
        #expect(ValueReader.read("《社会保险法》")?.value.comparator == nil)
    }

    @Test func textIsCleanedButKeptAsPrinted() {
        #expect(value("  [bookmark: _GoBack]社会公众　满意度  ")?.text == "社会公众 满意度")
        #expect(value("目标1：甲\n目标2：乙　　")?.text == "目标1：甲\n目标2：乙")
        #expect(value("　") == nil)
    }
}

@Suite struct LabelTextTests {
    @Test func weightsLineWrapsAndCodes() {
        let l1 = LabelText.parse("产出指标\n(50分)")
        #expect(l1?.name == "产出指标" && l1?.weight == 50)
        #expect(LabelText.parse("效益指标\n（30分）　")?.weight == 30)
        #expect(LabelText.parse("经济效\n益指标")?.name == "经济效益指标")
        #expect(LabelText.parse("投  入\n（15分）")?.name == "投入")
        let a11 = LabelText.parse("A11部门中长期规划目标的明确性与合理性（2分）")
        #expect(a11?.name == "A11部门中长期规划目标的明确性与合理性" && a11?.weight == 2 && a11?.code == "A11")
        #expect(LabelText.parse("C社会化发放率完成情况（3分）")?.code == nil)
        #expect(LabelText.parse("Service level agreement")?.name == "Service level agreement")
    }

    @Test func aParentheticalOnItsOwnLineIsANote() {
        let l = LabelText.parse("效益目标\n（预期实现的效益）")
        #expect(l?.name == "效益目标")
        #expect(l?.note == "预期实现的效益")
    }

    @Test func headerKeysDropParentheticalsAndColons() {
        #expect(LabelText.key("实际完成值 (B)") == "实际完成值")
        #expect(LabelText.key("年度\n指标值") == "年度指标值")
        #expect(LabelText.key("指标   分值") == "指标分值")
        #expect(LabelText.key("年度资金总额:") == "年度资金总额")
    }
}

@Suite struct CheckboxOptionsTests {
    @Test func boxesAfterAndBeforeTheirLabels() {
        let after = CheckboxOptions.options(in: "1、部门预算项目 ☑ 2、省专项 ☐ 3、中央转移支付项目")
        #expect(after.map(\.label) == ["部门预算项目", "省专项"])
        #expect(after.map(\.ticked) == [true, false])
        let before = CheckboxOptions.options(in: "☐新增项目 ☑延续项目")
        #expect(before.map(\.label) == ["新增项目", "延续项目"])
        #expect(before.map(\.ticked) == [false, true])
    }

    /// A box is a Character that is the box alone: one with a variation selector, or joined to
    /// the emoji before it, is none, as comparing Characters finds.
    static let boxTexts = [
        "", "无", "☑", "☐", "a☑b", "☑\u{FE0F}", "☑\u{FE0F}☐", "😀\u{200D}☑", "😀\u{200D}☑ ☐", "☑\u{301}", "e☐\u{301}",
        "1、部门预算项目 ☑ 2、省专项 ☐ 3、中央转移支付项目", "☐新增项目 ☑延续项目", "一☑\u{FE0F}二 ☐三", "☑一 ☐二 余下",
    ]

    @Test(arguments: boxTexts)
    func boxesAreFoundAsCharactersWouldFindThem(text: String) {
        #expect(CheckboxOptions.containsBox(text) == text.contains { $0 == CheckboxOptions.checked || $0 == CheckboxOptions.unchecked })
    }

    @Test func aBoxWithAVariationSelectorIsNoBox() {
        let options = CheckboxOptions.options(in: "一☑\u{FE0F}二 ☐三")
        #expect(options.map(\.label) == ["一☑\u{FE0F}二"])
        #expect(options.map(\.ticked) == [false])
        #expect(CheckboxOptions.textAfterLastBox("一 ☑ 二 ☐ 三") == "三")
        #expect(CheckboxOptions.textAfterLastBox("一 ☑ 二 ☐\u{FE0F}") == "二☐\u{FE0F}")
        #expect(CheckboxOptions.textAfterLastBox("☑一 ☐二") == nil)
    }
}
