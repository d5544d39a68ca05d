import ArgumentParser

/// What `convert` writes: per-input JSON documents, JSON Lines (one form per line), the CSV sheets.
enum OutputFormat: String, CaseIterable, Sendable {
    case json, jsonl, csv
}

/// One `--format` argument, which may name several formats (`json,csv`).
struct OutputFormatList: ExpressibleByArgument {
    var formats: [OutputFormat]

    init?(argument: String) {
        var formats: [OutputFormat] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let format = OutputFormat(rawValue: part.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            formats.append(format)
        }
        guard !formats.isEmpty else { return nil }
        self.formats = formats
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}
