import FuzzSupport
import SelfEval

/// Decodes the bytes and reads them as Markdown (pipe tables, HTML tables, TSV rows) and once
/// more as a whole HTML document.
@main enum FuzzMarkdown {
    static func main() {
        FuzzDriver.run { start, count in
            guard let input = FuzzDriver.text(start, count, path: "fuzz.md") else { return 0 }
            for format in [SourceFormat.markdown, .html] {
                _ = try? MarkdownReader(limits: FuzzDriver.limits).read(input.text, source: input.source(format))
            }
            return 0
        }
    }
}
