import Foundation
import Testing
@testable import SelfEval

/// The byte-level text helpers must give what the scalar-by-scalar definitions give.
@Suite struct TextBytesTests {
    static let gaps = [" ", "\t", "\n", "\r", "\u{A0}", "\u{2003}", "\u{200B}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}",
                       "\u{85}", "\u{2028}", "\u{2029}"]
    static let texts = ["", "指标", "a b", "“引号”", "\u{2010}x", "\u{E000}", "x\u{300}"]

    /// `trimmed` as defined on scalars: drop layout spaces and line breaks at both ends.
    static func reference(_ s: Substring) -> String {
        let scalars = Array(s.unicodeScalars)
        let keep: (Unicode.Scalar) -> Bool = { !($0.isLayoutSpace || $0.isLineBreak) }
        guard let first = scalars.firstIndex(where: keep), let last = scalars.lastIndex(where: keep) else { return "" }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[first...last])
        return out
    }

    @Test func trimmingMatchesTheScalarDefinition() {
        for text in Self.texts {
            for head in [""] + Self.gaps {
                for tail in [""] + Self.gaps {
                    let s = head + text + tail + tail
                    #expect(s.trimmed == Self.reference(s[...]), "\(s.debugDescription)")
                    let sub = ("z" + s + "z").dropFirst().dropLast()
                    #expect(sub.trimmed == Self.reference(sub))
                    #expect(String(TextBytes.trimmed(sub)) == Self.reference(sub))
                }
            }
        }
    }

    @Test func blankMeansOnlySpacesAndBreaks() {
        for text in Self.texts {
            for gap in [""] + Self.gaps {
                let s = gap + text + gap
                #expect(s.isBlank == s.unicodeScalars.allSatisfy { $0.isLayoutSpace || $0.isLineBreak }, "\(s.debugDescription)")
                #expect(s[...].isBlank == s.isBlank)
            }
        }
    }

    @Test func splitBytesMatchesSplit() {
        for text in ["", "\n", "a", "a\n", "\na", "a\n\nb", "指标\n\n\n值\n", String(repeating: "行\n", count: 40)] {
            #expect(text.lineSlices().map(String.init) == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            #expect(text.lineSlices(omittingEmpty: true).map(String.init) == text.split(separator: "\n").map(String.init))
            let sub = ("\n" + text + "\n").dropFirst()
            #expect(sub.splitBytes(UInt8(ascii: "\n")).map(String.init) == sub.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    @Test func lineEndsBecomeLF() {
        let cases = [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("\r\r\n", "\n\n"), ("指标\r", "指标\n"), ("no breaks", "no breaks"), ("\r\n\r\n", "\n\n")]
        for (input, expected) in cases {
            #expect(DecodedText.normalisedLineEnds(input) == expected)
            #expect(DecodedText.normalisedLineEnds(input) == input.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        }
    }

    /// Surrogate pairs, lone and reversed surrogates, and every UTF-8 length, against the standard library.
    @Test func utf16BecomesTheSameText() {
        var generator = SystemRandomNumberGenerator()
        let samples: [[UInt16]] = [
            [], [0x41], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF], [0xD83D, 0xDE00], [0xD83D], [0xDE00], [0xDE00, 0xD83D],
            [0xD800, 0xD800, 0xDC00], [0x6307, 0x6807, 0x000A, 0xFEFF], [0xDBFF, 0xDFFF, 0x41, 0xD800],
        ] + (0..<200).map { _ in (0..<Int.random(in: 0..<12, using: &generator)).map { _ in
            [UInt16.random(in: 0...0x7F, using: &generator), UInt16.random(in: 0xD7F0...0xE010, using: &generator),
             UInt16.random(in: 0...0xFFFF, using: &generator)].randomElement(using: &generator)!
        } }
        for units in samples {
            #expect(String(decoding: DecodedText.utf8(fromUTF16: units), as: UTF8.self) == String(decoding: units, as: UTF16.self), "\(units)")
            #expect(DecodedText.utf8(fromUTF16: units) == Array(String(decoding: units, as: UTF16.self).utf8))
        }
    }

    @Test func htmlTextCollapsesWhiteSpace() {
        var collector = HTMLTextCollector()
        func append(_ text: String, line: Int) {
            var text = text
            text.withUTF8 { collector.append(text: $0, line: line) }
        }
        append("  \n", line: 3)
        #expect(collector.isEmpty)
        append("项目\t\t名称 ", line: 4)
        collector.append(symbol: "☑", line: 5)
        collector.lineBreak()
        append("\r\n第二行\u{0C}", line: 6)
        #expect(collector.firstLine == 4)
        #expect(collector.text == "项目 名称 ☑\n第二行")
        collector.reset()
        #expect(collector.isEmpty)
        append("\u{3000}全角\u{3000}", line: 1)
        #expect(collector.text == "\u{3000}全角\u{3000}")
        collector.reset()
        append(" 一 ", line: 1)
        collector.lineBreak()
        collector.lineBreak()
        append("\u{3000}二\u{00A0}三\u{3000}", line: 2)
        collector.lineBreak()
        append(" ", line: 3)
        #expect(collector.text == "一\n二\u{00A0}三")
    }
}

/// `TextBytes.trimmedRange` finds a trailing gap from the start of the last scalar; it must end
/// where looking for a gap of each length (1, 2, 3 bytes) before the end ended, on any bytes.
@Suite struct TrimmedRangeTests {
    static func trimmedByEachLength(_ p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var i = 0
        while i < p.count {
            let n = TextBytes.gapLength(p, i)
            if n == 0 { break }
            i += n
        }
        var j = p.count
        while j > i {
            if j - 1 >= i, TextBytes.gapLength(p, j - 1) == 1 { j -= 1; continue }
            if j - 2 >= i, TextBytes.gapLength(p, j - 2) == 2 { j -= 2; continue }
            if j - 3 >= i, TextBytes.gapLength(p, j - 3) == 3 { j -= 3; continue }
            break
        }
        return i..<j
    }

    @Test func endsWhereEachLengthEnded() {
        var generator = SplitMix64(seed: 71)
        let pieces: [[UInt8]] = [" ", "\t", "\n", "\r", "\u{A0}", "\u{85}", "\u{2000}", "\u{200B}", "\u{202F}", "\u{205F}",
                                 "\u{2028}", "\u{2029}", "\u{3000}", "\u{FEFF}", "文", "a", "é", "😀", "\u{2010}", "\u{3001}", "中", "绩", "效", "目", "～", "%", "\u{1}"].map { Array($0.utf8) }
            + [[0x80], [0xA0], [0xBF], [0xE2], [0xE2, 0x80], [0xC2], [0xEF, 0xBB], [0x8C], [0x9E], [0xB5], [0x0B]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let (fast, reference) = bytes.withUnsafeBufferPointer { (TextBytes.trimmedRange($0), Self.trimmedByEachLength($0)) }
            #expect(fast == reference, "\(bytes)")
        }
    }
}
