import FuzzSupport
@testable import SelfEval

/// Decodes the bytes and reads them as Markdown (pipe tables, HTML tables, TSV rows) and once
/// more as a whole HTML document.
@main enum FuzzMarkdown {
    static func main() {
        FuzzDriver.run { start, count in
            let data = FuzzDriver.data(start, count)
            guard let decoded = try? DecodedText.decode(data, file: "fuzz.md") else { return 0 }
            for format in [SourceFormat.markdown, .html] {
                let source = SourceInfo(path: "fuzz.md", format: format, encoding: decoded.encoding, bytes: count, sha256: "")
                _ = try? MarkdownReader(limits: FuzzDriver.limits).read(decoded.text, source: source)
            }
            return 0
        }
    }
}
