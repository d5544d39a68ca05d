import Foundation
import Testing
@testable import SelfEval

@Suite struct TextEncodingTests {
    @Test(arguments: [
        ("000_5320e8de541ccc4b", "gb18030", "gb18030"),
        ("003_7518ab3a3420526e", "utf16", "utf-16le"),
        ("004_6177011436b552d0", "crlf", "utf-8"),
    ])
    func encodedCopiesGiveTheSameDocument(_ seed: String, _ variant: String, _ encoding: String) throws {
        let original = try readSample(seed + ".txt")
        let copy = try readSample("\(seed).\(variant).txt")
        #expect(copy.source.encoding == encoding)
        #expect(copy.source.format == original.source.format)
        #expect(inspectionWithoutSource(copy) == inspectionWithoutSource(original))
    }

    /// The same Markdown in every encoding the reader detects reads to the same document.
    @Test func markdownReadsAlikeInEveryEncoding() throws {
        let text = "# 项目支出绩效自评表\r\n\r\n| 一级指标 | 分值 |\r\n|---|---|\r\n| 产出指标 | 50 |\r\n\r\n<table><tr><td rowspan=2>效益</td><td>30</td></tr><tr><td>≥95%</td></tr></table>\r\n"
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        let encodings: [(Data, String)] = [
            (Data(normalised.utf8), "utf-8"),
            (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), "utf-8-bom"),
            (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, "utf-16le"),
            (Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!, "utf-16be"),
            (text.data(using: String.Encoding(rawValue: 0x8000_0632))!, "gb18030"),
        ]
        let reference = try DocumentReader().read(data: encodings[0].0, path: "a.md")
        #expect(reference.tables.count == 2)
        for (data, name) in encodings {
            let document = try DocumentReader().read(data: data, path: "a.md")
            #expect(document.source.encoding == name)
            #expect(inspectionWithoutSource(document) == inspectionWithoutSource(reference), "\(name)")
        }
    }
}
