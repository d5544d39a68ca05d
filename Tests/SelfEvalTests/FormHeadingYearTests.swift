import Testing
@testable import SelfEval

@Suite struct FormHeadingYearTests {
    /// Titles read in the bytes (own-NFC text) and through Characters (text with a combining
    /// mark or a compatibility ideograph) must give the year a person reads in them.
    @Test(arguments: [
        ("（2022年度）", 2022), ("2020年度档案服务项目绩效自评表", 2020), ("( 2022 年度 )", 2022), ("２０２３年部门", 2023),
        ("12020年", nil), ("1989年", nil), ("2101年", nil), ("项目2021", nil), ("x2019年y", 2019), ("1234年2024年", 2024),
        ("é2022年度", 2022), ("2022年\u{301}度", nil), ("\u{F94F}计2021年", 2021), ("", nil), ("年", nil),
    ] as [(String, Int?)])
    func yearIsTheFourDigitsBefore年(text: String, year: Int?) {
        #expect(FormHeading.year(in: text) == year, "\(text)")
    }
}
