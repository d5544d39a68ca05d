import Foundation
import Testing
import SelfEval

/// One line of `Fixtures/bad-inputs/EXPECTED.tsv`: a file of the corpus and what `selfeval
/// convert` must make of it.
struct BadInput: CustomTestStringConvertible, Sendable {
    enum Outcome: String, Sendable { case error, ok }

    var file: String
    var outcome: Outcome
    /// For an error, the `InputError` code; for ok, diagnostic codes that must all appear.
    var codes: [String]
    /// A substring of the error message, or of some diagnostic's message.
    var text: String?
    var note: String

    var testDescription: String { file }

    static let directory = TestPaths.fixtures.appendingPathComponent("bad-inputs")

    static let all: [BadInput] = {
        guard let table = try? String(contentsOf: directory.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8) else { return [] }
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let outcome = Outcome(rawValue: f[1]) else { return nil }
            return BadInput(file: f[0], outcome: outcome, codes: f[2] == "-" ? [] : f[2].split(separator: ",").map(String.init),
                            text: f[3] == "-" ? nil : f[3], note: f[4])
        }
    }()
}

/// Every file of the bad-input corpus (made by `Scripts/make-bad-inputs`) converted by the
/// built executable, one process each, so that a crash is that file's failure and its peak
/// memory can be read. Each ends as EXPECTED.tsv says, within the time and memory bounds. One
/// file at a time: some peak above 200 MB, and the rest of the suite runs beside them.
@Suite(.serialized, .enabled(if: ChildProcess.available, "build the selfeval executable first (swift build)"))
struct BadInputCorpusTests {
    /// Generous bounds for a debug build on a shared 2-core machine: the slowest file (a 10 MB
    /// line, mostly hashing in a debug build) takes about 12 s, the largest peaks at about 240 MB.
    static let secondsBound = 120.0 * Double(ChildProcess.sanitizerFactor)
    static let memoryBound = (512 << 20) * ChildProcess.sanitizerFactor

    @Test func theCorpusIsComplete() throws {
        let listed = Set(BadInput.all.map(\.file))
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: BadInput.directory.path)).subtracting(["EXPECTED.tsv"])
        #expect(listed.count >= 50)
        #expect(listed == present, "EXPECTED.tsv and the files differ: run Scripts/make-bad-inputs")
    }

    @Test(arguments: BadInput.all)
    func endsAsExpected(_ input: BadInput) throws {
        let path = BadInput.directory.appendingPathComponent(input.file).path
        let run = try ChildProcess(["convert", "--quiet", path])
        #expect(run.seconds < Self.secondsBound, "\(input.file) took \(run.seconds) s")
        #expect(run.peakBytes < Self.memoryBound, "\(input.file) peaked at \(run.peakBytes >> 20) MB")
        switch input.outcome {
        case .error:
            #expect(run.ending == .exited(1), "\(input.file): \(run.ending); \(run.stderr)")
            let message = run.stderr.split(separator: "\n").first { $0.contains(": error: ") }.map(String.init) ?? ""
            #expect(message.hasPrefix(path), "the error names the file: \(message)")
            if let text = input.text { #expect(message.contains(text), "\(input.file): \(message)") }
            // The code is not printed, so small files are read again in-process to check it; the
            // large hostile ones are judged by their message, which names the limit.
            if let code = input.codes.first, (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0 <= 64 << 10 {
                let error = #expect(throws: InputError.self) { try DocumentReader().read(fileAt: path) }
                #expect(error?.code.rawValue == code, "\(input.file): \(String(describing: error))")
            }
        case .ok:
            #expect(run.ending == .exited(0), "\(input.file): \(run.ending); \(run.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
            let diagnostics = json["diagnostics"] as? [[String: Any]] ?? []
            let codes = Set(diagnostics.compactMap { $0["code"] as? String })
            for code in input.codes { #expect(codes.contains(code), "\(input.file): no \(code) among \(codes.sorted())") }
            if let text = input.text {
                #expect(diagnostics.contains { ($0["message"] as? String)?.contains(text) == true },
                        "\(input.file): no diagnostic says \"\(text)\"")
            }
        }
    }
}
