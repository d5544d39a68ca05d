import Foundation

/// Zip archives written byte by byte, for the shapes ZIPFoundation will not write small:
/// zip64 records around a stored entry.
enum ZipBuilder {
    private static func le(_ value: UInt64, _ bytes: Int) -> [UInt8] {
        (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// One stored entry whose sizes and offset live only in its zip64 extra field, found through
    /// a zip64 end record and locator, as streaming zip writers emit them.
    static func zip64Stored(name: String, content: Data) -> Data {
        let nameBytes = Array(name.utf8)
        let crc = crc32(content)
        var out: [UInt8] = []
        // Local header: sizes saturated, zip64 extra with both sizes.
        out += le(0x0403_4B50, 4) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2)
        out += le(UInt64(crc), 4) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4)
        out += le(UInt64(nameBytes.count), 2) + le(20, 2) + nameBytes
        out += le(1, 2) + le(16, 2) + le(UInt64(content.count), 8) + le(UInt64(content.count), 8)
        out += [UInt8](content)
        let directoryOffset = out.count
        out += le(0x0201_4B50, 4) + le(45, 2) + le(45, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2)
        out += le(UInt64(crc), 4) + le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4)
        out += le(UInt64(nameBytes.count), 2) + le(28, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0xFFFF_FFFF, 4)
        out += nameBytes
        out += le(1, 2) + le(24, 2) + le(UInt64(content.count), 8) + le(UInt64(content.count), 8) + le(0, 8)
        let directorySize = out.count - directoryOffset
        let zip64End = out.count
        out += le(0x0606_4B50, 4) + le(44, 8) + le(45, 2) + le(45, 2) + le(0, 4) + le(0, 4)
        out += le(1, 8) + le(1, 8) + le(UInt64(directorySize), 8) + le(UInt64(directoryOffset), 8)
        out += le(0x0706_4B50, 4) + le(0, 4) + le(UInt64(zip64End), 8) + le(1, 4)
        out += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(0xFFFF, 2) + le(0xFFFF, 2)
        out += le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(0, 2)
        return Data(out)
    }

    /// The zip CRC-32 (reflected polynomial 0xEDB88320), written out so the test does not
    /// check the reader against the reader's own checksum.
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
