import Foundation
import Testing
@testable import SelfEval

/// The sheets write their records cell by cell (`CSVRecordWriter`); their column lists still
/// define the sheets for library users. Both must give the same bytes, on the sample documents
/// and on cells made to be awkward.
@Suite struct CSVRecordWriterTests {
    /// What the column lists make of an evaluation: each row's cell texts, encoded as records.
    private static func columnModelText<Sheet: CSVSheet>(_ sheet: Sheet.Type, _ evaluation: Evaluation, file: String) -> String {
        Sheet.records(of: evaluation, file: file).map(CSVEncoding.record).joined()
    }

    private static func expectSheetsMatchColumns(_ evaluation: Evaluation, file: String) throws {
        func check<Sheet: CSVSheet>(_ sheet: Sheet.Type) throws {
            let expected = columnModelText(sheet, evaluation, file: file)
            #expect(Sheet.encodedRecords(of: evaluation, file: file) == expected, "\(Sheet.fileName) of \(file)")
            var chunks: [String] = []
            try Sheet.writeRecords(of: evaluation, file: file, chunkSize: 100) { chunks.append($0) }
            #expect(chunks.joined() == expected, "\(Sheet.fileName) of \(file) in chunks")
            #expect(chunks.dropLast().allSatisfy { $0.utf8.count >= 100 })
        }
        try check(FormsCSV.self)
        try check(IndicatorsCSV.self)
        try check(FundsCSV.self)
        #expect(FormsCSV.encodedRecordBytes(of: evaluation, file: file) == Array(columnModelText(FormsCSV.self, evaluation, file: file).utf8))
        #expect(IndicatorsCSV.encodedRecordBytes(of: evaluation, file: file) == Array(columnModelText(IndicatorsCSV.self, evaluation, file: file).utf8))
        #expect(FundsCSV.encodedRecordBytes(of: evaluation, file: file) == Array(columnModelText(FundsCSV.self, evaluation, file: file).utf8))
    }

