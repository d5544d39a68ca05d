import Foundation

/// Output bytes written a piece at a time through a pointer. `[UInt8].append` checks uniqueness
/// and capacity for every byte or small piece, and appending a buffer goes through the generic
/// sequence path; here a piece checks the room once and is copied with `memcpy`. The bytes live
/// in an array kept at its full allocated size (`count` says how much is written), so copies of
/// a buffer stay independent values.
struct ByteBuffer {
    /// Allocated bytes; those from `count` on are not written yet.
    private var storage: [UInt8]
    private(set) var count = 0

    init(capacity: Int = 0) {
        storage = capacity > 0 ? Self.allocate(capacity) : []
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(storage[..<count]) }

    /// The bytes written so far as text: every piece written is UTF-8 text or ASCII.
    var text: String {
        storage.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) }
    }

    /// Hands over the bytes written so far and leaves the buffer empty, without copying them.
    mutating func take() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &storage)
        taken.removeLast(taken.count - count)
        count = 0
        return taken
    }

    /// Forgets what was written, keeping the room.
    mutating func removeAll() { count = 0 }

    /// Takes back the last byte written (there must be one).
    mutating func removeLast() {
        precondition(count > 0, "nothing written to remove")
        count -= 1
    }

    /// Writes at most `maxCount` bytes at the end with `body`, which returns how many it wrote:
    /// the one room check for a whole piece.
    @inline(__always)
    mutating func write(maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maxCount > storage.count { grow(toHold: count + maxCount) }
        let start = count
        let written = storage.withUnsafeMutableBufferPointer { body($0.baseAddress! + start) }
        count += written
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        write(maxCount: 1) { p in
            p[0] = byte
            return 1
        }
    }

    @inline(__always)
    mutating func append(_ a: UInt8, _ b: UInt8) {
        write(maxCount: 2) { p in
            p[0] = a
            p[1] = b
            return 2
        }
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        write(maxCount: bytes.count) { p in
            if let base = bytes.baseAddress { p.update(from: base, count: bytes.count) }
            return bytes.count
        }
    }

    /// ASCII text written in the code.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// A string's UTF-8 bytes.
    @inline(__always)
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Doubles the room at least, so a growing output is copied a few times in all.
    private mutating func grow(toHold needed: Int) {
        let old = storage
        storage = Self.allocate(Swift.max(needed, 2 * old.count, 64))
        let written = count
        storage.withUnsafeMutableBufferPointer { new in
            old.withUnsafeBufferPointer { if written > 0 { new.baseAddress!.update(from: $0.baseAddress!, count: written) } }
        }
    }

    /// An array of `size` bytes whose contents are not set: only bytes already written are read.
    private static func allocate(_ size: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
    }
}
