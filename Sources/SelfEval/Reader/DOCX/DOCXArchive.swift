import Foundation

/// The zip package of a DOCX, opened in memory, handing out parts with inflation bounded.
/// A zip bomb lies in its headers, so each part's declared size is checked first and the
/// inflated bytes are counted as they come, stopping past `maxEntryBytes`; all parts read
/// from one package together stay under `maxArchiveBytes`.
struct DOCXArchive {
    private let archive: ZipArchive
    private let file: String
    private let limits: ReadLimits
    private var entries: [String: ZipEntry] = [:]
    private var inflated = 0

    init(_ data: Data, file: String, limits: ReadLimits) throws(InputError) {
        self.file = file
        self.limits = limits
        guard data.starts(with: [0x50, 0x4B]) else {
            throw InputError(.notZip, file: file, "is not a zip archive, so it cannot be DOCX")
        }
        archive = try ZipArchive(data, file: file)
        // An encrypted entry means a password-protected package: say so rather than report a missing part.
        if let encrypted = archive.entries.first(where: \.isEncrypted) {
            throw InputError(.encrypted, file: file, "the zip entry '\(encrypted.name)' is encrypted; password-protected documents cannot be read")
        }
        for entry in archive.entries where !entry.isDirectory {
            entries[Self.normalised(entry.name)] = entry
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
        if declared > limits.maxEntryBytes {
            throw InputError(.limitExceeded, file: file, "the zip entry '\(path)' declares \(declared) bytes, over the limit of \(limits.maxEntryBytes) (raise it with --max-entry-bytes)")
        }
        let remaining = max(0, limits.maxArchiveBytes - inflated)
        if declared > remaining {
            throw archiveLimit(at: path)
        }
        let bytes: Data
        do {
            bytes = try archive.contents(of: entry, limit: min(limits.maxEntryBytes, remaining))
        } catch where error.code == .limitExceeded {
            if remaining < limits.maxEntryBytes { throw archiveLimit(at: path) }
            throw InputError(.limitExceeded, file: file, "the zip entry '\(path)' inflates past \(limits.maxEntryBytes) bytes although it declares \(declared): stopped (raise it with --max-entry-bytes)")
        }
        inflated += bytes.count
        return bytes
    }

    private func archiveLimit(at path: String) -> InputError {
        InputError(.limitExceeded, file: file, "the zip entries read from this archive inflate past \(limits.maxArchiveBytes) bytes: stopped at '\(path)' (raise it with --max-archive-bytes)")
    }

    /// Zip paths inside an OPC package are case-insensitive and may carry a leading slash.
    private static func normalised(_ path: String) -> String {
        var p = path
        while p.hasPrefix("/") { p.removeFirst() }
        return p.lowercased()
    }
}
