import FuzzSupport
@testable import SelfEval

/// Decodes the bytes as a text export would be and reads them as the tab-led cells export.
@main enum FuzzCells {
    static func main() {
        FuzzDriver.run { start, count in
            let data = FuzzDriver.data(start, count)
            guard let decoded = try? DecodedText.decode(data, file: "fuzz.txt") else { return 0 }
            let source = SourceInfo(path: "fuzz.txt", format: .cells, encoding: decoded.encoding, bytes: count, sha256: "")
            _ = try? CellsReader(limits: FuzzDriver.limits).read(decoded.text, source: source)
            return 0
        }
    }
}
