import Testing
@testable import SelfEval

/// Pipe cells may come back trimmed from the split (`PipeTableSyntax.cells(_:trimmedUpTo:)`):
/// what the grid keeps of each, its `InlineMarkup.plainTrimmed` text, must be what it keeps of
/// the cell as written, whatever the padding, markup, escapes and length limit.
@Suite struct PipeCellTrimmingTests {
    @Test func trimmedCellsCleanAsTheCellsAsWritten() {
        var generator = SplitMix64(seed: 31)
        let pieces = ["文字", " ", "  ", "\t", "\u{3000}", "\u{00A0}", "a", "<br>", "<b>x</b>", "&amp;", "&", "<", "\\|", "85%", "\u{FEFF}", "\u{2028}"]
        for round in 0..<2_000 {
            var line = Bool.random(using: &generator) ? "|" : ""
            for cell in 0..<Int.random(in: 1...5, using: &generator) {
                if cell > 0 { line += "|" }
                for _ in 0..<Int.random(in: 0...5, using: &generator) { line += pieces.randomElement(using: &generator)! }
            }
            if Bool.random(using: &generator) { line += "|" }
            let limit = round % 4 == 0 ? Int.random(in: 0...8, using: &generator) : ReadLimits.standard.maxCellTextLength
            let written = PipeTableSyntax.cells(line[...], trimmedUpTo: -1)
            let trimmed = PipeTableSyntax.cells(line[...], trimmedUpTo: limit)
            #expect(written.count == trimmed.count, "\(line)")
            for (a, b) in zip(written, trimmed) {
                #expect(b == a || b.utf8.count <= limit, "\(line)")
                #expect(InlineMarkup.plainTrimmed(a) == InlineMarkup.plainTrimmed(b), "\(line)")
            }
        }
    }
}
