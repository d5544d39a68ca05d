import Foundation

/// Just enough of the zip central directory to see the encryption flag, which ZIPFoundation
/// does not expose (its entry iterator simply stops at an encrypted entry, so an encrypted
/// package would otherwise look like one with a missing part).
enum ZipCentralDirectory {
    /// The name of the first entry whose general-purpose flag marks it encrypted, if any.
    static func firstEncryptedEntry(in data: Data) -> String? {
        let bytes = [UInt8](data.suffix(65_557))
        guard bytes.count >= 22 else { return nil }
        var eocd: Int?
        var i = bytes.count - 22
        while i >= 0 {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard let e = eocd else { return nil }
        let count = Int(u16(bytes, e + 10))
        let offset = Int(u32(bytes, e + 16))
        // A zip64 directory (offset 0xFFFFFFFF) is left to ZIPFoundation.
        guard offset != 0xFFFF_FFFF, offset < data.count else { return nil }
        var p = offset
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let all = raw.bindMemory(to: UInt8.self)
            for _ in 0..<count {
                guard p + 46 <= all.count, all[p] == 0x50, all[p + 1] == 0x4B, all[p + 2] == 0x01, all[p + 3] == 0x02 else { return nil }
                let flags = UInt16(all[p + 8]) | UInt16(all[p + 9]) << 8
                let nameLength = Int(UInt16(all[p + 28]) | UInt16(all[p + 29]) << 8)
                let extraLength = Int(UInt16(all[p + 30]) | UInt16(all[p + 31]) << 8)
                let commentLength = Int(UInt16(all[p + 32]) | UInt16(all[p + 33]) << 8)
                if flags & 1 != 0 {
                    let end = min(p + 46 + nameLength, all.count)
                    return String(decoding: all[(p + 46)..<end], as: UTF8.self)
                }
                p += 46 + nameLength + extraLength + commentLength
            }
            return nil
        }
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
