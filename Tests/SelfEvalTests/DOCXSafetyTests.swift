import Foundation
import Testing
@testable import SelfEval

/// Broken and hostile packages: each ends in a clear `InputError` for that file, quickly.
@Suite struct DOCXSafetyTests {
    typealias B = DOCXBuilder

    private func error(_ data: Data, limits: ReadLimits = .standard) -> InputError? {
        do {
            _ = try DOCXReader(limits: limits).read(data, source: SourceInfo(path: "bad.docx", format: .docx, encoding: nil, bytes: data.count, sha256: ""))
            return nil
        } catch {
            return error
        }
    }

    /// Wall time for hang guards only: bounds are generous so a loaded machine passes; speed is Scripts/bench's job.
    private func seconds(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    @Test func notAZip() {
        #expect(error(Data("hello, world".utf8))?.code == .notZip)
        #expect(throws: InputError.self) { try DocumentReader().read(data: Data("hello".utf8), path: "x.docx", format: .docx) }
    }

    @Test func truncatedZip() throws {
        let whole = try B.package(body: B.p("x"))
        #expect(error(whole.prefix(whole.count / 2))?.code == .corruptZip)
    }

    @Test func encryptedEntry() throws {
        var data = try B.package(body: B.p("x"))
        // Set the "encrypted" general-purpose bit in every local and central header.
        let bytes = [UInt8](data)
        for i in 0..<(bytes.count - 4) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            if bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 { data[i + 6] |= 1 }
            if bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 { data[i + 8] |= 1 }
        }
        #expect(error(data)?.code == .encrypted)
    }

    @Test func noMainDocument() throws {
        let data = try B.zip([("[Content_Types].xml", Data(B.contentTypes.utf8)), ("word/styles.xml", Data("<x/>".utf8))])
        #expect(error(data)?.code == .missingPart)
    }

    @Test func malformedXMLGivesLineAndColumn() throws {
        let xml = "<?xml version=\"1.0\"?>\n<w:document \(B.namespaces)><w:body>\n<w:p><w:r><w:t>x</w:r></w:p>\n</w:body></w:document>"
        let e = error(try B.package(documentXML: xml))
        #expect(e?.code == .malformedXML)
        #expect(e?.line == 3)
        #expect((e?.column ?? 0) > 0)
        #expect(e?.description.hasPrefix("bad.docx:3:") == true)
    }

    @Test func externalEntityIsNeitherFetchedNorExpanded() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://203.0.113.1/x">]>
        <w:document \(B.namespaces)><w:body><w:p><w:r><w:t>&secret;&remote;</w:t></w:r></w:p></w:body></w:document>
        """
        var e: InputError?
        let data = try B.package(documentXML: xml)
        let elapsed = seconds { e = error(data) }
        #expect(e?.code == .malformedXML)
        #expect(e?.message.contains("root:") == false)
        #expect(elapsed < 30)
    }

    @Test func billionLaughsIsRejectedQuickly() throws {
        var entities = "<!ENTITY lol0 \"lol\">"
        for i in 1...9 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [\(entities)]>\n<w:document \(B.namespaces)><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        let data = try B.package(documentXML: xml)
        var e: InputError?
        let elapsed = seconds { e = error(data) }
        #expect(e?.code == .malformedXML)
        #expect(elapsed < 30)
    }

    @Test func entryThatInflatesPastItsDeclaredSizeIsStopped() throws {
        // 16 MB of one repeated paragraph deflates to a few hundred KB; the headers are then
        // patched to claim 1 KB, as a zip bomb would.
        let paragraph = B.p("x")
        let body = String(repeating: paragraph, count: (16 << 20) / paragraph.utf8.count)
        var data = try B.package(documentXML: B.documentXML(body: body))
        let bytes = [UInt8](data)
        let name = Array("word/document.xml".utf8)
        for i in 0..<(bytes.count - 46) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            let (sizeOffset, nameOffset): (Int, Int)
            if bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 { (sizeOffset, nameOffset) = (22, 30) }
            else if bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 { (sizeOffset, nameOffset) = (24, 46) }
            else { continue }
            guard Array(bytes[(i + nameOffset)..<min(bytes.count, i + nameOffset + name.count)]) == name else { continue }
            for (k, b) in [UInt8(0x00), 0x04, 0x00, 0x00].enumerated() { data[i + sizeOffset + k] = b }
        }
        var limits = ReadLimits()
        limits.maxEntryBytes = 4 << 20
        var e: InputError?
        let elapsed = seconds { e = error(data, limits: limits) }
        #expect(e?.code == .limitExceeded)
        #expect(e?.message.contains("declares 1024") == true)
        #expect(elapsed < 30)
    }

    @Test func entryDeclaringMoreThanTheLimitIsRefusedBeforeInflating() throws {
        var limits = ReadLimits()
        limits.maxEntryBytes = 1_000
        let e = error(try B.package(body: String(repeating: B.p("x"), count: 100)), limits: limits)
        #expect(e?.code == .limitExceeded)
    }

    @Test func tenThousandNestedTablesFailFast() throws {
        let open = "<w:tbl><w:tr><w:tc>", close = "</w:tc></w:tr></w:tbl>"
        let body = String(repeating: open, count: 10_000) + "<w:p/>" + String(repeating: close, count: 10_000)
        let data = try B.package(body: body)
        var e: InputError?
        let elapsed = seconds { e = error(data) }
        #expect(e?.code == .limitExceeded)
        #expect(elapsed < 30)
    }

    @Test func tooManyElementsAndTooDeepXML() throws {
        var limits = ReadLimits()
        limits.maxXMLElements = 1_000
        #expect(error(try B.package(body: String(repeating: B.p("x"), count: 500)), limits: limits)?.code == .limitExceeded)
        limits = ReadLimits()
        limits.maxXMLDepth = 20
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 30) + B.p("x") + String(repeating: "</w:sdtContent></w:sdt>", count: 30)
        #expect(error(try B.package(body: deep), limits: limits)?.code == .limitExceeded)
    }
}
