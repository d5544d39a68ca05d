/// Little-endian fields read from untrusted bytes: every read is bounds-checked and answers nil
/// past the end, so a lying length or offset becomes a clean error instead of a trap.
struct ZipBytes {
    let buffer: UnsafeRawBufferPointer

    var count: Int { buffer.count }

    func u16(_ offset: Int) -> Int? {
        guard offset >= 0, offset <= buffer.count - 2 else { return nil }
        return Int(buffer[offset]) | Int(buffer[offset + 1]) << 8
    }

    func u32(_ offset: Int) -> Int? {
        guard offset >= 0, offset <= buffer.count - 4 else { return nil }
        return Int(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    /// Zip64 fields are 64-bit; values past `Int.max` cannot describe bytes in memory, so nil.
    func u64(_ offset: Int) -> Int? {
        guard offset >= 0, offset <= buffer.count - 8 else { return nil }
        let value = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        return value <= UInt64(Int.max) ? Int(value) : nil
    }

    func hasSignature(_ signature: UInt32, at offset: Int) -> Bool {
        u32(offset) == Int(signature)
    }

    /// The bytes `offset..<offset+length`, or nil when they are not all inside the buffer.
    func slice(_ offset: Int, _ length: Int) -> UnsafeRawBufferPointer? {
        guard offset >= 0, length >= 0, offset <= buffer.count, length <= buffer.count - offset else { return nil }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + length)])
    }
}
