import Foundation

/// The encoding an XML part's declaration names. OOXML parts are UTF-8 or UTF-16; a part that
/// declares anything else but holds valid UTF-8 was mislabelled by the tool that wrote it, and
/// reading it as declared would turn every Chinese character into mojibake without a word.
enum XMLDeclaration {
    /// The `encoding="…"` of the `<?xml …?>` declaration at the start of `data`, if any.
    static func encoding(of data: Data) -> String? {
        let head = data.prefix(200)
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstRange(of: Array("?>".utf8)) else { return nil }
        let declaration = String(decoding: head[head.startIndex..<end.lowerBound], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// The encoding libxml2 must be told to use instead of the declared one, with the
    /// diagnostic saying so; nil when the declaration can be trusted.
    static func override(for data: Data, part: String) -> (encoding: String, diagnostic: Diagnostic)? {
        guard let declared = encoding(of: data) else { return nil }
        let name = declared.lowercased()
        guard !name.hasPrefix("utf-8"), name != "utf8", !name.hasPrefix("utf-16"),
              String(validating: data, as: UTF8.self) != nil else { return nil }
        return ("UTF-8", Diagnostic(.warning, "encoding-mismatch",
            "\(part) declares the encoding \(declared) but is UTF-8 (as OOXML requires); read as UTF-8", line: 1))
    }
}
