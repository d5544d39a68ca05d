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

    func writeDocument(_ bytes: [UInt8], name: String) throws(Failure) {
        do {
            // The bytes go out as they are: a large document's JSON is not copied once more.
            try bytes.withUnsafeBytes { buffer in
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: buffer.baseAddress!), count: buffer.count, deallocator: .none)
                    .write(to: url.appendingPathComponent(name), options: .atomic)
            }
        } catch {
            throw Failure(path: path(of: name), reason: "cannot be written: \(Self.reason(error))")
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
