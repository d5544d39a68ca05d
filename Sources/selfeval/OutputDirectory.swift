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

    /// The directory's path with a trailing slash, so a file's path is one concatenation.
    private let prefix: String
    private var batchFiles: [String: OutputFile] = [:]

    static let jsonLinesName = "forms.jsonl"

    init(path: String, formats: Set<OutputFormat>, csv: CSVOptions) throws(Failure) {
        if let code = Self.makeDirectories(path) {
            throw Failure(path: path, reason: "cannot create the output directory: \(OutputFile.SystemError(code).reason)")
        }
        prefix = path.hasSuffix("/") ? path : path + "/"
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
            let filePath = self.path(of: name)
            do {
                let file = try OutputFile(creating: filePath)
                try file.write(header)
                batchFiles[name] = file
            } catch {
                throw Failure(path: filePath, reason: "cannot be created: \(error.reason)")
            }
        }
    }

    func path(of name: String) -> String { prefix + name }

    /// Writes a rendered document to a temporary file beside `name` and renames it into place, as
    /// the streamed path does. Foundation's atomic write also synced every file to the disk and
    /// copied its extended attributes: most of a small form's time at one job went to the kernel.
    func writeDocument(_ bytes: [UInt8], name: String) throws(Failure) {
        try writeDocument(name: name) { file in try file.write(bytes) }
    }

    /// Streams a document into a temporary file beside `name` and renames it into place, so a
    /// large document is never held whole and a failed write leaves no half file under `name`.
    func writeDocument(name: String, _ write: (inout JSONStreamWriter) throws -> Void) throws(Failure) {
        try writeDocument(name: name) { file in
            var writer = JSONStreamWriter { chunk in try file.write(chunk) }
            try write(&writer)
        }
    }

    /// The temporary file, the rename, and the clean-up when anything fails.
    private func writeDocument(name: String, _ fill: (OutputFile) throws -> Void) throws(Failure) {
        let target = path(of: name), partial = path(of: ".\(name).partial")
        let file: OutputFile
        do { file = try OutputFile(creating: partial) } catch {
            throw Failure(path: partial, reason: "cannot be created: \(error.reason)")
        }
        var failure: (any Error)?
        do { try fill(file) } catch { failure = error }
        do { try file.close() } catch { failure = failure ?? error }
        if failure == nil, rename(partial, target) != 0 { failure = OutputFile.SystemError(errno) }
        if let failure {
            unlink(partial)
            throw Failure(path: target, reason: "cannot be written: \(Self.reason(failure))")
        }
    }

    /// Appends to a batch file what `write` hands over, piece by piece.
    func append(to name: String, _ write: ((String) throws -> Void) throws -> Void) throws(Failure) {
        guard let file = batchFiles[name] else { return }
        do {
            try write { text in try file.write(text) }
        } catch {
            throw Failure(path: file.path, reason: "cannot be written: \(Self.reason(error))")
        }
    }

    /// Appends JSON Lines to `forms.jsonl` as `write` produces them.
    func appendJSONLines(_ write: (inout JSONStreamWriter) throws -> Void) throws(Failure) {
        guard let file = batchFiles[Self.jsonLinesName] else { return }
        do {
            var writer = JSONStreamWriter(pretty: false) { chunk in try file.write(chunk) }
            try write(&writer)
            try writer.flush()
        } catch {
            throw Failure(path: file.path, reason: "cannot be written: \(Self.reason(error))")
        }
    }

    /// Takes away the JSON a previous run left for an input that failed this time, so the
    /// directory never shows a result this run did not produce.
    func removeDocument(name: String) {
        unlink(path(of: name))
    }

    func append(_ text: String?, to name: String) throws(Failure) {
        guard let text, !text.isEmpty, let file = batchFiles[name] else { return }
        do { try file.write(text) } catch {
            throw Failure(path: file.path, reason: "cannot be written: \(error.reason)")
        }
    }

    /// Appends encoded records to one of the batch files.
    func append(_ bytes: [UInt8]?, to name: String) throws(Failure) {
        guard let bytes, !bytes.isEmpty, let file = batchFiles[name] else { return }
        do { try file.write(bytes) } catch {
            throw Failure(path: file.path, reason: "cannot be written: \(error.reason)")
        }
    }

    func close() throws(Failure) {
        for (_, file) in batchFiles.sorted(by: { $0.key < $1.key }) {
            do { try file.close() } catch { throw Failure(path: file.path, reason: "cannot be closed: \(error.reason)") }
        }
    }

    /// `mkdir -p`, with the system's error number when it fails: Foundation's error for a path
    /// under a file, or a file in the way, said only "The operation could not be completed".
    private static func makeDirectories(_ path: String) -> Int32? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0, errno != EEXIST { return errno }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return errno }
        return status.st_mode & S_IFMT == S_IFDIR ? nil : EEXIST
    }

    private static func reason(_ error: any Error) -> String {
        if let system = error as? OutputFile.SystemError { return system.reason }
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
