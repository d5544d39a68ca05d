import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `selfeval` as a child process with `posix_spawn` and reaps it with `wait4`,
/// which hands back that one child's resource usage: the only way to read a run's peak memory
/// (Foundation's `Process` reaps its children itself and keeps no usage).
struct ChildProcess {
    /// How the child ended.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    var ending: Ending
    var stdout: Data
    var stderr: String
    /// Peak resident set size of the child, in bytes.
    var peakBytes: Int
    var seconds: Double

    /// The `selfeval` built beside the running test binary (so an AddressSanitizer build in its
    /// own scratch directory runs its own executable), else the debug build's.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("selfeval")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            if directory.lastPathComponent == ".build" || directory.lastPathComponent.hasPrefix(".build-") { break }
            directory = directory.deletingLastPathComponent()
        }
        return TestPaths.packageRoot.appendingPathComponent(".build/debug/selfeval")
    }()

    static var available: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// Resource bounds are multiplied by this under a sanitizer (`Scripts/test --asan` sets
    /// SELFEVAL_SANITIZER): shadow memory and checks cost about 3× in memory and time.
    static let sanitizerFactor: Int = ProcessInfo.processInfo.environment["SELFEVAL_SANITIZER"] == nil ? 1 : 4

    /// A file's bytes read through a file handle: `Data(contentsOf:)` of an empty file leaks
    /// 4 KB in this toolchain's FoundationEssentials (LeakSanitizer), and output files are often empty.
    static func contents(_ path: String) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.readToEnd()) ?? Data()
    }

    init(_ arguments: [String]) throws {
        let scratch = try TemporaryDirectory()
        let outPath = scratch.path("stdout"), errPath = scratch.path("stderr")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([Self.executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = argv.withUnsafeBufferPointer { buffer in
            posix_spawn(&pid, Self.executable.path, &actions, nil, buffer.baseAddress!, environ)
        }
        guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn failed: \(spawned)"]) }
        var status: Int32 = 0
        var usage = rusage()
        var reaped: pid_t
        repeat { reaped = wait4(pid, &status, 0, &usage) } while reaped == -1 && errno == EINTR
        guard reaped == pid else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "wait4 failed: errno \(errno)"]) }
        seconds = Date().timeIntervalSince(start)
        ending = status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
        peakBytes = Int(usage.ru_maxrss) * 1024
        stdout = Self.contents(outPath)
        stderr = String(decoding: Self.contents(errPath), as: UTF8.self)
    }
}
