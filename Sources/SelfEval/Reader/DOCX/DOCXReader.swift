import Foundation

/// Reads a Word document's body into paragraphs and tables.
public struct DOCXReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func read(_ data: Data, source: SourceInfo) throws(InputError) -> SourceDocument {
        throw InputError(.unknownFormat, file: source.path, "DOCX is not read yet")
    }
}
