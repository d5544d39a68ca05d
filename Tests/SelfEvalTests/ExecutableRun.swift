import Foundation

/// Runs the built `selfeval` executable, as a user would, and captures what it printed.
struct ExecutableRun {
    static var executable: URL { ChildProcess.executable }
    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    var status: Int32
    var stdout: Data
    var stderr: String
    var output: String { String(decoding: stdout, as: UTF8.self) }

    init(_ arguments: [String], stdin: Data? = nil, in directory: URL = TestPaths.packageRoot) throws {
        let scratch = try TemporaryDirectory()
        let outURL = scratch.url.appendingPathComponent("stdout"), errURL = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        if let stdin {
            let inURL = scratch.url.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = ChildProcess.contents(outURL.path)
        stderr = String(decoding: ChildProcess.contents(errURL.path), as: UTF8.self)
    }
}

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Python 3 with `jsonschema`, for validating outputs against the committed schema.
enum Python {
    static let hasJSONSchema: Bool = {
        guard let run = try? PythonRun(["-c", "import jsonschema"]) else { return false }
        return run.status == 0
    }()
}

struct PythonRun {
    var status: Int32
    var output: String

    init(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: data, as: UTF8.self)
    }
}

/// The `SampleDocs/*.txt` files, in name order.
func sampleTextFiles() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: TestPaths.sampleDocs, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "txt" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
}
