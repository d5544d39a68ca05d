import Foundation
import Testing
@testable import SelfEval

/// The zip layer on damaged, hostile and unusual archives: each ends in a clear error for the
/// file (or in the right bytes), never in a hang, a trap or unbounded inflation.
@Suite struct ZipArchiveTests {
    typealias B = DOCXBuilder

    /// 200 KB of text that deflates well, so that its stream spans many deflate blocks.
    private static let longText = String(repeating: "项目支出绩效自评表 年初预算数 全年预算数 全年执行数 ", count: 4_000)

    private func archive(_ parts: [(path: String, data: Data)]) throws -> Data {
        try B.zip(parts)
    }

    /// The offset of the central directory record naming `name`.
    private func directoryRecord(_ data: Data, _ name: String) throws -> Int {
        let bytes = [UInt8](data)
        let nameBytes = Array(name.utf8)
        for i in 0..<(bytes.count - 46) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 {
            let length = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
            if Array(bytes[(i + 46)..<(i + 46 + length)]) == nameBytes { return i }
        }
        throw InputError(.corruptZip, file: "test", "no directory record for \(name)")
    }

    private func setU32(_ data: inout Data, _ offset: Int, _ value: UInt32) {
        for k in 0..<4 { data[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
    }

    private func u32(_ data: Data, _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(data[offset + $1]) << (8 * $1) }
    }

    private func read(_ data: Data, _ path: String, limits: ReadLimits = .standard) -> Result<Data?, InputError> {
        Result { () throws(InputError) -> Data? in
            var archive = try DOCXArchive(data, file: "t.docx", limits: limits)
            return try archive.part(path)
        }
    }

    private func failure(_ result: Result<Data?, InputError>) -> InputError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    private func seconds(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    @Test func readsDeflatedAndStoredEntries() throws {
        let data = try archive([("a.xml", Data(Self.longText.utf8)), ("empty.xml", Data())])
        #expect(try read(data, "a.xml").get() == Data(Self.longText.utf8))
        #expect(try read(data, "/A.XML").get() == Data(Self.longText.utf8))
        #expect(try read(data, "empty.xml").get() == Data())
        #expect(try read(data, "missing.xml").get() == nil)
    }

    /// ZIPFoundation's inflate loop never ended on this; the bounded inflater stops at once.
    @Test func truncatedDeflateStreamIsAnErrorNotAHang() throws {
        var data = try archive([("word/document.xml", Data(Self.longText.utf8))])
        let record = try directoryRecord(data, "word/document.xml")
        setU32(&data, record + 20, u32(data, record + 20) / 2)
        var result: Result<Data?, InputError> = .success(nil)
        let elapsed = seconds { result = read(data, "word/document.xml") }
        let error = try #require(failure(result))
        #expect(error.code == .corruptZip)
        #expect(error.message.contains("truncated"))
        #expect(elapsed < 5)
    }

    @Test func damagedBytesFailTheCRCCheck() throws {
        var data = try archive([("word/document.xml", Data(Self.longText.utf8))])
        let record = try directoryRecord(data, "word/document.xml")
        setU32(&data, record + 16, u32(data, record + 16) ^ 1)
        let error = try #require(failure(read(data, "word/document.xml")))
        #expect(error.code == .corruptZip)
        #expect(error.message.contains("CRC-32"))
    }

    /// A bomb declares a small size and inflates far past it: inflation stops at the limit.
    @Test func entryLyingAboutItsSizeStopsAtTheEntryLimit() throws {
        var data = try archive([("word/document.xml", Data(count: 3 << 20))])
        let record = try directoryRecord(data, "word/document.xml")
        setU32(&data, record + 24, 1_000)
        var limits = ReadLimits()
        limits.maxEntryBytes = 1 << 20
        let error = try #require(failure(read(data, "word/document.xml", limits: limits)))
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("inflates past 1048576 bytes although it declares 1000"))
        #expect(error.message.contains("--max-entry-bytes"))
    }

    @Test func partsTogetherStopAtTheArchiveLimit() throws {
        let data = try archive([("a.xml", Data(count: 600_000)), ("b.xml", Data(count: 600_000))])
        var limits = ReadLimits()
        limits.maxArchiveBytes = 1_000_000
        let error = try #require(failure(Result { () throws(InputError) -> Data? in
            var archive = try DOCXArchive(data, file: "t.docx", limits: limits)
            _ = try archive.part("a.xml")
            return try archive.part("b.xml")
        }))
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("inflate past 1000000 bytes: stopped at 'b.xml'"))
    }

    @Test func localHeaderOutsideTheFileIsRefused() throws {
        var data = try archive([("word/document.xml", Data("x".utf8))])
        let record = try directoryRecord(data, "word/document.xml")
        setU32(&data, record + 42, UInt32(data.count + 10))
        let error = try #require(failure(read(data, "word/document.xml")))
        #expect(error.code == .corruptZip)
        #expect(error.message.contains("outside the \(data.count)-byte file"))
    }

    @Test func localHeaderThatIsNotOneIsRefused() throws {
        var data = try archive([("a.xml", Data("x".utf8)), ("word/document.xml", Data("y".utf8))])
        let record = try directoryRecord(data, "word/document.xml")
        setU32(&data, record + 42, 1)
        let error = try #require(failure(read(data, "word/document.xml")))
        #expect(error.code == .corruptZip)
        #expect(error.message.contains("has no local header at byte 1"))
    }

    @Test func otherCompressionMethodsAreRefusedByName() throws {
        var data = try archive([("word/document.xml", Data("x".utf8))])
        let record = try directoryRecord(data, "word/document.xml")
        data[record + 10] = 12
        let error = try #require(failure(read(data, "word/document.xml")))
        #expect(error.code == .unsupportedZip)
        #expect(error.message.contains("compression method 12"))
    }

    @Test func entryCountTheFileCannotHoldIsRefused() throws {
        var data = try archive([("word/document.xml", Data("x".utf8))])
        let end = data.count - 22
        data[end + 10] = 0xFF
        data[end + 11] = 0xFF
        data[end + 8] = 0xFF
        data[end + 9] = 0xFF
        let error = try #require(failure(read(data, "word/document.xml")))
        #expect(error.code == .corruptZip)
    }

    @Test func zip64RecordsAreRead() throws {
        let content = Data("<w:document/>".utf8)
        let data = ZipBuilder.zip64Stored(name: "word/document.xml", content: content)
        #expect(try read(data, "word/document.xml").get() == content)
    }

    @Test func bytesBeforeTheArchiveShiftItsOffsets() throws {
        let zip = try archive([("word/document.xml", Data(Self.longText.utf8))])
        let prefixed = Data("PK-prefixed stub".utf8) + zip
        #expect(try read(prefixed, "word/document.xml").get() == Data(Self.longText.utf8))
    }

    /// Every prefix of a package, and a package with any one byte of its headers changed, reads
    /// or fails cleanly and quickly.
    @Test func everyTruncationAndHeaderBitFlipEndsCleanly() throws {
        let zip = try B.package(body: B.p("项目名称"))
        var outcomes = 0
        let elapsed = seconds {
            for length in stride(from: 0, through: zip.count, by: 7) {
                _ = try? DocumentReader().read(data: zip.prefix(length), path: "t.docx")
                outcomes += 1
            }
            for offset in 0..<zip.count where offset % 3 == 0 {
                var flipped = zip
                flipped[offset] ^= 0x5A
                _ = try? DocumentReader().read(data: flipped, path: "t.docx")
                outcomes += 1
            }
        }
        #expect(outcomes > 100)
        #expect(elapsed < 60)
    }
}
