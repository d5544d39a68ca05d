import Foundation

/// An OPC relationships part (`_rels/.rels`, `word/_rels/document.xml.rels`): how the package
/// names its main document and the document names its styles, instead of assuming the paths.
struct OPCRelationships {
    struct Relationship {
        var type: String
        var target: String
        var external: Bool
    }

    var relationships: [Relationship] = []

    init(_ data: Data, part: String, file: String, limits: ReadLimits) throws(InputError) {
        relationships = try XMLStreamReader.read(data, part: part, file: file, limits: limits) { (xml: inout XMLStreamReader) throws(InputError) -> [Relationship] in
            var found: [Relationship] = []
            while let event = try xml.next() {
                guard case .start(let id) = event, xml.name(id).local == "Relationship" else { continue }
                guard let type = xml.attribute("Type"), let target = xml.attribute("Target") else { continue }
                found.append(Relationship(type: type, target: target, external: xml.attribute("TargetMode") == "External"))
            }
            return found
        }
    }

    /// The package path of the first internal target whose type ends with `/kind`
    /// (`officeDocument`, `styles`), resolved against the directory of `source`.
    func target(ofType kind: String, relativeTo source: String) -> String? {
        guard let rel = relationships.first(where: { !$0.external && ($0.type.hasSuffix("/" + kind)) }) else { return nil }
        return Self.resolve(rel.target, against: source)
    }

    static func resolve(_ target: String, against source: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = source.split(separator: "/").map(String.init)
        if !parts.isEmpty { parts.removeLast() }
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } }
            else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}
