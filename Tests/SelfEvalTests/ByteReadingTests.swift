import Foundation
import Testing
@testable import SelfEval

/// Readers that cut text by byte offsets must read what the Substring and String steps they
/// replaced read.
@Suite struct ByteReadingTests {
    @Test func nonBlankLinesJoinAsTrimmedLineSlicesJoin() {
        var generator = SplitMix64(seed: 41)
        let pieces = ["文", "a", " ", "\n", "\n\n", "\t", "\u{3000}", "\u{00A0}", "\u{2028}", "\r", "\u{85}", "\u{FEFF}", "x y"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let expected = text.lineSlices().map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
            var copy = text
            #expect(copy.withUTF8(TextBytes.joiningNonBlankLines) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    /// The cells export cut into cells, continued cells, paragraphs and cut-off lines (a line is
    /// cut before the limit's character, then read: `\t甲\t乙乙乙` keeps `\t甲\t`, an empty cell
    /// that `续` continues). The expectations are what the Substring reader made of this text.
    @Test func cellsExportReadsCellsContinuationsAndCutLines() throws {
        var limits = ReadLimits()
        limits.maxCellTextLength = 7
        let text = ["标题", "", "\t甲\t乙乙乙", "续", "\t丙", "", "  段落  ", "\t丁丁丁", ""].joined(separator: "\n")
        let source = SourceInfo(path: "t", format: .cells, encoding: "utf-8", bytes: 0, sha256: "")
        let document = try CellsReader(limits: limits).read(text, source: source)
        #expect(document.paragraphs.map(\.text) == ["标题", "段"])
        #expect(document.tables.count == 2)
        let first = document.tables[0]
        #expect((0..<first.columnCount).map { first.text(row: 0, column: $0) } == ["甲", "续", "丙"])
        #expect(first[0, 2].cell?.line == 5)
        #expect(document.tables[1].text(row: 0, column: 0) == "丁丁")
        let cut = document.diagnostics.filter { $0.code == "text-truncated" }.map(\.line)
        #expect(cut == [3, 7, 8])
    }

    /// A file read with `lstat`/`open`/`read` is the file read through Foundation, and where
    /// that way fails (a link to a directory, a dangling link, an empty file) Foundation's way
    /// says why, as before.
    @Test func filesReadWithPOSIXAsThroughFoundation() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readers-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        for name in ["004_6177011436b552d0.txt", "001_681a95170c656760.html.md", "003_7518ab3a3420526e.utf16.txt", "002_47886201469e3381.docx"] {
            let document = try DocumentReader().read(fileAt: TestPaths.sample(name))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sample(name)))
            let expected = try DocumentReader().read(data: bytes, path: TestPaths.sample(name))
            #expect(document.inspectionJSON == expected.inspectionJSON, "\(name)")
        }
        try FileManager.default.createDirectory(atPath: path("dir"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path("linkdir"), withDestinationPath: path("dir"))
        try FileManager.default.createSymbolicLink(atPath: path("dangling"), withDestinationPath: path("missing"))
        FileManager.default.createFile(atPath: path("empty"), contents: Data())
        try FileManager.default.createSymbolicLink(atPath: path("linkempty"), withDestinationPath: path("empty"))
        func failure(_ name: String, limits: ReadLimits = .standard) -> InputError? {
            do { _ = try DocumentReader(limits: limits).read(fileAt: path(name)) } catch { return error }
            return nil
        }
        #expect(failure("dir")?.message == "is a directory")
        #expect(failure("linkdir").map { $0.code == .unreadable && $0.message.hasPrefix("cannot be read: ") } == true)
        #expect(failure("dangling").map { $0.code == .unreadable && $0.message.hasPrefix("cannot be read: ") } == true)
        #expect(failure("missing").map { $0.code == .unreadable && $0.message.hasPrefix("cannot be read: ") } == true)
        #expect(failure("empty")?.code == .empty)
        #expect(failure("linkempty")?.code == .empty)
        try Data("a\tb\n".utf8).write(to: URL(fileURLWithPath: path("small.txt")))
        var limits = ReadLimits()
        limits.maxInputBytes = 3
        #expect(failure("small.txt", limits: limits)?.code == .tooLarge)
        #expect(failure("small.txt", limits: limits)?.message.hasPrefix("is 4 bytes") == true)
        // A link's own size says nothing of its file's: the file is measured before it is read.
        try Data(repeating: 0x61, count: 300).write(to: URL(fileURLWithPath: path("long.txt")))
        try FileManager.default.createSymbolicLink(atPath: path("linklong"), withDestinationPath: path("long.txt"))
        limits.maxInputBytes = 200
        #expect(failure("linklong", limits: limits)?.message.hasPrefix("is 300 bytes") == true)
    }

