import Foundation
import Testing
@testable import SelfEval

@Suite struct SeedGridTests {
    @Test(arguments: Seeds.shapes.map(\.file))
    func seedTablesHaveTheirShapes(_ name: String) throws {
        let expected = Seeds.shapes.first { $0.file == name }!.tables
        let document = try readSample(name + ".txt")
        #expect(document.tables.map(Seeds.Shape.init) == expected)
    }

    /// The cells export: every fragment of text in the file (each TAB-led cell piece, each
    /// continuation or paragraph line) is in exactly one place, a cell's line or a paragraph.
    @Test(arguments: ["000_5320e8de541ccc4b", "002_47886201469e3381", "003_7518ab3a3420526e"])
    func cellsSeedsKeepEveryFragmentOnce(_ name: String) throws {
        let raw = try rawSample(name + ".txt")
        var source: [String] = []
        for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
            let pieces = line.first == "\t" ? line.dropFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init) : [String(line)]
            for piece in pieces {
                source += InlineMarkup.plainText(piece).split(separator: "\n").map(\.trimmed).filter { !$0.isEmpty }
            }
        }
        let document = try readSample(name + ".txt")
        let read = (anchoredTexts(document) + document.paragraphs.map(\.text))
            .flatMap { $0.split(separator: "\n").map(\.trimmed) }.filter { !$0.isEmpty }
        #expect(multiset(read) == multiset(source))
    }

    /// TSV: every non-empty TAB-separated field is one anchored cell.
    @Test(arguments: ["001_681a95170c656760", "004_6177011436b552d0"])
    func tsvSeedsKeepEveryFieldOnce(_ name: String) throws {
        let raw = try rawSample(name + ".txt")
        let fields = raw.split(separator: "\n").filter { $0.contains("\t") }
            .flatMap { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            .map { InlineMarkup.plainText(String($0)).trimmed }.filter { !$0.isEmpty }
        let document = try readSample(name + ".txt")
        #expect(multiset(anchoredTexts(document)) == multiset(fields))
    }

    /// HTML variants: every non-empty `<td>` is one anchored cell.
    @Test(arguments: Seeds.names)
    func htmlVariantsKeepEveryCellOnce(_ name: String) throws {
        let raw = try rawSample(name + ".html.md")
        let pattern = try NSRegularExpression(pattern: "<td[^>]*>(.*?)</td>", options: [.dotMatchesLineSeparators])
        let ns = raw as NSString
        let cells = pattern.matches(in: raw, range: NSRange(location: 0, length: ns.length))
            .map { collapsed(InlineMarkup.plainText(ns.substring(with: $0.range(at: 1)))) }
            .filter { !$0.isEmpty }
        let document = try readSample(name + ".html.md")
        #expect(multiset(anchoredTexts(document).map(collapsed)) == multiset(cells))
    }

    /// The Markdown variants were written from the seeds' grids, so they read back to them
    /// (HTML collapses runs of spaces, so spaces are compared collapsed).
    @Test(arguments: Seeds.names.map { $0 + ".html.md" } + ["001_681a95170c656760.pipe.md"])
    func markdownVariantsGiveTheSeedGrids(_ variant: String) throws {
        let seed = String(variant.prefix(20)) + ".txt"
        let original = try readSample(seed)
        let document = try readSample(variant)
        #expect(document.source.format == .markdown)
        #expect(document.tables.map(Seeds.Shape.init) == original.tables.map(Seeds.Shape.init))
        for (a, b) in zip(document.tables, original.tables) {
            #expect(a.slots.map { $0.map { $0.text.map(collapsed) } } == b.slots.map { $0.map { $0.text.map(collapsed) } })
        }
        #expect(document.paragraphs.map(\.text) == original.paragraphs.map(\.text))
        #expect(document.paragraphs.map(\.headingLevel) == original.paragraphs.map(\.headingLevel))
    }

    @Test func sniffingPicksEachSampleFormat() throws {
        let expected: [String: SourceFormat] = [
            "000_5320e8de541ccc4b.txt": .cells, "002_47886201469e3381.txt": .cells, "003_7518ab3a3420526e.txt": .cells,
            "001_681a95170c656760.txt": .tsv, "004_6177011436b552d0.txt": .tsv,
            "001_681a95170c656760.pipe.md": .markdown, "000_5320e8de541ccc4b.html.md": .markdown,
            "004_6177011436b552d0.html.md": .markdown,
            "000_5320e8de541ccc4b.gb18030.txt": .cells, "003_7518ab3a3420526e.utf16.txt": .cells,
            "004_6177011436b552d0.crlf.txt": .tsv,
        ]
        for (file, format) in expected {
            #expect(try readSample(file).source.format == format, "\(file)")
        }
        #expect(DocumentReader.sniff("<!DOCTYPE html>\n<html><body><p>x</p>\n\t\t<table><tr><td>a</td></tr></table>\n</body></html>") == .html)
        #expect(DocumentReader.sniff("<table border=1>\n<tr><td>a</td></tr>\n</table>", path: "t.html") == .html)
        #expect(DocumentReader.sniff("<html><body><table><tr><td>a</td></tr></table></body></html>\n\n正文", path: "t.md") == .markdown)
    }
}
