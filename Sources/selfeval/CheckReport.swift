import SelfEval

/// The human-readable lines of `selfeval check`.
enum CheckReport {
    /// `file: form N (name): rule: message (expected 75, found 85)` for each failed check (and,
    /// verbose, `…: rule: pass: message` for the others).
    static func lines(for evaluation: Evaluation, file: String, verbose: Bool) -> [String] {
        var lines: [String] = []
        for (index, form) in evaluation.forms.enumerated() {
            let name = form.name ?? form.title ?? form.kind.rawValue
            for check in form.checks where verbose || check.status == .fail {
                var line = "\(file): form \(index) (\(name)): \(check.rule): "
                if check.status != .fail { line += "\(check.status.rawValue): " }
                line += check.message
                if check.status == .fail, check.expected != nil || check.found != nil {
                    line += " (expected \(number(check.expected)), found \(number(check.found)))"
                }
                lines.append(line)
            }
        }
        return lines
    }

    /// `checked 24 forms in 5 files: 95 passed, 17 failed, 40 skipped`.
    static func tally(_ tally: BatchTally, unreadable: Int) -> String {
        var line = "checked \(BatchTally.count(tally.forms, "form")) in \(BatchTally.count(tally.files, "file")): "
            + "\(tally.passedChecks) passed, \(tally.failedChecks) failed, \(tally.skippedChecks) skipped"
        if unreadable > 0 { line += "; \(BatchTally.count(unreadable, "file")) could not be read" }
        return line
    }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "none" }
        return CSVNumber.text(value.rounded(to: 4))
    }
}

extension Double {
    func rounded(to places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
