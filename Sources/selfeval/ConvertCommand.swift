import ArgumentParser
import Foundation
import SelfEval

struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert forms to checked JSON, JSON Lines and CSV.",
        discussion: """
        Inputs are files, directories (searched recursively for .txt .tsv .md .markdown .html \
        .htm .docx; hidden files and Word's ~$ lock files are skipped) and - for standard input. \
        Files are converted in parallel; outputs always follow the input order (directories in \
        sorted order).

        With -o DIR, writes DIR/<input file name>.json for each input (a second input with the \
        same file name becomes <name>-2.json, and a note says so) and, across all inputs, \
        forms.csv, indicators.csv and funds.csv (and forms.jsonl with --format jsonl). Forms \
        are numbered from 0 in every output, as in the JSON forms array.

        CSV files are UTF-8 with a byte-order mark (so Excel and WPS show Chinese), RFC 4180 \
        quoting, CRLF line ends, Chinese headers (English with --headers en) and plain numbers \
        in number columns. funds.csv holds both the fund lines (lineKind line) and the \
        资金来源 break-downs (lineKind source).

        Exit status: 0 when every file converted, 1 when some failed (or, with --strict, a check \
        failed), 2 for a usage error. A summary goes to standard error.

        Examples:
          selfeval convert form.docx                      # JSON on standard output
          selfeval convert 2023/ -o out/                  # JSON per file + forms/indicators/funds.csv
          selfeval convert 2023/ -o out/ --format csv --headers en --no-bom
          selfeval convert a.txt b.docx --format jsonl | jq .form.info.projectName
          cat export.txt | selfeval convert - --input-format cells
          selfeval convert big.docx --max-input-bytes 1G --max-table-slots 20000000
        """
    )

    @OptionGroup var batch: BatchOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Directory for the outputs; created when missing.", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Outputs to write: json, jsonl, csv; repeat or separate with commas (default: json with -o also csv).", valueName: "formats"))
    var format: [OutputFormatList] = []

    @Option(help: ArgumentHelp("CSV header row language: zh (default) or en (stable identifiers).", valueName: "lang"))
    var headers: CSVHeaderLanguage = .chinese

    @Flag(help: "Write the CSV files without the UTF-8 byte-order mark.")
    var noBom = false

    @Flag(help: "Also exit 1 when any check fails.")
    var strict = false

    /// The formats asked for, in first-mention order, or the defaults.
    var formats: [OutputFormat] {
        var seen: [OutputFormat] = []
        for format in format.flatMap(\.formats) where !seen.contains(format) { seen.append(format) }
        if !seen.isEmpty { return seen }
        return output == nil ? [.json] : [.json, .csv]
    }

    func validate() throws {
        guard output == nil else { return }
        if formats.contains(.csv) {
            throw ValidationError("--format csv writes three files: give an output directory with -o DIR.")
        }
        if formats.count > 1 {
            throw ValidationError("Without -o only one format can go to standard output; give -o DIR to write \(formats.map(\.rawValue).joined(separator: " and ")).")
        }
    }

    func run() async throws {
        let start = ContinuousClock.now
        let found = batch.discover()
        let inputs = found.inputs
        let formats = Set(self.formats)
        if output == nil, formats == [.json], inputs.count > 1 {
            throw UsageError(command: "convert", "\(inputs.count) inputs would print \(inputs.count) JSON documents on standard output; give -o DIR, or --format jsonl for one line per form.")
        }
        var directory: OutputDirectory?
        var names = OutputNames([])
        if let output {
            do throws(OutputDirectory.Failure) {
                directory = try OutputDirectory(path: output, formats: formats, csv: CSVOptions(byteOrderMark: !noBom, headers: headers))
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
            if formats.contains(.json) {
                names = OutputNames(inputs)
                if !batch.quiet { names.notes.forEach(printError) }
            }
        }

        var tally = BatchTally()
        var failed = found.errors.map(\.path)
        var progress = ProgressBar(total: inputs.count, enabled: !batch.quiet && isatty(2) == 1)
        await batch.runner.run(inputs) { input, evaluation -> ConvertedFile in
            ConvertedFile(evaluation, file: input.path, formats: formats)
        } completed: { done, input in
            progress.update(done: done, current: input.path)
        } receive: { index, outcome in
            let input = inputs[index]
            switch outcome {
            case .failure(let error):
                progress.interrupt(error.description)
                failed.append(input.path)
                if let directory, formats.contains(.json) { directory.removeDocument(name: names.names[index]) }
            case .success(let file):
                do throws(OutputDirectory.Failure) {
                    if let evaluation = file.evaluation {
                        try Self.stream(evaluation, file: input.path, formats: formats, to: directory, name: names.names.isEmpty ? "" : names.names[index])
                    } else if let directory {
                        if let json = file.json { try directory.writeDocument(json, name: names.names[index]) }
                        try directory.append(file.formLines, to: OutputDirectory.jsonLinesName)
                        try directory.append(file.forms, to: FormsCSV.fileName)
                        try directory.append(file.indicators, to: IndicatorsCSV.fileName)
                        try directory.append(file.funds, to: FundsCSV.fileName)
                    } else {
                        if let json = file.json { StandardStreams.output(json) } else { StandardStreams.output(file.formLines ?? "") }
                    }
                    tally += file.tally
                } catch {
                    progress.interrupt(error.description)
                    failed.append(input.path)
                }
            }
        }
        progress.finish()
        do throws(OutputDirectory.Failure) {
            try directory?.close()
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if !batch.quiet {
            let total = inputs.count + found.errors.count
            BatchTally.summary(verb: "converted", tally: tally, total: total, failed: failed, elapsed: ContinuousClock.now - start).forEach(printError)
            if strict && tally.failedChecks > 0 {
                printError("selfeval: --strict: \(BatchTally.count(tally.failedChecks, "check")) failed (see selfeval check)")
            }
        }
        if !failed.isEmpty || (strict && tally.failedChecks > 0) { throw ExitCode(1) }
    }

    /// Writes a large input's outputs straight from its evaluation (see `ConvertedFile`).
    private static func stream(_ evaluation: Evaluation, file: String, formats: Set<OutputFormat>,
                               to directory: OutputDirectory?, name: String) throws(OutputDirectory.Failure) {
        guard let directory else {
            var writer = JSONStreamWriter(pretty: formats.contains(.json)) { StandardStreams.output($0) }
            // Standard output takes no error back; its writes cannot fail here.
            if formats.contains(.json) {
                try? evaluation.writeJSON(to: &writer)
            } else {
                try? evaluation.writeFormLines(file: file, to: &writer)
                try? writer.flush()
            }
            return
        }
        if formats.contains(.json) {
            try directory.writeDocument(name: name) { writer in try evaluation.writeJSON(to: &writer) }
        }
        if formats.contains(.jsonl) {
            try directory.appendJSONLines { writer in try evaluation.writeFormLines(file: file, to: &writer) }
        }
        if formats.contains(.csv) {
            try directory.append(to: FormsCSV.fileName) { drain in try FormsCSV.writeRecords(of: evaluation, file: file, to: drain) }
            try directory.append(to: IndicatorsCSV.fileName) { drain in try IndicatorsCSV.writeRecords(of: evaluation, file: file, to: drain) }
            try directory.append(to: FundsCSV.fileName) { drain in try FundsCSV.writeRecords(of: evaluation, file: file, to: drain) }
        }
    }
}
