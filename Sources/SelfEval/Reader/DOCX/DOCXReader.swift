import Foundation

/// Reads a Word document's body into paragraphs and tables.
///
/// The package is opened in memory with inflation bounded; the main part is found through
/// `_rels/.rels` (falling back to `word/document.xml`) and streamed with libxml2, so a hostile
/// file ends in an `InputError` for that file rather than a hang or an exhausted machine.
public struct DOCXReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func read(_ data: Data, source: SourceInfo) throws(InputError) -> SourceDocument {
        let file = source.path
        var archive = try DOCXArchive(data, file: file, limits: limits)
        var documentPart = "word/document.xml"
        if let rels = try archive.part("_rels/.rels"),
           let relationships = try? OPCRelationships(rels, part: "_rels/.rels", file: file, limits: limits),
           let target = relationships.target(ofType: "officeDocument", relativeTo: ""),
           archive.contains(target) {
            documentPart = target
        }
        guard let body = try archive.part(documentPart) else {
            throw InputError(.missingPart, file: file, "the package has no main document part (word/document.xml); it is not a Word document")
        }
        var document = SourceDocument(source: source)
        let styles = try readStyles(&archive, documentPart: documentPart, into: &document)
        var reader = WordBodyReader(file: file, limits: limits, styles: styles)
        let override = XMLDeclaration.override(for: body, part: documentPart)
        if let override { document.diagnostics.append(override.diagnostic) }
        try XMLStreamReader.read(body, part: documentPart, file: file, limits: limits, encoding: override?.encoding) { (xml: inout XMLStreamReader) throws(InputError) in
            do throws(InputError) {
                try reader.read(&xml, into: &document)
            } catch {
                // The line and column are the part's, so the message names the part.
                var located = error
                if !located.message.hasPrefix(documentPart + ":") { located.message = "\(documentPart): \(located.message)" }
                throw located
            }
        }
        if document.tables.isEmpty {
            document.diagnostics.append(Diagnostic(.warning, "no-table", "no table was found in the document"))
        }
        return document
    }

    /// Heading styles only name headings; a broken styles part costs the heading levels, not the file.
    private func readStyles(_ archive: inout DOCXArchive, documentPart: String, into document: inout SourceDocument) throws(InputError) -> WordStyles {
        let file = document.source.path
        let relsPath = OPCRelationships.resolve("_rels/" + (documentPart.split(separator: "/").last.map(String.init) ?? "document.xml") + ".rels", against: documentPart)
        var stylesPath = OPCRelationships.resolve("styles.xml", against: documentPart)
        if let rels = try archive.part(relsPath),
           let relationships = try? OPCRelationships(rels, part: relsPath, file: file, limits: limits),
           let target = relationships.target(ofType: "styles", relativeTo: documentPart) {
            stylesPath = target
        }
        guard let data = try archive.part(stylesPath) else { return WordStyles() }
        do {
            return try WordStyles(data, part: stylesPath, file: file, limits: limits)
        } catch {
            document.diagnostics.append(Diagnostic(.warning, "styles-unreadable", "\(stylesPath) could not be read (\(error.message)); heading levels come from the paragraphs alone"))
            return WordStyles()
        }
    }
}