    @Test func sampleDocumentsGiveTheColumnListsBytes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleDocs.path)
            .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md") || $0.hasSuffix(".docx")) && !$0.hasPrefix("README") }.sorted()
        #expect(names.count >= 19)
        for name in names {
            let evaluation = try Converter().convert(fileAt: TestPaths.sample(name))
            #expect(!evaluation.forms.isEmpty, "\(name)")
            try Self.expectSheetsMatchColumns(evaluation, file: "SampleDocs/\(name)")
        }
    }

    @Test func awkwardCellsGiveTheColumnListsBytes() throws {
        let texts = ["", "plain", "城乡居民参保人数", "a,b", "他说\"好\"", "\"", "\"\"", ",", "第一行\n第二行", "x\r\ny", "\r",
                     "=SUM(A1)", "+1", "-2", "@x", " 前后空格 ", "12345678,", "1234567\"", "abcdefgh\n", "≥95%，达标",
                     String(repeating: "长文本", count: 40) + ",", "\t制表"]
        let numbers: [Double?] = [nil, 0, -0.0, 1, -2.5, 100, 531.19, 1234567.25, 0.00001, 1.5e20, 1e15, 999_999_999_999_999,
                                  -1e-7, 0.1 + 0.2, .nan, .infinity, 2.375, 400, 12.5, 327.67, 1e300]
        func text(_ i: Int) -> String { texts[i % texts.count] }
        func optionalText(_ i: Int) -> String? { i % 5 == 4 ? nil : text(i) }
        func number(_ i: Int) -> Double? { numbers[i % numbers.count] }
        func value(_ i: Int) -> Value? {
            i % 7 == 6 ? nil : Value(text: text(i), number: number(i), unit: i % 3 == 0 ? "%" : optionalText(i + 1),
                                     comparator: i % 4 == 0 ? "≥" : optionalText(i + 2))
        }

        var forms: [Form] = []
        for f in 0..<6 {
            var form = Form(kind: [FormKind.projectExpenditure, .departmentOverall, .indicatorFramework][f % 3])
            form.title = optionalText(f)
            form.attachment = optionalText(f + 1)
            form.year = f % 2 == 0 ? 2020 + f : nil
            form.filledDate = optionalText(f + 2)
            form.info.projectName = optionalText(f + 3)
            form.info.unitName = optionalText(f + 4)
            form.info.supervisor = optionalText(f + 5)
            form.info.implementer = optionalText(f + 6)
            form.grade = optionalText(f + 7)
            form.total = FormTotal(weight: value(f), score: value(f + 1))
            form.tables = [f, f + 1]
            form.checks = (0..<f).map { Check(rule: "r\($0)", status: $0 % 2 == 0 ? .fail : .pass, message: "m") }
            for l in 0..<(f % 4) {
                var line = FundLine(label: text(f + l), role: [FundLine.Role.total, .currentYear, .carryover, .other][(f + l) % 4],
                                    source: CellSource(table: f, rows: [l]))
                line.initialBudget = value(l)
                line.annualBudget = value(l + 1)
                line.executed = value(l + 2)
                line.weight = value(l + 3)
                line.score = value(l + 4)
                line.executionRate = [Value(text: "85.8%", number: 85.8, unit: "%"), Value(text: "0.858", number: 0.858),
                                      Value(text: "1.5", number: 1.5), Value(text: "2", number: 2), Value(text: "x"), nil][(f + l) % 6]
                form.funds.append(line)
            }
            form.fundSources = (0..<(f % 3)).map { FundSource(dimension: text($0 + 3), label: text($0 + f), amount: value($0 + 5)) }
            for i in 0..<(10 + 7 * f) {
                var indicator = Indicator(source: CellSource(table: f, rows: [i]))
                indicator.code = i % 3 == 0 ? optionalText(i) : nil
                indicator.level1 = optionalText(i)
                indicator.level2 = optionalText(i + 1)
                indicator.level3 = optionalText(i + 2)
                indicator.level1Weight = number(i)
                indicator.level2Weight = number(i + 1)
                indicator.level3Weight = number(i + 2)
                indicator.target = value(i)
                indicator.actual = value(i + 3)
                indicator.weight = value(i + 4)
                indicator.score = value(i + 5)
                indicator.sharedWith = i % 4 == 1 ? i - 1 : nil
                indicator.deviation = i % 2 == 0 ? optionalText(i + 6) : nil
                indicator.criteria = optionalText(i + 7)
                indicator.explanation = i % 5 == 0 ? text(i + 8) : nil
                indicator.dataSource = i % 6 == 0 ? text(i + 9) : nil
                form.indicators.append(indicator)
            }
            forms.append(form)
        }
        let diagnostics = (0..<9).map { Diagnostic(.warning, "label-shifted", "d", table: $0 % 4 == 3 ? nil : $0) }
        let evaluation = Evaluation(source: SourceInfo(path: "a,\"b\".txt", format: .cells, encoding: "utf-8", bytes: 1, sha256: ""),
                                    forms: forms, tables: [], diagnostics: diagnostics)
        for file in ["a,\"b\".txt", "目录/表.txt", "", "line\nbreak.md"] {
            try Self.expectSheetsMatchColumns(evaluation, file: file)
        }
        let empty = Evaluation(source: SourceInfo(path: "e.txt", format: .cells, encoding: "utf-8", bytes: 0, sha256: ""),
                               forms: [], tables: [], diagnostics: [])
        try Self.expectSheetsMatchColumns(empty, file: "e.txt")
        #expect(IndicatorsCSV.encodedRecords(of: empty, file: "e.txt").isEmpty)
    }

    @Test func quotingTestFindsEverySpecialByteAtEveryPlace() {
        for length in 0..<20 {
            for special in [nil, UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A] as [UInt8?] {
                for place in 0..<max(length, 1) {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                    // Bytes one away from the specials, and a UTF-8 lead byte, must not count.
                    if length > 3 { bytes[(place + 1) % length] = [0x2B, 0x2D, 0x21, 0x23, 0x0C, 0x0E, 0x0B, 0xE4][place % 8] }
                    if let special, place < length { bytes[place] = special }
                    let naive = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
                    #expect(bytes.withUnsafeBufferPointer(CSVEncoding.needsQuotes) == naive, "\(bytes)")
                }
            }
        }
    }

    @Test func textCellsAreTheFieldsAsText() {
        for text in ["", "plain", "a,b", "\"", "say \"hi\" twice \"\"", "第一行\n第二行", "x\r\ny", "尾引号\""] {
            var out = CSVRecordWriter()
            out.text(text)
            out.endRecord()
            #expect(out.text == CSVEncoding.field(text) + "\r\n")
        }
    }

    @Test func numbersIntoABufferAreTheNumbersAsText() {
        let doubles: [Double?] = [nil, 0, -0.0, 7, -7, 0.5, 531.19, 1e15, -1e15, 1e15 - 1, 1.5e20, 1e-7, -2.5e-9, 0.1 + 0.2,
                                  .nan, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude, 123456789.123]
        for number in doubles {
            var buffer = ByteBuffer()
            CSVNumber.write(number, into: &buffer)
            #expect(buffer.text == CSVNumber.text(number), "\(String(describing: number))")
        }
        for number in [nil, 0, 9, 10, -1, Int.max, Int.min] as [Int?] {
            var buffer = ByteBuffer()
            CSVNumber.write(number, into: &buffer)
            #expect(buffer.text == CSVNumber.text(number))
        }
        for rate in [nil, Value(text: ""), Value(text: "85.8%", number: 85.8, unit: "%"), Value(text: "0.858", number: 0.858),
                     Value(text: "1.5", number: 1.5), Value(text: "0.1%", number: 0.1, unit: "%"), Value(text: "0.123456", number: 0.123456)] {
            var buffer = ByteBuffer()
            CSVPercent.write(rate, into: &buffer)
            #expect(buffer.text == CSVPercent.text(rate))
        }
    }

    @Test func writerSeparatesCellsAndEndsRecords() {
        var out = CSVRecordWriter()
        out.text("a,b")
        out.empty(2)
        out.number(2.5)
        out.value(Value(text: "≥31万人", number: 31, unit: "万人", comparator: "≥"))
        out.value(nil)
        out.text(nil)
        out.endRecord()
        #expect(out.text == "\"a,b\",,,2.5,≥31万人,31,万人,≥,,,,,\r\n")
        out.removeAll()
        out.text("x")
        out.number(1)
        let kept = out.take()
        #expect(out.isEmpty && kept == Array("x,1,".utf8))
        out.cells(kept)
        out.percent(Value(text: "0.5", number: 0.5))
        out.endRecord()
        out.cells(kept)
        out.number(Int?.none)
        out.endRecord()
        #expect(out.text == "x,1,50\r\nx,1,\r\n")
    }

    @Test func byteBufferTakesBackItsLastByte() {
        var buffer = ByteBuffer()
        buffer.append("ab,")
        buffer.removeLast()
        buffer.append(0x0D, 0x0A)
        #expect(buffer.bytes == Array("ab\r\n".utf8))
    }
}
