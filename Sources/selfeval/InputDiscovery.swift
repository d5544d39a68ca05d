import Foundation
import SelfEval

/// Turns the command line's paths into the ordered list of inputs: files as given, directories
/// walked in sorted order for the extensions selfeval reads, `-` as standard input. The order is
/// the order of every output, whatever the scheduling.
struct InputDiscovery {
    static let extensions: Set<String> = ["txt", "tsv", "md", "markdown", "html", "htm", "docx"]

    var limits: ReadLimits

    struct Result {
        var inputs: [BatchInput] = []
        /// Paths that could not be used, and their `path: error: message` lines.
        var errors: [(path: String, message: String)] = []
        /// Things worth saying that are not failures (an empty directory, a repeated file).
        var notes: [String] = []
    }

    func discover(_ arguments: [String]) -> Result {
        var result = Result()
        var seen: Set<String> = []
        func add(_ path: String) {
            let key = Self.canonicalPath(path)
            guard seen.insert(key).inserted else {
                result.notes.append("\(path): note: given more than once; converted once")
                return
            }
            result.inputs.append(BatchInput(path: path, origin: .file))
        }
        for argument in arguments {
            if argument == "-" {
                switch readStandardInput() {
                case .success(let data): result.inputs.append(BatchInput(path: BatchInput.standardInputPath, origin: .standardInput(data)))
                case .failure(let error): result.errors.append((BatchInput.standardInputPath, error.description))
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                result.errors.append((argument, "\(argument): error: no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                add(argument)
                continue
            }
            let found = walk(argument)
            if found.isEmpty {
                result.notes.append("\(argument): warning: no .\(Self.extensions.sorted().joined(separator: " .")) files in this directory")
            }
            found.forEach(add)
        }
        return result
    }

    /// The readable files under a directory, hidden files and folders and Word's `~$` lock files
    /// left out, sorted so that runs are reproducible.
    private func walk(_ directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            var isDirectoryFlag: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectoryFlag)
            let isDirectory = isDirectoryFlag.boolValue
            if name.hasPrefix(".") {
                if isDirectory { enumerator.skipDescendants() }
                continue
            }
            guard !isDirectory, !name.hasPrefix("~$"),
                  Self.extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            found.append(relative)
        }
        let separator = directory.hasSuffix("/") ? "" : "/"
        return found.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map { directory + separator + $0 }
    }

    /// The one name of a file whatever path reached it, so a file given twice is read once.
    /// `realpath` asks the system once per file; Foundation's URL walk took several calls.
    private static func canonicalPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Reads standard input up to the input limit, so a runaway pipe fails like a huge file.
    private func readStandardInput() -> Swift.Result<Data, InputError> {
        var data = Data()
        let handle = FileHandle.standardInput
        while true {
            let chunk: Data
            do {
                guard let read = try handle.read(upToCount: 1 << 20), !read.isEmpty else { break }
                chunk = read
            } catch {
                return .failure(InputError(.unreadable, file: BatchInput.standardInputPath, "cannot be read: \(error.localizedDescription)"))
            }
            data.append(chunk)
            if data.count > limits.maxInputBytes {
                return .failure(InputError(.tooLarge, file: BatchInput.standardInputPath, limits.exceeded(.inputBytes, "is \(data.count) bytes")))
            }
        }
        return .success(data)
    }
}
