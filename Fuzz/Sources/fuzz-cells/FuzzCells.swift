import FuzzSupport
import SelfEval

/// Decodes the bytes as a text export would be and reads them as the tab-led cells export.
@main enum FuzzCells {
    static func main() {
        FuzzDriver.run { start, count in
            guard let input = FuzzDriver.text(start, count, path: "fuzz.txt") else { return 0 }
            _ = try? CellsReader(limits: FuzzDriver.limits).read(input.text, source: input.source(.cells))
            return 0
        }
    }
}
