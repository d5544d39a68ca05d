import SelfEval

/// What a worker makes of one evaluation for `convert`: the rendered outputs that were asked for
/// and the counts for the summary, so the evaluation itself can be dropped at once. A large input
/// keeps its evaluation instead, and its outputs are streamed from it when its turn to be written
/// comes: rendering it whole would hold the document several times over in memory.
struct ConvertedFile: Sendable {
    /// Inputs of this many bytes or more are streamed; below it, rendering in the worker keeps a
    /// batch of small files parallel.
    static let streamingThreshold = 1 << 20

    var json: [UInt8]?
    var formLines: String?
    var forms: [UInt8]?
    var indicators: [UInt8]?
    var funds: [UInt8]?
    /// Set instead of the rendered outputs for a large input.
    var evaluation: Evaluation?
    var tally: BatchTally

    init(_ evaluation: Evaluation, file: String, formats: Set<OutputFormat>) {
        tally = BatchTally(evaluation)
        if evaluation.source.bytes >= Self.streamingThreshold {
            self.evaluation = evaluation
            return
        }
        if formats.contains(.json) { json = evaluation.jsonUTF8() }
        if formats.contains(.jsonl) { formLines = evaluation.formLines(file: file).joined() }
        if formats.contains(.csv) {
            forms = FormsCSV.encodedRecordBytes(of: evaluation, file: file)
            indicators = IndicatorsCSV.encodedRecordBytes(of: evaluation, file: file)
            funds = FundsCSV.encodedRecordBytes(of: evaluation, file: file)
        }
    }
}
