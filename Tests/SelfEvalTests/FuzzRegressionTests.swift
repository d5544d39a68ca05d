import Foundation
import Testing
@testable import SelfEval

/// Every input a fuzz target crashed, leaked, hung or ran out of memory on (minimized, under
/// `Fixtures/fuzz-regressions/`, named `TARGET-KIND-HASH` by `Scripts/fuzz`) goes through the
/// reader its target exercised and then the whole pipeline and every writer. Each must end in
/// a result or a clean `InputError`, within a hang guard that reports instead of stalling the suite.
@Suite struct FuzzRegressionTests {
    static let directory = TestPaths.fixtures.appendingPathComponent("fuzz-regressions")

    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// What one input came to: the forms it gave, or the error that stopped it.
    enum Outcome: Sendable {
        case converted(forms: Int, json: Int)
        case refused(InputError)
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.count >= 1)
        for name in Self.inputs {
            #expect(["cells-", "tsv-", "markdown-", "docx-xml-", "zip-", "pipeline-"].contains { name.hasPrefix($0) }, "\(name) names no fuzz target")
        }
    }

    @Test(arguments: inputs) func endsInAResultOrACleanError(name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name))
        let outcomes = try #require(Self.withHangGuard(seconds: 60) { Self.run(name: name, data: data) }, "\(name) did not finish within 60 s")
        #expect(!outcomes.isEmpty)
        for outcome in outcomes {
            switch outcome {
            case .converted(_, let json):
                #expect(json > 0)
            case .refused(let error):
                #expect(error.file == name)
                #expect(!error.message.isEmpty)
            }
        }
    }

    /// The formats the input is read as: the fuzz target's own reader, then (for text) sniffing.
    private static func run(name: String, data: Data) -> [Outcome] {
        let formats: [SourceFormat?]
        var bytes = data
        switch name.prefix(while: { $0 != "-" }) {
        case "cells": formats = [.cells, nil]
        case "tsv": formats = [.tsv, nil]
        case "markdown": formats = [.markdown, .html, nil]
        case "docx": // docx-xml: the bytes were a bare document.xml; wrap them in a package.
            bytes = (try? DOCXBuilder.zip([("[Content_Types].xml", Data(DOCXBuilder.contentTypes.utf8)),
                                           ("_rels/.rels", Data(DOCXBuilder.packageRels.utf8)),
                                           ("word/document.xml", data)])) ?? data
            formats = [.docx]
        default: formats = [nil]
        }
        return formats.map { format in
            do throws(InputError) {
                let document = try DocumentReader().read(data: bytes, path: name, format: format)
                let evaluation = Converter().evaluate(document)
                let json = JSONWriter.render(evaluation.json)
                _ = evaluation.formLines()
                var csv = CSVExport()
                csv.add(evaluation)
                _ = GridRenderer.render(document)
                return .converted(forms: evaluation.forms.count, json: json.utf8.count)
            } catch {
                return .refused(error)
            }
        }
    }

    /// Runs `body` on its own thread and waits at most `seconds`; nil when it did not finish.
    /// A hung input then fails its test while the rest of the suite carries on.
    private static func withHangGuard<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }
}

/// Hands a value from the guarded thread back; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
