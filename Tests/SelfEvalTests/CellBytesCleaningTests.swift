import Testing
@testable import SelfEval

/// Readers hand a cell's bytes to `PendingTable`, which cleans them with
/// `InlineMarkup.plainTrimmed(bytes:)` instead of making a String of the cell as written and
/// cleaning that: both must give the same text, and the pipe split's bytes must be the cells
/// that `PipeTableSyntax.cells` makes.
@Suite struct CellBytesCleaningTests {
    static let pieces = ["文字", " ", "  ", "\t", "\n", "\u{3000}", "\u{00A0}", "a", "<br>", "<b>x</b>", "&amp;", "&", "<",
                         "85%", "\u{FEFF}", "\u{2028}", "\u{301}", "<input type=checkbox checked>", "&#x6587;", "\r\n", "|"]

    static func cleanedFromBytes(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { InlineMarkup.plainTrimmed(bytes: $0) }
    }

    @Test(arguments: InlineMarkupTests.samples + ["  plain  ", "\u{3000}全角空格\u{3000}", "\n a <br> b \n", " &amp; ", "\u{A0}x\u{2028}", "", " "])
    func bytesCleanAsTheString(_ text: String) {
        #expect(Self.cleanedFromBytes(text) == InlineMarkup.plainTrimmed(text))
    }

    @Test func generatedCellsCleanAsTheirStrings() {
        var generator = SplitMix64(seed: 47)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...7, using: &generator) { text += Self.pieces.randomElement(using: &generator)! }
            #expect(Self.cleanedFromBytes(text) == InlineMarkup.plainTrimmed(text), "\(text.debugDescription)")
        }
    }

    @Test func pipeCellBytesAreTheCellsAsWritten() {
        var generator = SplitMix64(seed: 53)
        let pieces = Self.pieces.filter { $0 != "\n" && $0 != "\r\n" } + ["\\|", "\\"]
        for _ in 0..<2_000 {
            var line = Bool.random(using: &generator) ? "|" : ""
            for cell in 0..<Int.random(in: 1...5, using: &generator) {
                if cell > 0 { line += "|" }
                for _ in 0..<Int.random(in: 0...5, using: &generator) { line += pieces.randomElement(using: &generator)! }
            }
            if Bool.random(using: &generator) { line += "|" }
            var fromBytes: [String] = []
            PipeTableSyntax.forEachCell(line[...]) { fromBytes.append(String(decoding: $0, as: UTF8.self)) }
            #expect(fromBytes == PipeTableSyntax.cells(line[...], trimmedUpTo: -1), "\(line.debugDescription)")
        }
    }
}
