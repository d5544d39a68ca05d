import Foundation

/// Heading levels of the document's paragraph styles, read from `word/styles.xml`: Chinese
/// documents name their heading styles `1`, `2` … with the name `heading 1` or `标题 1`, so the
/// style id alone does not tell.
struct WordStyles {
    private var levels: [String: Int] = [:]

    init() {}

    init(_ data: Data, part: String, file: String, limits: ReadLimits) throws(InputError) {
        levels = try XMLStreamReader.read(data, part: part, file: file, limits: limits) { (xml: inout XMLStreamReader) throws(InputError) -> [String: Int] in
            var found: [String: Int] = [:]
            var styleID: String?
            var isParagraph = false
            var nameLevel: Int?
            var outlineLevel: Int?
            while let event = try xml.next() {
                switch event {
                case .start(let id) where WordNamespace.isMain(xml.name(id).namespace):
                    switch xml.name(id).local {
                    case "style":
                        styleID = xml.attribute("styleId")
                        isParagraph = (xml.attribute("type") ?? "paragraph") == "paragraph"
                        nameLevel = nil
                        outlineLevel = nil
                    case "name" where styleID != nil:
                        nameLevel = Self.level(named: xml.attribute("val") ?? "")
                    case "outlineLvl" where styleID != nil:
                        outlineLevel = xml.attribute("val").flatMap { Int($0) }.flatMap { $0 < 6 ? $0 + 1 : nil }
                    default: break
                    }
                case .end(let id) where WordNamespace.isMain(xml.name(id).namespace) && xml.name(id).local == "style":
                    if let id = styleID, isParagraph, let level = nameLevel ?? outlineLevel ?? Self.level(named: id) {
                        found[id] = level
                    }
                    styleID = nil
                default: break
                }
            }
            return found
        }
    }

    /// The heading level of a paragraph with this style id, if it is a heading style.
    func headingLevel(styleID: String) -> Int? { levels[styleID] ?? Self.level(named: styleID) }

    /// The first UTF-8 byte of 标.
    private static let biaoLeadByte: UInt8 = 0xE6

    /// `Heading1`, `heading 1`, `标题 1`, `标题1` → 1 … 6.
    static func level(named name: String) -> Int? {
        // Asked for every styled paragraph; most style ids start with neither word, and
        // lowercasing through Foundation cost more than the rest of the paragraph.
        guard let first = name.utf8.first(where: { $0 != UInt8(ascii: " ") }), first | 0x20 == UInt8(ascii: "h") || first == Self.biaoLeadByte else { return nil }
        let compact = name.lowercased().replacingOccurrences(of: " ", with: "")
        for prefix in ["heading", "标题"] where compact.hasPrefix(prefix) {
            if let n = Int(compact.dropFirst(prefix.count)), (1...6).contains(n) { return n }
        }
        return nil
    }
}
