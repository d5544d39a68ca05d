import CZlibSystem
import Foundation

/// CRC-32 as zip stores it (zlib's), so a damaged entry is told from a good one after inflating.
enum ZipChecksum {
    static func crc32(_ bytes: Data) -> UInt32 {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> UInt32 in
            var crc = CZlibSystem.crc32(0, nil, 0)
            guard let base = raw.baseAddress else { return UInt32(crc) }
            var offset = 0
            while offset < raw.count {
                let step = min(raw.count - offset, 1 << 30)
                crc = CZlibSystem.crc32(crc, (base + offset).assumingMemoryBound(to: Bytef.self), uInt(step))
                offset += step
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}
