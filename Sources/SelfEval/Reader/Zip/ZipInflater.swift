import CZlibSystem
import Foundation

/// Raw deflate inflated with zlib, bounded. ZIPFoundation's inflate loop never ends on a
/// truncated or corrupt stream, so zip entries are inflated here instead: output stops at
/// `limit` bytes, whatever the headers declared, and a stream that ends early or stops making
/// progress is an error rather than another turn of the loop.
enum ZipInflater {
    enum Failure: Error, Equatable {
        case overLimit
        case truncated
        case corrupt(String)
    }

    private static let chunkSize = 64 << 10
    /// zlib counts input in 32-bit `uInt`s.
    private static let maxInputStep = 1 << 30

    static func inflate(_ input: UnsafeRawBufferPointer, limit: Int, sizeHint: Int) throws(Failure) -> Data {
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { throw .corrupt("zlib could not start inflating") }
        defer { inflateEnd(&stream) }
        var result = Data()
        result.reserveCapacity(max(0, min(sizeHint, limit, 64 << 20)))
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var fed = 0
        while true {
            if stream.avail_in == 0, fed < input.count, let base = input.baseAddress {
                let step = min(input.count - fed, maxInputStep)
                stream.next_in = UnsafeMutablePointer(mutating: (base + fed).assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(step)
                fed += step
            }
            let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                defer { stream.next_out = nil }
                return CZlibSystem.inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunkSize - Int(stream.avail_out)
            if produced > limit - result.count { throw .overLimit }
            result.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                return result
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // zlib could make no progress: every input byte is used and the stream has not ended.
                throw .truncated
            case Z_NEED_DICT:
                throw .corrupt("the stream asks for a preset dictionary")
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corrupt(reason)
            }
        }
    }
}
