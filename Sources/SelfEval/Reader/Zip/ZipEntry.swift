/// One file of a zip archive as its central directory describes it. The central directory is
/// what a reader trusts; the local header in front of the data is only used to find where the
/// data starts.
struct ZipEntry: Sendable, Equatable {
    var name: String
    var flags: UInt16
    var method: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int

    /// Bit 0 is traditional encryption, bit 6 strong encryption; method 99 is WinZip AES.
    var isEncrypted: Bool { flags & 0x0001 != 0 || flags & 0x0040 != 0 || method == 99 }

    var isDirectory: Bool { name.hasSuffix("/") }
}
