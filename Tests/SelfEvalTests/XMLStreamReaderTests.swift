import Foundation
import Testing
@testable import SelfEval

/// The pull reader over libxml2's SAX2 push parser: what it hands out must not depend on where
/// its chunks happen to end, and what the current event answers (attributes, namespace
/// prefixes, line) must be the event's own, not the parser's, which runs a chunk ahead.
@Suite struct XMLStreamReaderTests {
    private static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    private static let w14 = "http://schemas.microsoft.com/office/word/2010/wordml"

    /// Every event of `xml`, with the text of text events and the local name of elements.
    private func events(_ xml: String, limits: ReadLimits = .standard,
                        visit: (XMLStreamReader.Event, XMLStreamReader) -> Void = { _, _ in }) throws(InputError) -> [String] {
        try XMLStreamReader.read(Data(xml.utf8), part: "part.xml", file: "test.docx", limits: limits) { (xml: inout XMLStreamReader) throws(InputError) -> [String] in
            var seen: [String] = []
            while let event = try xml.next() {
                visit(event, xml)
                switch event {
                case .start(let id): seen.append("<" + xml.name(id).local)
                case .end(let id): seen.append("/" + xml.name(id).local)
                case .text(let text): seen.append(text)
                }
            }
            return seen
        }
    }

    @Test func textAcrossChunkBoundariesEntitiesAndCDATAComesWhole() throws {
        // Long enough to cross several 64 KB chunks; the pieces libxml2 reports separately
        // (character data, an entity, a character reference, a CDATA section) make one text.
        let piece = "预算执行率 &amp; 得分&#x4E2D;<![CDATA[<b>]]>;"
        let expected = String(repeating: "预算执行率 & 得分中<b>;", count: 6_000)
        let seen = try events("<w:t xmlns:w=\"\(Self.w)\">" + String(repeating: piece, count: 6_000) + "</w:t>")
        #expect(seen.count == 3)
        #expect(seen.first == "<t")
        #expect(seen.dropFirst().first == expected)
        #expect(seen.last == "/t")
    }

    @Test func attributesAreTheCurrentElementsWithEntitiesDecoded() throws {
        var values: [String?] = []
        let xml = "<w:document xmlns:w=\"\(Self.w)\"><w:p w:val=\"a&amp;b&#38;&lt;&#x4E2D;&amp;#38;\"/><w:q/><w:r val=\"plain\" w:other=\"x\"/></w:document>"
        _ = try events(xml) { event, reader in
            if case .start = event { values.append(reader.attribute("val")) }
        }
        #expect(values == [nil, "a&b&<中&#38;", nil, "plain"])
    }

    @Test func prefixesResolveAtTheElementEvenAfterManyDeclarationsHaveComeAndGone() throws {
        // Thousands of short-lived declarations, across chunks, before the one that matters.
        let noise = (0..<4_000).map { "<x:e xmlns:x=\"urn:noise:\($0)\"/>" }.joined()
        let xml = "<w:document xmlns:w=\"\(Self.w)\" xmlns:mc=\"\(Self.mc)\"><w:body>\(noise)"
            + "<mc:AlternateContent xmlns:w14=\"\(Self.w14)\"><mc:Choice Requires=\"w14\"/></mc:AlternateContent>"
            + "\(noise)<w:p/></w:body></w:document>"
        var atChoice: [String?] = [], atLastParagraph: [String?] = []
        _ = try events(xml) { event, reader in
            guard case .start(let id) = event else { return }
            let prefixes = ["w14", "w", "x", "mc"].map { reader.namespaceURI(forPrefix: $0) }
            if reader.name(id).local == "Choice" { atChoice = prefixes }
            if reader.name(id).local == "p" { atLastParagraph = prefixes }
        }
        #expect(atChoice == [Self.w14, Self.w, nil, Self.mc])
        #expect(atLastParagraph == [nil, Self.w, nil, Self.mc])
    }

    @Test func linesAreTheElementsOwn() throws {
        var lines: [Int] = []
        let filler = String(repeating: "<w:x/>\n", count: 20_000)
        let xml = "<w:document xmlns:w=\"\(Self.w)\">\n<w:tbl>\n\(filler)<w:tr/>\n</w:tbl>\n</w:document>"
        _ = try events(xml) { event, reader in
            if case .start(let id) = event, reader.name(id).local != "x" { lines.append(reader.lineNumber) }
        }
        #expect(lines == [1, 2, 20_003])
    }

    @Test func aLimitIsThrownAfterTheEventsBeforeIt() throws {
        var limits = ReadLimits()
        limits.maxXMLElements = 3
        var starts = 0
        #expect {
            _ = try events("<a><b/><c/><d/><e/></a>", limits: limits) { event, _ in
                if case .start = event { starts += 1 }
            }
        } throws: { ($0 as? InputError)?.code == .limitExceeded && ($0 as? InputError)?.line == 1 }
        #expect(starts == 3)
    }

    @Test func aDocumentTypeIsRefusedWhereItStands() throws {
        #expect {
            _ = try events("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>")
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.code == .malformedXML && error.line == 2 && error.message.contains("DOCTYPE")
        }
    }
}
