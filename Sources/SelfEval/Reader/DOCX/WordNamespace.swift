/// The namespace URIs the DOCX reader acts on. Transitional and Strict OOXML name the main
/// WordprocessingML namespace differently; both are read the same way.
enum WordNamespace {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strictMain = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let word2010 = "http://schemas.microsoft.com/office/word/2010/wordml"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let math = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    static let strictMath = "http://purl.oclc.org/ooxml/officeDocument/math"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The namespaces the body reader tells apart.
    enum Kind { case main, markupCompatibility, word2010, math, other }

    static func kind(of uri: String) -> Kind {
        if isMain(uri) { return .main }
        if uri == markupCompatibility { return .markupCompatibility }
        if uri == word2010 { return .word2010 }
        if isMath(uri) { return .math }
        return .other
    }

    static func isMain(_ uri: String) -> Bool { uri == main || uri == strictMain }
    static func isMath(_ uri: String) -> Bool { uri == math || uri == strictMath }

    /// Namespaces whose `mc:Choice` content this reader understands (text, fields, content
    /// controls, checkboxes). Drawing namespaces are not among them, so their `mc:Fallback` is read.
    static let understood: Set<String> = [
        main, strictMain, word2010, markupCompatibility, math, strictMath,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://schemas.microsoft.com/office/word/2012/wordml",
    ]
}
