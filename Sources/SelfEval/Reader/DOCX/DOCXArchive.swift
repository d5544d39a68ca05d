import Foundation
import ZIPFoundation

/// The zip package of a DOCX, opened in memory, handing out parts with inflation bounded.
/// A zip bomb lies in its headers, so each part's declared size is checked first and the
/// inflated bytes are counted as they come, stopping past `maxEntryBytes`; all parts read
/// from one package together stay under `maxArchiveBytes`.
struct DOCXArchive {
    private let archive: Archive
    private let file: String
    private let limits: ReadLimits
    private var entries: [String: Entry] = [:]
    private var inflated = 0

    init(_ data: Data, file: String, limits: ReadLimits) throws(InputError) {
        self.file = file
        self.limits = limits
        guard data.starts(with: [0x50, 0x4B]) else {
            throw InputError(.notZip, file: file, "is not a zip archive, so it cannot be DOCX")
        }
        // ZIPFoundation silently ends its entry list at an encrypted entry, so look first.
        if let encrypted = ZipCentralDirectory.firstEncryptedEntry(in: data) {
            throw InputError(.encrypted, file: file, "the zip entry '\(encrypted)' is encrypted; password-protected documents cannot be read")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw InputError(.corruptZip, file: file, "the zip archive is damaged or truncated (no readable central directory)")
        }
        for entry in archive {
            entries[Self.normalised(entry.path)] = entry
        }
        if entries.isEmpty {
            throw InputError(.corruptZip, file: file, "the zip archive lists no readable entries")
        }
    }

    func contains(_ path: String) -> Bool { entries[Self.normalised(path)] != nil }

    /// The inflated bytes of one part, or nil when the package has no such part.
    mutating func part(_ path: String) throws(InputError) -> Data? {
        guard let entry = entries[Self.normalised(path)] else { return nil }
        let declared = entry.uncompressedSize
        if declared > UInt64(limits.maxEntryBytes) {
            throw InputError(.limitExceeded, file: file, "the zip entry '\(path)' declares \(declared) bytes, over the limit of \(limits.maxEntryBytes) (raise it with --max-entry-bytes)")
        }
        let entryLimit = limits.maxEntryBytes
        let archiveLimit = limits.maxArchiveBytes - inflated
        var out = Data()
        out.reserveCapacity(Int(min(declared, UInt64(min(entryLimit, 64 << 20)))))
        var stop: InputError?
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > entryLimit {
                    stop = InputError(.limitExceeded, file: file, "the zip entry '\(path)' inflates past \(entryLimit) bytes although it declares \(declared): stopped (raise it with --max-entry-bytes)")
                    throw CocoaError(.fileReadTooLarge)
                }
                if out.count + chunk.count > archiveLimit {
                    stop = InputError(.limitExceeded, file: file, "the zip entries read from this archive inflate past \(limits.maxArchiveBytes) bytes: stopped at '\(path)'")
                    throw CocoaError(.fileReadTooLarge)
                }
                out.append(chunk)
            }
        } catch {
            if let stop { throw stop }
            throw InputError(.corruptZip, file: file, "the zip entry '\(path)' cannot be inflated: it is damaged or truncated")
        }
        inflated += out.count
        return out
    }

    /// Zip paths inside an OPC package are case-insensitive and may carry a leading slash.
    private static func normalised(_ path: String) -> String {
        var p = path
        while p.hasPrefix("/") { p.removeFirst() }
        return p.lowercased()
    }
}
