import FuzzSupport
@testable import SelfEval

/// Decodes the bytes as a text export would be and reads them as tab-separated rows.
@main enum FuzzTSV {
    static func main() {
        FuzzDriver.run { start, count in
            let data = FuzzDriver.data(start, count)
            guard let decoded = try? DecodedText.decode(data, file: "fuzz.tsv") else { return 0 }
            let source = SourceInfo(path: "fuzz.tsv", format: .tsv, encoding: decoded.encoding, bytes: count, sha256: "")
            _ = try? TSVReader(limits: FuzzDriver.limits).read(decoded.text, source: source)
            return 0
        }
    }
}
