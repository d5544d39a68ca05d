import Foundation
import Testing
@testable import SelfEval

/// Whole documents: every file in SampleDocs against its committed golden JSON, the seeds scored
/// against the shared facts, the known arithmetic failures found, and no cell lost.
@Suite struct SeedTests {
    static let seeds = [
        "000_5320e8de541ccc4b.txt", "001_681a95170c656760.txt", "002_47886201469e3381.txt",
        "003_7518ab3a3420526e.txt", "004_6177011436b552d0.txt",
    ]

    static var sampleFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleDocs.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    /// Converts a SampleDocs file under a path that does not depend on where the repo lives.
    static func evaluate(_ name: String) throws -> Evaluation {
        let data = try Data(contentsOf: TestPaths.sampleDocs.appendingPathComponent(name))
        return Converter().evaluate(try DocumentReader().read(data: data, path: "SampleDocs/\(name)"))
    }

    @Test(arguments: sampleFiles)
    func matchesGoldenJSON(name: String) throws {
        let rendered = JSONWriter.render(try Self.evaluate(name).json)
        let golden = TestPaths.fixtures.appendingPathComponent("golden/\(name).json")
        if ProcessInfo.processInfo.environment["SELFEVAL_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == expected, "\(name) differs from its golden file; run Scripts/update-golden if the change is intended")
    }

    /// Every non-empty cell of a form's tables went into a field or is named in a diagnostic.
    @Test(arguments: sampleFiles)
    func everyCellOfAFormIsAccountedFor(name: String) throws {
        let lost = CellAccounting.lostCells(in: try Self.evaluate(name))
        #expect(lost.isEmpty, "cells neither in a field nor named in a diagnostic:\n\(lost.map(\.description).joined(separator: "\n"))")
    }

    /// Every version of a seed (DOCX with real merges, Markdown with HTML or pipe tables, other
    /// encodings and line ends) gives the same forms as the seed's text export.
    @Test(arguments: sampleFiles.filter { !seeds.contains($0) && $0.count > 24 })
    func everyVersionGivesTheSeedsForms(name: String) throws {
        let seed = String(name.prefix(20)) + ".txt"
        let expected = try Self.evaluate(seed).forms
        let forms = try Self.evaluate(name).forms
        #expect(forms.count == expected.count)
        for (a, b) in zip(expected, forms) {
            #expect(JSONWriter.render(a.json) == JSONWriter.render(b.json), "\(a.name ?? "?") differs between \(seed) and \(name)")
        }
    }

    @Test func knownArithmeticFailuresAreFound() throws {
        let e000 = try Self.evaluate(Self.seeds[0])
        let village = try #require(e000.forms.first { $0.name == "城乡居保参保乡镇考核" })
        let total = try #require(village.checks.first { $0.rule == "total-score" })
        #expect(total.status == .fail && total.expected == 75 && total.found == 85)
        let center = try #require(e000.forms.first)
        let rate = try #require(center.checks.first { $0.rule == "execution-rate" })
        #expect(rate.status == .pass && rate.message.contains("年初预算数"))

        let e004 = try Self.evaluate(Self.seeds[4])
        let within = try #require(e004.forms.first?.checks.first { $0.rule == "score-within-weight" })
        #expect(within.status == .fail && within.expected == 10 && within.found == 100)
    }

    /// The shared scorer against the shared facts (skipped where `../shared` is absent).
    @Test(arguments: seeds)
    func seedFactsScore(name: String) throws {
        let scorer = TestPaths.shared.appendingPathComponent("tools/score-facts")
        let facts = TestPaths.shared.appendingPathComponent("expected/\(name.replacingOccurrences(of: ".txt", with: ".facts.json"))")
        guard FileManager.default.fileExists(atPath: scorer.path), FileManager.default.fileExists(atPath: facts.path) else {
            print("skipped: \(scorer.path) or the facts are absent")
            return
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("selfeval-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        try Data(JSONWriter.render(try Self.evaluate(name).json).utf8).write(to: out)
        let line = try runPython([scorer.path, facts.path, out.path]).split(separator: "\n").last.map(String.init) ?? ""
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        try #require(numbers.count >= 4, "unexpected scorer output: \(line)")
        let (right, checked, extraForms, extraIndicators) = (numbers[numbers.count - 4], numbers[numbers.count - 3], numbers[numbers.count - 2], numbers[numbers.count - 1])
        #expect(Double(right) >= 0.99 * Double(checked), "\(line)")
        #expect(extraIndicators == 0, "\(line)")
        // 001 holds 17 complete forms; its facts list 16 (the last, 取消职业介绍补贴的工作经费, is missing there).
        #expect(extraForms <= (name.hasPrefix("001_") ? 1 : 0), "\(line)")
    }
}

func runPython(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
