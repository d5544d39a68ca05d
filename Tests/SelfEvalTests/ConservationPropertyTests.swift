import Foundation
import Testing
@testable import SelfEval

/// Conservation over generated tables: free tables with random spans, empty slots and wrapped
/// text, and form-like tables with noise, each written in every format and converted whole.
/// (a) every non-empty cell text lands in exactly one grid slot; (b) every non-empty cell of a
/// table mapped to a form is in a field or named in a diagnostic (`CellAccounting`).
///
/// The chunks run one after another, so that the test keeps one core busy and leaves the other
/// to the rest of the suite.
@Suite(.serialized) struct ConservationPropertyTests {
    static let baseSeed: UInt64 = 0x5E1F_2026
    /// Tables per chunk.
    static let tablesPerChunk = 100
    static let chunks = 0..<20

    /// A failure names the case's seed and what the generator made, shrunk to the fewest cells
    /// that still fail, so it can be replayed and read.
    struct Failure: CustomStringConvertible {
        var seed: UInt64
        var format: GeneratedDocument
        var problem: String
        var table: GeneratedTable
        var description: String {
            "seed \(String(seed, radix: 16)) as \(format) (\(table.notes.joined(separator: ", "))): \(problem)\n\(table.sketch)"
        }
    }

    static func seed(_ i: Int) -> UInt64 { baseSeed &+ UInt64(i) &* 0x1_0000_0001 }

    @Test(arguments: chunks)
    func everyCellIsConservedInEveryFormat(chunk: Int) throws {
        var failures: [Failure] = []
        var forms = 0, cells = 0
        let tables = (chunk * Self.tablesPerChunk)..<((chunk + 1) * Self.tablesPerChunk)
        for i in tables {
            var generator = TableGenerator(seed: Self.seed(i))
            let table = generator.table()
            for format in GeneratedDocument.allCases {
                let evaluation = try format.evaluate(table)
                if !evaluation.forms.isEmpty { forms += 1 }
                cells += table.nonEmptyTexts.count
                if let problem = Self.problem(in: evaluation, of: table) {
                    failures.append(Failure(seed: Self.seed(i), format: format, problem: problem, table: table))
                }
            }
        }
        let documents = tables.count * GeneratedDocument.allCases.count
        print("conservation chunk \(chunk): \(tables.count) tables × \(GeneratedDocument.allCases.count) formats = \(documents) documents, \(forms) with a form, \(cells) cells, \(failures.count) failures")
        #expect(forms * 2 > documents, "too few generated documents became forms to test form conservation")
        let failed = failures.count
        #expect(failed == 0, "\(failed) of \(documents) conversions lose cells:\n\(failures.prefix(8).map { Self.shrunk($0).description }.joined(separator: "\n\n"))")
    }

    /// Both properties for one converted document; nil when both hold.
    static func problem(in evaluation: Evaluation, of table: GeneratedTable) -> String? {
        let expected = multiset(table.nonEmptyTexts.map(collapsed))
        let found = multiset(evaluation.tables.flatMap { $0.nonEmptyCells.map { collapsed($0.text) } })
        if expected != found {
            let missing = expected.filter { found[$0.key, default: 0] < $0.value }.keys.sorted()
            let extra = found.filter { expected[$0.key, default: 0] < $0.value }.keys.sorted()
            return "grid conservation: missing \(missing), extra \(extra)"
        }
        let lost = CellAccounting.lostCells(in: evaluation)
        return lost.isEmpty ? nil : "form conservation: " + lost.map(\.description).joined(separator: "; ")
    }

    /// The failing table with as many cells blanked as possible while it still fails.
    static func shrunk(_ failure: Failure) -> Failure {
        var current = failure
        var progress = true
        while progress {
            progress = false
            for (r, c) in current.table.anchors {
                let smaller = current.table.blanking(row: r, column: c)
                guard smaller.nonEmptyTexts.count < current.table.nonEmptyTexts.count,
                      let evaluation = try? current.format.evaluate(smaller),
                      let problem = problem(in: evaluation, of: smaller) else { continue }
                current.table = smaller
                current.problem = problem
                progress = true
                break
            }
        }
        return current
    }
}
