import CSHA256

/// SHA-256 of an input, for the contract's `source.sha256`; small enough to keep rather than
/// pull a crypto package into a tool that only fingerprints files.
enum SHA256 {
    /// - Parameter processorInstructions: false hashes in Swift even where the processor has SHA
    ///   instructions, so tests cover both ways.
    static func hex<Bytes: Collection>(_ input: Bytes, processorInstructions: Bool = true) -> String where Bytes.Element == UInt8 {
        if let digest = input.withContiguousStorageIfAvailable({ hex(buffer: $0, processorInstructions: processorInstructions) }) { return digest }
        return Array(input).withUnsafeBufferPointer { hex(buffer: $0, processorInstructions: processorInstructions) }
    }

    /// The hash over contiguous bytes: whole blocks are compressed where they lie, by the
    /// processor's SHA instructions when it has them (`CSHA256`), else here, with the message
    /// schedule in one buffer for the whole input.
    private static func hex(buffer: UnsafeBufferPointer<UInt8>, processorInstructions: Bool) -> String {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        let w = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        defer { w.deallocate() }
        let k = selfeval_sha256_round_constants()!
        h.withUnsafeMutableBufferPointer { h in
            let hardware = processorInstructions && selfeval_sha256_blocks(h.baseAddress!, buffer.baseAddress, buffer.count / 64) != 0
            func compress(_ chunk: UnsafePointer<UInt8>) {
                if hardware {
                    _ = selfeval_sha256_blocks(h.baseAddress!, chunk, 1)
                    return
                }
                for i in 0..<16 {
                    w[i] = UInt32(chunk[i * 4]) << 24 | UInt32(chunk[i * 4 + 1]) << 16 | UInt32(chunk[i * 4 + 2]) << 8 | UInt32(chunk[i * 4 + 3])
                }
                for i in 16..<64 {
                    let s0 = w[i - 15].rotr(7) ^ w[i - 15].rotr(18) ^ (w[i - 15] >> 3)
                    let s1 = w[i - 2].rotr(17) ^ w[i - 2].rotr(19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
                for i in 0..<64 {
                    let s1 = e.rotr(6) ^ e.rotr(11) ^ e.rotr(25)
                    let ch = g ^ (e & (f ^ g))
                    let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = a.rotr(2) ^ a.rotr(13) ^ a.rotr(22)
                    let maj = (a & b) | (c & (a | b))
                    let t2 = s0 &+ maj
                    (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
                h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d
                h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
            }
            let whole = buffer.count / 64 * 64
            if let base = buffer.baseAddress, !hardware {
                for offset in stride(from: 0, to: whole, by: 64) { compress(base + offset) }
            }
            var block = Array(buffer[whole...])
            block.append(0x80)
            if block.count > 56 {
                block.append(contentsOf: repeatElement(0, count: 64 - block.count))
                block.withUnsafeBufferPointer { compress($0.baseAddress!) }
                block.removeAll(keepingCapacity: true)
            }
            block.append(contentsOf: repeatElement(0, count: 56 - block.count))
            let bits = UInt64(buffer.count) &* 8
            for shift in stride(from: 56, through: 0, by: -8) { block.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            block.withUnsafeBufferPointer { compress($0.baseAddress!) }
        }
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(64)
        for word in h {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return out
    }
}

private extension UInt32 {
    func rotr(_ n: UInt32) -> UInt32 { (self &>> n) | (self &<< (32 &- n)) }
}