    /// Headings and delimiter rows told in the bytes are told as the Characters tell them,
    /// marks that join a `#`, a space, a dash or a colon included.
    @Test func headingsAndDelimiterRowsReadAsByCharacter() {
        var generator = SplitMix64(seed: 53)
        let pieces = ["#", "##", " ", "\u{301}", "\u{FE0F}\u{20E3}", "标题", "-", ":", "|", "a", "\t", "\u{3000}", "<b>", "&amp;", "\u{200D}"]
        func delimiterByCharacter(_ line: Substring) -> Bool {
            var cells: [String] = []
            var start = line.startIndex
            var escaped = false
            var trimmed = line[...]
            while let first = trimmed.first, first == " " || first == "\t" { trimmed = trimmed.dropFirst() }
            while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
            guard !trimmed.isEmpty else { return false }
            if trimmed.first == "|" { trimmed = trimmed.dropFirst() }
            if trimmed.last == "|", !(trimmed.dropLast().last == "\\" && trimmed.count > 1) { trimmed = trimmed.dropLast() }
            start = trimmed.startIndex
            var i = trimmed.startIndex
            while i < trimmed.endIndex {
                if trimmed[i] == "|", !escaped { cells.append(String(trimmed[start..<i])); start = trimmed.index(after: i) }
                escaped = trimmed[i] == "\\" && !escaped
                i = trimmed.index(after: i)
            }
            cells.append(String(trimmed[start...]))
            guard line.utf8.contains(UInt8(ascii: "|")) || cells.count == 1 && line.utf8.contains(UInt8(ascii: "-")) else { return false }
            return cells.allSatisfy { cell in
                let t = cell.trimmed
                guard t.utf8.contains(UInt8(ascii: "-")) else { return false }
                let core = t.drop(while: { $0 == ":" }).reversed().drop(while: { $0 == ":" })
                return !core.isEmpty && core.allSatisfy { $0 == "-" }
            }
        }
        let starts = ["# ", "## ", "###### ", "####### ", "#\u{301} ", "# \u{301}", "#\t", "|-", "| --- | :-: |", "-", ":-:|---"]
        var headings = 0, delimiters = 0
        for _ in 0..<5_000 {
            var line = Bool.random(using: &generator) ? starts.randomElement(using: &generator)! : ""
            for _ in 0..<Int.random(in: 0...6, using: &generator) { line += pieces.randomElement(using: &generator)! }
            let bytes = TSVReader.paragraph(line[...], line: 3)
            #expect(bytes == TSVReader.paragraphByCharacter(line[...], line: 3), "\(Array(line.unicodeScalars))")
            if bytes.headingLevel != nil { headings += 1 }
            let delimiter = PipeTableSyntax.isDelimiterRow(line[...])
            if delimiter { delimiters += 1 }
            if !line.contains("\\") {
                #expect(delimiter == delimiterByCharacter(line[...]), "\(Array(line.unicodeScalars))")
            }
        }
        #expect(headings > 100 && delimiters > 20)
    }

    /// The binary test's tally, eight bytes at a time, counts what a look at every byte counts.
    @Test func byteTallyCountsAsEveryByteCounts() {
        var generator = SplitMix64(seed: 61)
        let alphabet: [[UInt8]] = [[0], [0x01], [0x09], [0x0A], [0x0C], [0x0D], [0x1F], [0x20], [0x41], [0x7F],
                                   Array("文".utf8), Array("é".utf8), Array("😀".utf8), [0x80], [0xBF], [0xC0], [0xFF]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) { bytes += alphabet.randomElement(using: &generator)! }
            let tally = bytes.withUnsafeBufferPointer { DecodedText.ByteTally($0) }
            #expect(tally.continuations == bytes.filter { $0 & 0xC0 == 0x80 }.count)
            #expect(tally.nuls == bytes.filter { $0 == 0 }.count)
            #expect(tally.controls == bytes.filter { $0 > 0 && $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count)
            // Without the continuation count, the NULs and controls are the same.
            let marks = bytes.withUnsafeBufferPointer { DecodedText.ByteTally($0, countingContinuations: false) }
            #expect(marks.continuations == 0 && marks.nuls == tally.nuls && marks.controls == tally.controls)
        }
    }
}
