import Foundation
import Testing
@testable import SelfEval

/// Hostile or broken input through `DocumentReader().read(data:path:)`: a clear error or a
/// repaired document, never a crash or a hang.
@Suite struct BadInputTests {
    private func read(_ data: Data, _ path: String) throws(InputError) -> SourceDocument {
        try DocumentReader().read(data: data, path: path)
    }

    @Test func anEmptyFileIsNamed() {
        let error = #expect(throws: InputError.self) { try read(Data(), "empty.md") }
        #expect(error?.code == .empty)
        #expect(error?.file == "empty.md")
        #expect(error?.description.hasPrefix("empty.md: error:") == true)
    }

    @Test func randomBytesWithNULsAreBinary() {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for i in stride(from: 7, to: bytes.count, by: 13) { bytes[i] = 0 }
        bytes[0] = 0x00
        let error = #expect(throws: InputError.self) { try read(Data(bytes), "noise.bin") }
        #expect(error?.code == .binary)
        #expect(error?.file == "noise.bin")
    }

    @Test func aFileWithoutATableSaysSo() throws {
        let d = try read(Data("# 标题\n\n只有正文。\n".utf8), "prose.md")
        #expect(d.tables.isEmpty)
        #expect(d.diagnostics.map(\.code) == ["no-table"])
    }

    @Test func hugeAndNegativeSpansAreClamped() throws {
        let d = try read(Data("<table><tr><td rowspan=\"100000\">a</td><td colspan=\"-1\">b</td></tr><tr><td>c</td></tr></table>".utf8), "spans.md")
        #expect(d.tables[0].rowCount == 2 && d.tables[0].columnCount == 2)
        #expect(d.tables[0][0, 0].cell?.rowSpan == 2)
        #expect(d.diagnostics.filter { $0.code == "span-clamped" }.count == 3)
    }

    @Test func aTableWithoutRowsOrCellsIsEmptyNotACrash() throws {
        let d = try read(Data("<table></table>\n<table><tr></tr></table>\n".utf8), "empty-tables.md")
        #expect(d.tables.map(\.rowCount) == [0, 1])
        #expect(d.tables.allSatisfy { $0.columnCount == 0 })
        #expect(!GridRenderer.render(d).isEmpty)
    }

    @Test func brokenMarkupIsRepaired() throws {
        let d = try read(Data("<table><tr><td>a<td>b<tr><td>c</table></td></td>\n".utf8), "broken.md")
        #expect(d.tables[0].slots.map { $0.map(\.text) } == [["a", "b"], ["c", ""]])
    }

    /// Ten megabytes on one line, as plain text, as a pipe row and as an HTML table row (cells
    /// of a kilobyte, so that the line's length is tested rather than the cell count): each reads
    /// or fails on a limit, in linear time. A release build reads each in under a second; the
    /// bound is loose because a debug build hashes 10 MB in about 3 s on a shared machine.
    @Test(.serialized, arguments: ["prose", "pipes", "html"])
    func aTenMegabyteLineIsQuick(_ kind: String) throws {
        let size = 10 << 20
        let cell = String(repeating: "绩效", count: 170)
        let cells = size / cell.utf8.count
        let line: String
        switch kind {
        case "prose": line = String(repeating: "绩效", count: size / 6)
        case "pipes": line = "|" + String(repeating: cell + "|", count: cells)
        default: line = "<table><tr>" + String(repeating: "<td>" + cell + "</td>", count: cells) + "</tr></table>"
        }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let d = try read(Data(line.utf8), "long.md")
            #expect(d.tables.count == (kind == "prose" ? 0 : 1))
            if kind != "prose" { #expect(d.tables[0].columnCount == cells) }
        } catch {
            #expect(error.code == .limitExceeded)
        }
        // A hang guard, not a speed test: a quadratic scan of 10 MB would take hours.
        #expect(clock.now - start < .seconds(120 * ChildProcess.sanitizerFactor))
    }

    @Test func aParagraphLineOverTheCellLimitIsCutAndReported() throws {
        var limits = ReadLimits()
        limits.maxCellTextLength = 100
        let d = try DocumentReader(limits: limits).read(data: Data(String(repeating: "绩", count: 1000).utf8), path: "long.md")
        #expect(d.paragraphs.first?.text == String(repeating: "绩", count: 33))
        #expect(d.diagnostics.contains { $0.code == "text-truncated" && $0.line == 1 })
    }
}
