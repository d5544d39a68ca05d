import FuzzSupport
import SelfEval

/// Decodes the bytes as a text export would be and reads them as tab-separated rows.
@main enum FuzzTSV {
    static func main() {
        FuzzDriver.run { start, count in
            guard let input = FuzzDriver.text(start, count, path: "fuzz.tsv") else { return 0 }
            _ = try? TSVReader(limits: FuzzDriver.limits).read(input.text, source: input.source(.tsv))
            return 0
        }
    }
}
