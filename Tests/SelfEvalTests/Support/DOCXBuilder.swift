import Foundation
import ZIPFoundation
@testable import SelfEval

/// Builds small DOCX packages in memory, so that each reader rule is tested on the few lines
/// of WordprocessingML that exercise it.
enum DOCXBuilder {
    static let namespaces = """
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
    xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
    xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
    xmlns:v="urn:schemas-microsoft-com:vml" \
    xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" \
    mc:Ignorable="w14"
    """

    /// `body` wrapped in `w:document`/`w:body` with the usual namespace declarations.
    static func documentXML(body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
    """

    static let packageRels = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    /// A zip holding the given parts, deflated.
    static func zip(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let bytes = part.data
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// A minimal DOCX whose main part is `documentXML`.
    static func package(documentXML: String, extraParts: [(path: String, data: Data)] = []) throws -> Data {
        try zip([("[Content_Types].xml", Data(contentTypes.utf8)), ("_rels/.rels", Data(packageRels.utf8)),
                 ("word/document.xml", Data(documentXML.utf8))] + extraParts)
    }

    static func package(body: String) throws -> Data {
        try package(documentXML: documentXML(body: body))
    }

    /// Reads a body through the public entry point, as the CLI would.
    static func read(body: String, limits: ReadLimits = .standard) throws -> SourceDocument {
        try DocumentReader(limits: limits).read(data: package(body: body), path: "test.docx")
    }

    static func read(_ data: Data, limits: ReadLimits = .standard) throws(InputError) -> SourceDocument {
        try DocumentReader(limits: limits).read(data: data, path: "test.docx")
    }

    // MARK: - WordprocessingML snippets

    static func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    /// A cell; `props` goes inside `w:tcPr` (e.g. `<w:gridSpan w:val="2"/>`).
    static func tc(_ text: String, _ props: String = "") -> String {
        "<w:tc><w:tcPr>\(props)</w:tcPr>\(p(text))</w:tc>"
    }

    static func tr(_ cells: String..., props: String = "") -> String {
        "<w:tr>" + (props.isEmpty ? "" : "<w:trPr>\(props)</w:trPr>") + cells.joined() + "</w:tr>"
    }

    static func tbl(columns: Int, _ rows: String...) -> String {
        "<w:tbl><w:tblPr/><w:tblGrid>" + String(repeating: "<w:gridCol w:w=\"1000\"/>", count: columns) + "</w:tblGrid>" + rows.joined() + "</w:tbl>"
    }
}

extension TableGrid {
    /// The grid as the contract prints it: anchored text, nil where a merge covers the slot.
    var textGrid: [[String?]] {
        (0..<rowCount).map { r in (0..<columnCount).map { c in text(row: r, column: c) } }
    }

    /// (row, column, rowSpan, colSpan) of every merged cell.
    var spans: [[Int]] { merges.map { [$0.row, $0.column, $0.rowSpan, $0.colSpan] } }
}
