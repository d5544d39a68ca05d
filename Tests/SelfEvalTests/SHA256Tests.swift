import Foundation
import Testing
@testable import SelfEval

/// `source.sha256` must be the standard digest: lengths around the padding boundaries (55, 56,
/// 63, 64 bytes) against digests made with Python's hashlib.
@Suite struct SHA256Tests {
    static let vectors: [(Int, String)] = [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (3, "6ab0dba1f4f1dfbb37b4f9eeb092c09fca4900ad32bdcd147d8dde35d6c87c35"),
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ]

    /// The bytes hashed: `(i * 7 + 3) mod 256` for i in 0..<n.
    static func bytes(_ n: Int) -> [UInt8] { (0..<n).map { UInt8(($0 * 7 + 3) % 256) } }

    @Test(arguments: vectors)
    func digestMatchesHashlib(length: Int, digest: String) {
        #expect(SHA256.hex(Self.bytes(length)) == digest)
        #expect(SHA256.hex(Data(Self.bytes(length))) == digest)
        // A collection without contiguous storage takes the copying path.
        #expect(SHA256.hex(Self.bytes(length).lazy.map { $0 }) == digest)
        // The Swift rounds, which machines without SHA instructions use.
        #expect(SHA256.hex(Self.bytes(length), processorInstructions: false) == digest)
    }

    @Test func bothWaysAgreeOnLongInputs() {
        for length in [4096, 4096 + 17, 100_003] {
            let bytes = Self.bytes(length)
            #expect(SHA256.hex(bytes) == SHA256.hex(bytes, processorInstructions: false))
        }
        // hashlib's digest of the same bytes.
        #expect(SHA256.hex(Self.bytes(100_003)) == "b4bec991fc613fcb4d2a26eb529e493ed4e3152cc00f0a49bd39b3e48b34824e")
    }
}
