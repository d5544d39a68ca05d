import Foundation
@testable import SelfEval

/// Where the tests find their own fixtures and, when present, the shared material beside the repo.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleDocs = packageRoot.appendingPathComponent("SampleDocs")
    static let fixtures = packageRoot.appendingPathComponent("Tests/SelfEvalTests/Fixtures")
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static var sharedAvailable: Bool { FileManager.default.fileExists(atPath: shared.path) }

    static func sample(_ name: String) -> String { sampleDocs.appendingPathComponent(name).path }
}

func read(_ text: String, format: SourceFormat? = nil, path: String = "test.txt") throws -> SourceDocument {
    try DocumentReader().read(data: Data(text.utf8), path: path, format: format)
}
