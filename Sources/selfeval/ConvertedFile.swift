import SelfEval

/// What a worker makes of one evaluation for `convert`: the rendered outputs that were asked for
/// and the counts for the summary, so the evaluation itself can be dropped at once.
struct ConvertedFile: Sendable {
    var json: [UInt8]?
    var formLines: String?
    var forms: String?
    var indicators: String?
    var funds: String?
    var tally: BatchTally

    init(_ evaluation: Evaluation, file: String, formats: Set<OutputFormat>) {
        if formats.contains(.json) { json = JSONWriter.utf8(evaluation.json) }
        if formats.contains(.jsonl) { formLines = evaluation.formLines(file: file).joined() }
        if formats.contains(.csv) {
            forms = FormsCSV.encodedRecords(of: evaluation, file: file)
            indicators = IndicatorsCSV.encodedRecords(of: evaluation, file: file)
            funds = FundsCSV.encodedRecords(of: evaluation, file: file)
        }
        tally = BatchTally(evaluation)
    }
}
