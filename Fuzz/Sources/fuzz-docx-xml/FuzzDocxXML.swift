import FuzzSupport
@testable import SelfEval

/// Streams the bytes as `word/document.xml` through the Word body reader, with no zip around them.
@main enum FuzzDocxXML {
    static func main() {
        FuzzDriver.run { start, count in
            let data = FuzzDriver.data(start, count)
            let limits = FuzzDriver.limits
            var document = SourceDocument(source: SourceInfo(path: "fuzz.docx", format: .docx, encoding: nil, bytes: count, sha256: ""))
            var reader = WordBodyReader(file: "fuzz.docx", limits: limits, styles: WordStyles())
            try? XMLStreamReader.read(data, part: "word/document.xml", file: "fuzz.docx", limits: limits) { (xml: inout XMLStreamReader) throws(InputError) in
                try reader.read(&xml, into: &document)
            }
            return 0
        }
    }
}
