import Foundation
@testable import SelfEval

/// The seeds in SampleDocs with the tables each holds, as (rows, columns), checked by eye against
/// the files.
enum Seeds {
    static let shapes: [(file: String, tables: [Shape])] = [
        ("000_5320e8de541ccc4b", [Shape(20, 9), Shape(29, 9), Shape(29, 9), Shape(29, 9), Shape(29, 9)]),
        ("001_681a95170c656760", [Shape(16, 6), Shape(16, 6), Shape(15, 6), Shape(16, 6), Shape(16, 6), Shape(17, 6),
                                  Shape(17, 6), Shape(15, 6), Shape(15, 6), Shape(15, 6), Shape(13, 6), Shape(17, 6),
                                  Shape(20, 6), Shape(16, 6), Shape(16, 6), Shape(20, 6), Shape(19, 6)]),
        ("002_47886201469e3381", [Shape(44, 8), Shape(34, 5), Shape(12, 2)]),
        ("003_7518ab3a3420526e", [Shape(43, 8), Shape(1, 1), Shape(1, 1), Shape(1, 1), Shape(1, 1), Shape(28, 7)]),
        ("004_6177011436b552d0", [Shape(20, 10), Shape(20, 9), Shape(20, 9)]),
    ]

    static let names = shapes.map(\.file)

    struct Shape: Equatable, CustomStringConvertible {
        var rows: Int
        var columns: Int
        init(_ rows: Int, _ columns: Int) { self.rows = rows; self.columns = columns }
        init(_ grid: TableGrid) { self.init(grid.rowCount, grid.columnCount) }
        var description: String { "\(rows)×\(columns)" }
    }
}

func readSample(_ name: String) throws -> SourceDocument {
    try DocumentReader().read(fileAt: TestPaths.sample(name))
}

func rawSample(_ name: String) throws -> String {
    try String(contentsOfFile: TestPaths.sample(name), encoding: .utf8)
}

/// Counts of each distinct string: what conservation tests compare.
func multiset<S: Sequence>(_ items: S) -> [String: Int] where S.Element == String {
    var counts: [String: Int] = [:]
    for item in items { counts[item, default: 0] += 1 }
    return counts
}

/// The text with every run of white space one space, trimmed: HTML collapses spaces, the text
/// exports do not, so comparisons across formats use this.
func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ").trimmed
}

/// The inspection JSON without its `source` member, which differs between encodings of one text.
func inspectionWithoutSource(_ document: SourceDocument) -> JSONValue {
    guard case .object(let members) = document.inspectionJSON else { return document.inspectionJSON }
    return .object(members.filter { $0.0 != "source" })
}

/// Every anchored, non-blank cell text of every table.
func anchoredTexts(_ document: SourceDocument) -> [String] {
    document.tables.flatMap { $0.nonEmptyCells.map(\.text) }
}
