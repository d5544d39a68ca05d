import Foundation
import Testing
@testable import SelfEval

/// The streamed writers must give byte for byte what the in-memory writers give: large inputs
/// go through the first, small ones through the second, and both land in the same files.
@Suite struct StreamedOutputTests {
    static let samples = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleDocs.path))?
        .filter { !$0.hasSuffix(".md") || $0.contains(".html.") || $0.contains(".pipe.") }
        .filter { $0 != "README.md" }.sorted() ?? []

    /// Collects what a stream writer drains, with a small chunk so that many drains happen.
    static func streamed(pretty: Bool = true, _ write: (inout JSONStreamWriter) throws -> Void) throws -> [UInt8] {
        var out: [UInt8] = []
        var chunks = 0
        var writer = JSONStreamWriter(pretty: pretty, chunkSize: 97) { out += $0; chunks += 1 }
        try write(&writer)
        try writer.flush()
        return out
    }

    @Test(arguments: samples) func documentJSONIsTheSame(_ name: String) throws {
        let evaluation = try Converter().convert(fileAt: TestPaths.sample(name))
        let streamed = try Self.streamed { try evaluation.writeJSON(to: &$0) }
        #expect(streamed == JSONWriter.utf8(evaluation.json))
    }

    @Test(arguments: samples) func formLinesAreTheSame(_ name: String) throws {
        let evaluation = try Converter().convert(fileAt: TestPaths.sample(name))
        let streamed = try Self.streamed(pretty: false) { try evaluation.writeFormLines(file: "x/\(name)", to: &$0) }
        #expect(String(decoding: streamed, as: UTF8.self) == evaluation.formLines(file: "x/\(name)").joined())
    }

    @Test(arguments: samples) func csvRecordsAreTheSame(_ name: String) throws {
        let evaluation = try Converter().convert(fileAt: TestPaths.sample(name))
        func streamed<Sheet: CSVSheet>(_ sheet: Sheet.Type) throws -> String {
            var text = ""
            try Sheet.writeRecords(of: evaluation, file: name, chunkSize: 100) { text += $0 }
            return text
        }
        #expect(try streamed(FormsCSV.self) == FormsCSV.encodedRecords(of: evaluation, file: name))
        #expect(try streamed(IndicatorsCSV.self) == IndicatorsCSV.encodedRecords(of: evaluation, file: name))
        #expect(try streamed(FundsCSV.self) == FundsCSV.encodedRecords(of: evaluation, file: name))
    }

    @Test(arguments: samples) func inspectionJSONIsTheSame(_ name: String) throws {
        let document = try readSample(name)
        let streamed = try Self.streamed { try document.writeInspectionJSON(to: &$0) }
        #expect(streamed == JSONWriter.utf8(document.inspectionJSON))
    }

    @Test func emptyContainersAndAnEmptyDocument() throws {
        let empty = Evaluation(source: SourceInfo(path: "e", format: .tsv, encoding: nil, bytes: 0, sha256: ""),
                               forms: [Form(kind: .projectExpenditure)], tables: [TableGrid(slots: [[], []], location: .line(1))], diagnostics: [])
        #expect(try Self.streamed { try empty.writeJSON(to: &$0) } == JSONWriter.utf8(empty.json))
    }

    /// Slots that do not pack (nested tables, numbers past 32 bits) are kept whole and read back.
    @Test func wideSlotsReadBackAsGiven() {
        let slots: [[GridSlot]] = [
            [.cell(TableCell(text: "a", rowSpan: 2, colSpan: 1, line: 3_000_000_000, nestedTables: [1])), .cell(TableCell(text: "b", line: 4))],
            [.covered(anchorRow: 0, anchorColumn: 0), .cell(TableCell(text: "", rowSpan: 1, colSpan: Int(Int32.max) + 1))],
        ]
        let grid = TableGrid(slots: slots, location: .line(1))
        #expect(grid.slots == slots)
        #expect(grid.visibleText(row: 1, column: 0) == "a")
        #expect(grid.text(row: 0, column: 0) == "a")
        #expect(grid.text(row: 1, column: 0) == nil)
        #expect(grid.merges.count == 2)
    }
}
