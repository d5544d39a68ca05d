import Foundation
import SelfEval

/// The `-o DIR` side of `convert`: one JSON file per input, and the batch files (`forms.jsonl`,
/// the CSV sheets) opened once with their headers and appended to in input order.
struct OutputDirectory {
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): error: \(reason)" }
    }

    let url: URL
    private var batchFiles: [String: FileHandle] = [:]

    static let jsonLinesName = "forms.jsonl"

    init(path: String, formats: Set<OutputFormat>, csv: CSVOptions) throws(Failure) {
        url = URL(fileURLWithPath: path, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: "cannot create the output directory: \(Self.reason(error))")
        }
        var headers: [(String, String)] = []
        if formats.contains(.jsonl) { headers.append((Self.jsonLinesName, "")) }
        if formats.contains(.csv) {
            headers += [
                (FormsCSV.fileName, CSVEncoding.header(FormsCSV.header(csv.headers), options: csv)),
                (IndicatorsCSV.fileName, CSVEncoding.header(IndicatorsCSV.header(csv.headers), options: csv)),
                (FundsCSV.fileName, CSVEncoding.header(FundsCSV.header(csv.headers), options: csv)),
            ]
        }
        for (name, header) in headers {
            let file = url.appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: file.path, contents: Data(header.utf8)),
                  let handle = try? FileHandle(forWritingTo: file) else {
                throw Failure(path: file.path, reason: "cannot be created")
            }
            _ = try? handle.seekToEnd()
            batchFiles[name] = handle
        }
    }

    func path(of name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a rendered document to a temporary file beside `name` and renames it into place, as
    /// the streamed path does. Foundation's atomic write also synced every file to the disk and
    /// copied its extended attributes: most of a small form's time at one job went to the kernel.
    func writeDocument(_ bytes: [UInt8], name: String) throws(Failure) {
        let target = path(of: name), partial = path(of: ".\(name).partial")
        let file = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard file >= 0 else {
            throw Failure(path: partial, reason: "cannot be created: \(String(cString: strerror(errno)))")
        }
        var problem: Int32?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(file, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    problem = errno
                    return
                }
                offset += written
            }
        }
        if Glibc.close(file) != 0, problem == nil { problem = errno }
        if problem == nil, rename(partial, target) != 0 { problem = errno }
        if let problem {
            unlink(partial)
            throw Failure(path: target, reason: "cannot be written: \(String(cString: strerror(problem)))")
        }
    }

    /// Streams a document into a temporary file beside `name` and renames it into place, so a
    /// large document is never held whole and a failed write leaves no half file under `name`.
    func writeDocument(name: String, _ write: (inout JSONStreamWriter) throws -> Void) throws(Failure) {
        let target = url.appendingPathComponent(name)
        let partial = url.appendingPathComponent(".\(name).partial")
        do {
            guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
                throw Failure(path: partial.path, reason: "cannot be created")
            }
            let handle = try FileHandle(forWritingTo: partial)
            do {
                var writer = JSONStreamWriter { chunk in try handle.write(contentsOf: chunk) }
                try write(&writer)
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            if rename(partial.path, target.path) != 0 {
                throw Failure(path: path(of: name), reason: "cannot be written: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            if let failure = error as? Failure { throw failure }
            throw Failure(path: path(of: name), reason: "cannot be written: \(Self.reason(error))")
        }
    }

    /// Appends to a batch file what `write` hands over, piece by piece.
    func append(to name: String, _ write: ((String) throws -> Void) throws -> Void) throws(Failure) {
        guard let handle = batchFiles[name] else { return }
        do {
            try write { text in try handle.write(contentsOf: Data(text.utf8)) }
        } catch {
            throw Failure(path: path(of: name), reason: "cannot be written: \(Self.reason(error))")
        }
    }

    /// Appends JSON Lines to `forms.jsonl` as `write` produces them.
    func appendJSONLines(_ write: (inout JSONStreamWriter) throws -> Void) throws(Failure) {
        guard let handle = batchFiles[Self.jsonLinesName] else { return }
        do {
            var writer = JSONStreamWriter(pretty: false) { chunk in try handle.write(contentsOf: chunk) }
            try write(&writer)
            try writer.flush()
        } catch {
            throw Failure(path: path(of: Self.jsonLinesName), reason: "cannot be written: \(Self.reason(error))")
        }
    }

    /// Takes away the JSON a previous run left for an input that failed this time, so the
    /// directory never shows a result this run did not produce.
    func removeDocument(name: String) {
        try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }

    func append(_ text: String?, to name: String) throws(Failure) {
        guard let text, !text.isEmpty, let handle = batchFiles[name] else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw Failure(path: path(of: name), reason: "cannot be written: \(Self.reason(error))")
        }
    }

    func close() throws(Failure) {
        for (name, handle) in batchFiles.sorted(by: { $0.key < $1.key }) {
            do { try handle.close() } catch { throw Failure(path: path(of: name), reason: "cannot be closed: \(Self.reason(error))") }
        }
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
