import Foundation

/// A zip archive read from memory with its central directory parsed here, not by ZIPFoundation,
/// whose in-memory archive leaks when opening fails and whose inflate loop hangs on a truncated
/// stream. Every offset and length comes from a stranger's file, so each is checked against the
/// bytes before use and a bad one is an `InputError` naming the entry and the byte offset.
/// Zip64 records are read; encrypted entries, archives split over several disks and
/// compression other than stored or deflate are refused with a message saying so.
struct ZipArchive {
    private static let endOfDirectory: UInt32 = 0x0605_4B50
    private static let zip64EndOfDirectory: UInt32 = 0x0606_4B50
    private static let zip64Locator: UInt32 = 0x0706_4B50
    private static let directoryHeader: UInt32 = 0x0201_4B50
    private static let localHeader: UInt32 = 0x0403_4B50

    let file: String
    private(set) var entries: [ZipEntry] = []
    private let data: Data

    init(_ data: Data, file: String) throws(InputError) {
        self.data = data
        self.file = file
        entries = try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            Result { () throws(InputError) in try Self.directory(ZipBytes(buffer: raw), file: file) }
        }.get()
    }

    /// The entry's bytes, inflated and checked against its CRC-32. More than `limit` bytes,
    /// declared or actually inflated, is a `.limitExceeded` error.
    func contents(of entry: ZipEntry, limit: Int) throws(InputError) -> Data {
        if entry.isEncrypted {
            throw damaged(.encrypted, "the zip entry '\(entry.name)' is encrypted; password-protected documents cannot be read")
        }
        if entry.uncompressedSize > limit {
            throw damaged(.limitExceeded, "the zip entry '\(entry.name)' declares \(entry.uncompressedSize) bytes, over the limit of \(limit)")
        }
        let bytes = try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            Result { () throws(InputError) in try decode(entry, from: storedBytes(of: entry, in: ZipBytes(buffer: raw)), limit: limit) }
        }.get()
        if ZipChecksum.crc32(bytes) != entry.crc32 {
            throw damaged(.corruptZip, "the zip entry '\(entry.name)' fails its CRC-32 check: the file is damaged")
        }
        return bytes
    }

    private func decode(_ entry: ZipEntry, from stored: UnsafeRawBufferPointer, limit: Int) throws(InputError) -> Data {
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw damaged(.corruptZip, "the zip entry '\(entry.name)' is stored uncompressed but declares \(entry.compressedSize) bytes stored and \(entry.uncompressedSize) bytes long")
            }
            return Data(stored)
        case 8:
            do {
                return try ZipInflater.inflate(stored, limit: limit, sizeHint: entry.uncompressedSize)
            } catch {
                switch error {
                case .overLimit:
                    throw damaged(.limitExceeded, "the zip entry '\(entry.name)' inflates past \(limit) bytes although it declares \(entry.uncompressedSize)")
                case .truncated:
                    throw damaged(.corruptZip, "the zip entry '\(entry.name)' is truncated: its compressed data ends before the deflate stream does")
                case .corrupt(let reason):
                    throw damaged(.corruptZip, "the zip entry '\(entry.name)' cannot be inflated: \(reason)")
                }
            }
        default:
            throw damaged(.unsupportedZip, "the zip entry '\(entry.name)' uses compression method \(entry.method); only stored and deflate entries can be read")
        }
    }

    /// The entry's compressed bytes, found through its local header.
    private func storedBytes(of entry: ZipEntry, in zip: ZipBytes) throws(InputError) -> UnsafeRawBufferPointer {
        let offset = entry.localHeaderOffset
        guard zip.hasSignature(Self.localHeader, at: offset), let nameLength = zip.u16(offset + 26), let extraLength = zip.u16(offset + 28) else {
            throw damaged(.corruptZip, "the zip entry '\(entry.name)' has no local header at byte \(offset)")
        }
        let start = offset + 30 + nameLength + extraLength
        guard let stored = zip.slice(start, entry.compressedSize) else {
            throw damaged(.corruptZip, "the zip entry '\(entry.name)' runs past the end of the file (\(entry.compressedSize) bytes from byte \(start) of \(zip.count)): the file is truncated")
        }
        return stored
    }

    private func damaged(_ code: InputError.Code, _ message: String) -> InputError {
        InputError(code, file: file, message)
    }

    // MARK: - Central directory

    private struct Directory {
        var count: Int
        var size: Int
        var offset: Int
        /// Where the directory should end: the (zip64) end record that follows it.
        var end: Int
    }

    private static func directory(_ zip: ZipBytes, file: String) throws(InputError) -> [ZipEntry] {
        func corrupt(_ message: String) -> InputError { InputError(.corruptZip, file: file, message) }
        guard let end = endRecord(zip) else {
            throw corrupt("the zip archive is damaged or truncated: it has no end of central directory record")
        }
        var directory = try directoryLocation(zip, end: end, file: file)
        // Bytes in front of the archive (a self-extractor stub, a mail header) shift every offset.
        var shift = 0
        if !zip.hasSignature(directoryHeader, at: directory.offset), directory.count > 0 {
            let start = directory.end - directory.size
            guard start >= 0, zip.hasSignature(directoryHeader, at: start) else {
                throw corrupt("the zip central directory is not at byte \(directory.offset) where the end record puts it: the file is damaged or truncated")
            }
            shift = start - directory.offset
            directory.offset = start
        }
        // Each directory record takes at least 46 bytes, so a count the bytes cannot hold is a lie.
        guard directory.count <= (zip.count - directory.offset) / 46 else {
            throw corrupt("the zip end record lists \(directory.count) entries, more than the file can hold")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(directory.count)
        var p = directory.offset
        for index in 0..<directory.count {
            guard zip.hasSignature(directoryHeader, at: p),
                  let flags = zip.u16(p + 8), let method = zip.u16(p + 10), let crc = zip.u32(p + 16),
                  var compressed = zip.u32(p + 20), var uncompressed = zip.u32(p + 24),
                  let nameLength = zip.u16(p + 28), let extraLength = zip.u16(p + 30), let commentLength = zip.u16(p + 32),
                  var disk = zip.u16(p + 34), var local = zip.u32(p + 42),
                  let name = zip.slice(p + 46, nameLength), let extra = zip.slice(p + 46 + nameLength, extraLength),
                  zip.slice(p + 46 + nameLength + extraLength, commentLength) != nil
            else {
                throw corrupt("the zip central directory record \(index + 1) of \(directory.count) at byte \(p) is damaged or cut off")
            }
            let entryName = String(decoding: name, as: UTF8.self)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF || disk == 0xFFFF {
                guard zip64Sizes(ZipBytes(buffer: extra), uncompressed: &uncompressed, compressed: &compressed, local: &local, disk: &disk) else {
                    throw corrupt("the zip entry '\(entryName)' has a damaged zip64 extra field")
                }
            }
            if disk != 0 {
                throw InputError(.unsupportedZip, file: file, "the zip entry '\(entryName)' lives on disk \(disk + 1) of a split archive; split archives cannot be read")
            }
            let (localOffset, overflow) = local.addingReportingOverflow(shift)
            guard !overflow, localOffset >= 0, localOffset < zip.count else {
                throw corrupt("the zip entry '\(entryName)' puts its local header at byte \(local), outside the \(zip.count)-byte file")
            }
            entries.append(ZipEntry(name: entryName, flags: UInt16(flags), method: UInt16(method), crc32: UInt32(crc),
                                    compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: localOffset))
            p += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// The last end-of-central-directory record: it sits in the final 22 bytes plus a comment of
    /// up to 65535 bytes.
    private static func endRecord(_ zip: ZipBytes) -> Int? {
        guard zip.count >= 22 else { return nil }
        let lowest = max(0, zip.count - 22 - 0xFFFF)
        var i = zip.count - 22
        while i >= lowest {
            if zip.hasSignature(endOfDirectory, at: i), let comment = zip.u16(i + 20), i + 22 + comment <= zip.count {
                return i
            }
            i -= 1
        }
        return nil
    }

    private static func directoryLocation(_ zip: ZipBytes, end: Int, file: String) throws(InputError) -> Directory {
        guard let disk = zip.u16(end + 4), let directoryDisk = zip.u16(end + 6), let count = zip.u16(end + 10),
              let size = zip.u32(end + 12), let offset = zip.u32(end + 16)
        else {
            throw InputError(.corruptZip, file: file, "the zip end of central directory record is cut off")
        }
        let locator = end - 20
        guard locator >= 0, zip.hasSignature(zip64Locator, at: locator) else {
            if disk != 0 || directoryDisk != 0 {
                throw InputError(.unsupportedZip, file: file, "the zip archive is split over several disks; split archives cannot be read")
            }
            return Directory(count: count, size: size, offset: offset, end: end)
        }
        guard let recordOffset = zip.u64(locator + 8), zip.hasSignature(zip64EndOfDirectory, at: recordOffset),
              let disk64 = zip.u32(recordOffset + 16), let directoryDisk64 = zip.u32(recordOffset + 20),
              let count64 = zip.u64(recordOffset + 32), let size64 = zip.u64(recordOffset + 40), let offset64 = zip.u64(recordOffset + 48)
        else {
            throw InputError(.corruptZip, file: file, "the zip64 end of central directory record is missing or damaged")
        }
        if disk64 != 0 || directoryDisk64 != 0 {
            throw InputError(.unsupportedZip, file: file, "the zip archive is split over several disks; split archives cannot be read")
        }
        return Directory(count: count64, size: size64, offset: offset64, end: recordOffset)
    }

    /// Reads the zip64 extended information field (id 1): it holds, in this order, only those of
    /// the sizes, the offset and the disk whose 32/16-bit fields are saturated.
    private static func zip64Sizes(_ extra: ZipBytes, uncompressed: inout Int, compressed: inout Int, local: inout Int, disk: inout Int) -> Bool {
        var p = 0
        while let id = extra.u16(p), let length = extra.u16(p + 2) {
            guard let field = extra.slice(p + 4, length) else { return false }
            if id == 1 {
                let values = ZipBytes(buffer: field)
                var q = 0
                func next64() -> Int? {
                    defer { q += 8 }
                    return values.u64(q)
                }
                if uncompressed == 0xFFFF_FFFF { guard let v = next64() else { return false }; uncompressed = v }
                if compressed == 0xFFFF_FFFF { guard let v = next64() else { return false }; compressed = v }
                if local == 0xFFFF_FFFF { guard let v = next64() else { return false }; local = v }
                if disk == 0xFFFF { guard let v = values.u32(q) else { return false }; disk = v }
                return true
            }
            p += 4 + length
        }
        return false
    }
}
