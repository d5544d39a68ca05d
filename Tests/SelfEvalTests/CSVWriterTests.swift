import Foundation
import Testing
@testable import SelfEval

@Suite struct CSVWriterTests {
    @Test func plainFieldsAreLeftAlone() {
        #expect(CSVEncoding.field("城乡居民参保人数") == "城乡居民参保人数")
        #expect(CSVEncoding.field("≥95%") == "≥95%")
        #expect(CSVEncoding.field("") == "")
    }

    @Test func commasQuotesAndLineBreaksAreQuoted() {
        #expect(CSVEncoding.field("a,b") == "\"a,b\"")
        #expect(CSVEncoding.field("他说\"好\"") == "\"他说\"\"好\"\"\"")
        #expect(CSVEncoding.field("第一行\n第二行") == "\"第一行\n第二行\"")
        #expect(CSVEncoding.field("x\r\ny") == "\"x\r\ny\"")
    }

    @Test func recordsEndWithCRLFAndParseBack() throws {
        let fields = ["a,b", "say \"hi\"", "two\nlines", "", "plain"]
        let text = CSVEncoding.record(["h1", "h2", "h3", "h4", "h5"]) + CSVEncoding.record(fields)
        #expect(text.hasSuffix("plain\r\n"))
        #expect(try StrictCSVParser.parse(text) == [["h1", "h2", "h3", "h4", "h5"], fields])
    }

    @Test func byteOrderMarkIsOnByDefaultAndCanBeLeftOut() {
        let withMark = CSVEncoding.header(["文件"], options: CSVOptions())
        #expect(Array(withMark.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let without = CSVEncoding.header(["文件"], options: CSVOptions(byteOrderMark: false))
        #expect(without == "文件\r\n")
    }

    @Test func headersAreChineseByDefaultAndEnglishOnRequest() {
        let zh = IndicatorsCSV.header(CSVOptions().headers)
        let en = IndicatorsCSV.header(.english)
        #expect(zh.starts(with: ["文件", "表序号", "类型", "年度", "项目名称", "单位名称"]))
        #expect(zh.contains("三级指标") && zh.contains("年度指标值数值") && zh.contains("得分"))
        #expect(en.starts(with: ["file", "formIndex", "kind", "year", "projectName", "unitName"]))
        #expect(["level1", "level2", "level3", "targetText", "targetNumber", "targetUnit", "targetComparator",
                 "actualText", "actualNumber", "weight", "score", "sharedWith", "deviation"].allSatisfy(en.contains))
        for header in [zh, en, FormsCSV.header(.chinese), FormsCSV.header(.english), FundsCSV.header(.chinese), FundsCSV.header(.english)] {
            #expect(Set(header).count == header.count, "header names must be unique: \(header)")
        }
        #expect(zh.count == en.count)
    }

    @Test func numbersArePlainForSpreadsheets() {
        #expect(CSVNumber.text(100.0) == "100")
        #expect(CSVNumber.text(531.19) == "531.19")
        #expect(CSVNumber.text(-2.5) == "-2.5")
        #expect(CSVNumber.text(1234567.25) == "1234567.25")
        #expect(CSVNumber.text(0.00001) == "0.00001")
        #expect(CSVNumber.text(1.5e20) == "150000000000000000000")
        #expect(CSVNumber.text(Double?.none) == "")
        #expect(CSVNumber.text(Double.nan) == "")
    }

    @Test func executionRatesAreInPercentWhateverTheirPrint() {
        #expect(CSVPercent.text(Value(text: "85.8%", number: 85.8, unit: "%")) == "85.8")
        #expect(CSVPercent.text(Value(text: "0.858", number: 0.858)) == "85.8")
        #expect(CSVPercent.text(Value(text: "100", number: 100)) == "100")
        #expect(CSVPercent.text(nil) == "")
    }

    @Test func indicatorRowsCarryTheirFormAndValues() throws {
        var form = Form(kind: .projectExpenditure)
        form.info.projectName = "城乡居保参保乡镇考核"
        form.year = 2022
        var indicator = Indicator(source: CellSource(table: 0, rows: [3]))
        indicator.level1 = "产出指标"
        indicator.level3 = "参保人数, 含\"新增\""
        indicator.target = Value(text: "≥31万人", number: 31, unit: "万人", comparator: "≥")
        indicator.weight = Value(text: "10分", number: 10, unit: "分")
        indicator.score = Value(text: "9.5", number: 9.5)
        form.indicators = [indicator]
        let evaluation = Evaluation(source: SourceInfo(path: "a.txt", format: .cells, encoding: "utf-8", bytes: 1, sha256: ""),
                                    forms: [form], tables: [], diagnostics: [])
        var export = CSVExport(options: CSVOptions(byteOrderMark: false, headers: .english))
        export.add(evaluation)
        let rows = try StrictCSVParser.table(export.indicators)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["file"] == "a.txt" && row["formIndex"] == "0" && row["year"] == "2022")
        #expect(row["projectName"] == "城乡居保参保乡镇考核")
        #expect(row["level3"] == "参保人数, 含\"新增\"")
        #expect(row["targetText"] == "≥31万人" && row["targetNumber"] == "31" && row["targetUnit"] == "万人" && row["targetComparator"] == "≥")
        #expect(row["weight"] == "10" && row["score"] == "9.5")
        #expect(row["actualText"] == "" && row["sharedWith"] == "")
        let forms = try StrictCSVParser.table(export.forms)
        #expect(forms.count == 1 && forms[0]["indicatorCount"] == "1" && forms[0]["failedChecks"] == "0")
    }

    @Test func fundsSheetCarriesLinesAndSources() throws {
        let evaluation = try Converter().convert(fileAt: TestPaths.sample("000_5320e8de541ccc4b.txt"))
        let rows = try StrictCSVParser.table(FundsCSV.records(of: evaluation, file: "x").map(CSVEncoding.record).joined()
            .prepending(CSVEncoding.record(FundsCSV.header(.english))))
        let lines = evaluation.forms.reduce(0) { $0 + $1.funds.count }
        let sources = evaluation.forms.reduce(0) { $0 + $1.fundSources.count }
        #expect(rows.filter { $0["lineKind"] == "line" }.count == lines)
        #expect(rows.filter { $0["lineKind"] == "source" }.count == sources)
        #expect(rows.contains { $0["role"] == "total" && $0["initialBudget"] == "531.19" })
    }

    @Test func embeddedSchemaIsTheCommittedFile() throws {
        let committed = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("schema/selfeval.schema.json"), encoding: .utf8)
        #expect(EvaluationSchema.text == committed,
                "run Scripts/embed-schema after editing schema/selfeval.schema.json")
    }
}

private extension String {
    func prepending(_ head: String) -> String { head + self }
}
