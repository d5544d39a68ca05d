import Foundation
import SelfEval

/// The counts a batch summary reports, added up file by file.
struct BatchTally: Sendable {
    var files = 0
    var forms = 0
    var indicators = 0
    var passedChecks = 0
    var failedChecks = 0
    var skippedChecks = 0
    var diagnostics = 0

    init() {}

    init(_ evaluation: Evaluation) {
        files = 1
        forms = evaluation.forms.count
        indicators = evaluation.forms.reduce(0) { $0 + $1.indicators.count }
        for check in evaluation.forms.flatMap(\.checks) {
            switch check.status {
            case .pass: passedChecks += 1
            case .fail: failedChecks += 1
            case .skip: skippedChecks += 1
            }
        }
        diagnostics = evaluation.diagnostics.count
    }

    static func += (a: inout BatchTally, b: BatchTally) {
        a.files += b.files
        a.forms += b.forms
        a.indicators += b.indicators
        a.passedChecks += b.passedChecks
        a.failedChecks += b.failedChecks
        a.skippedChecks += b.skippedChecks
        a.diagnostics += b.diagnostics
    }

    /// `2 files` / `1 file`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// The closing lines on standard error: what was done, in how long, and which files failed.
    static func summary(verb: String, tally: BatchTally, total: Int, failed: [String], elapsed: Duration) -> [String] {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var lines = ["selfeval: \(verb) \(tally.files) of \(count(total, "file")): \(count(tally.forms, "form")), \(count(tally.indicators, "indicator")), \(count(tally.failedChecks, "failed check")), \(count(tally.diagnostics, "diagnostic")) in \(String(format: "%.2f", seconds)) s"]
        if !failed.isEmpty {
            let shown = failed.prefix(20).joined(separator: ", ")
            let more = failed.count > 20 ? " and \(failed.count - 20) more" : ""
            lines.append("selfeval: \(count(failed.count, "file")) with errors: \(shown)\(more)")
        }
        return lines
    }
}
