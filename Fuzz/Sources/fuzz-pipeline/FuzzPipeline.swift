import FuzzSupport
import SelfEval

/// The whole path a file from a stranger takes: format sniffing, reading, reconstruction,
/// checks, then every writer (JSON document, JSON Lines, the three CSV sheets, the grid views).
@main enum FuzzPipeline {
    static func main() {
        FuzzDriver.run { start, count in
            let data = FuzzDriver.data(start, count)
            let limits = FuzzDriver.limits
            guard let document = try? DocumentReader(limits: limits).read(data: data, path: "fuzz") else { return 0 }
            let evaluation = Converter(limits: limits).evaluate(document)
            _ = JSONWriter.render(evaluation.json)
            _ = evaluation.formLines()
            var csv = CSVExport()
            csv.add(evaluation)
            _ = JSONWriter.render(document.inspectionJSON)
            _ = GridRenderer.render(document)
            return 0
        }
    }
}
