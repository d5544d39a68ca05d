import Testing
@testable import SelfEval

/// The output buffer behind the JSON and CSV writers: pieces land in order across growth, a
/// copy is a value of its own, and taking the bytes leaves it empty.
@Suite struct ByteBufferTests {
    @Test func piecesAreKeptInOrderAcrossGrowth() {
        var buffer = ByteBuffer()
        var expected: [UInt8] = []
        for i in 0..<500 {
            let piece = Array(repeating: UInt8(truncatingIfNeeded: i), count: i % 7)
            piece.withUnsafeBufferPointer { buffer.append($0) }
            buffer.append(UInt8(ascii: ";"))
            buffer.append("ab")
            buffer.append(utf8: "指标")
            expected += piece + Array(";ab指标".utf8)
        }
        #expect(buffer.count == expected.count)
        #expect(buffer.bytes == expected)
        #expect(buffer.take() == expected)
        #expect(buffer.isEmpty)
    }

    @Test func writeKeepsOnlyWhatTheBodyWrote() {
        var buffer = ByteBuffer(capacity: 2)
        buffer.write(maxCount: 10) { p in
            p[0] = 1
            p[1] = 2
            return 2
        }
        buffer.append(3, 4)
        #expect(buffer.bytes == [1, 2, 3, 4])
        buffer.removeAll()
        buffer.append(9)
        #expect(buffer.bytes == [9])
    }

    @Test func copiesAreIndependent() {
        var a = ByteBuffer(capacity: 16)
        a.append("xy")
        var b = a
        b.append("z")
        a.append("w")
        #expect(a.bytes == Array("xyw".utf8))
        #expect(b.bytes == Array("xyz".utf8))
    }
}
