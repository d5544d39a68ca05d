/// The contract's arithmetic and consistency rules, run on one form. Each rule reports pass,
/// fail or skip with the numbers it compared, so a reader can see why.
public struct FormChecks: Sendable {
    public init() {}

    public func run(on form: Form) -> [Check] {
        var checks: [Check] = []
        // The numbers only: a filtered copy of the indicators was the largest allocation of a
        // large form (77,000 indicators of about 500 bytes, doubled while it grew).
        var scores: [Double] = [], weights: [Double] = []
        for indicator in form.indicators where indicator.sharedWith == nil {
            if let score = indicator.score?.number { scores.append(score) }
            if let weight = indicator.weight?.number { weights.append(weight) }
        }
        let fundsLine = form.funds.first { $0.role == .total } ?? form.funds.first
        checks.append(totalRule("total-score", "scores", scores, fundsLine?.score?.number, total: form.total.score))
        checks.append(totalRule("total-weight", "weights", weights, fundsLine?.weight?.number, total: form.total.weight))
        checks += level1Weights(form)
        checks += scoresWithinWeights(form, fundsLine: fundsLine)
        checks.append(executionRate(fundsLine))
        checks.append(executionScore(fundsLine))
        return checks
    }

    private func totalRule(_ rule: String, _ what: String, _ parts: [Double], _ funds: Double?, total: Value?) -> Check {
        guard let printed = total?.number else {
            return Check(rule: rule, status: .skip, message: "no total \(what.dropLast()) is printed")
        }
        guard !parts.isEmpty else {
            return Check(rule: rule, status: .skip, message: "no indicator \(what) to add up")
        }
        let sum = Tolerance.sum(parts + (funds.map { [$0] } ?? []))
        guard !Tolerance.matches(computed: sum, printed: printed, decimals: max(Tolerance.decimals(of: total?.text), 2)) else {
            return Check(rule: rule, status: .pass, message: "\(what) add up to the total \(printed.formatted)", expected: sum, found: printed)
        }
        // Only a failure spells the addition out.
        let described = parts.map(\.formatted).joined(separator: " + ") + (funds.map { " + funds \($0.formatted)" } ?? "")
        return Check(rule: rule, status: .fail, message: "\(described) = \(sum.formatted), but the total says \(printed.formatted)",
                     expected: sum, found: printed)
    }

    /// The groups are few and found by `==`, latest first: consecutive indicators carry one
    /// label, whose shared storage compares at once, where hashing a Chinese label normalises it.
    private func level1Weights(_ form: Form) -> [Check] {
        var groups: [(label: String, weight: Double, parts: [Double])] = []
        for ind in form.indicators where ind.sharedWith == nil {
            guard let l1 = ind.level1, let w = ind.level1Weight else { continue }
            let g = groups.lastIndex { $0.label == l1 } ?? {
                groups.append((l1, w, []))
                return groups.count - 1
            }()
            if let iw = ind.weight?.number { groups[g].parts.append(iw) }
        }
        return groups.compactMap { g in
            let l1 = g.label
            guard !g.parts.isEmpty else { return nil }
            let sum = Tolerance.sum(g.parts)
            let ok = Tolerance.matches(computed: sum, printed: g.weight, decimals: 2)
            return Check(rule: "level1-weight", status: ok ? .pass : .fail,
                         message: ok ? "\(l1): weights add up to \(g.weight.formatted)" : "\(l1): weights add up to \(sum.formatted), but the label says \(g.weight.formatted)",
                         expected: g.weight, found: sum)
        }
    }

    private func scoresWithinWeights(_ form: Form, fundsLine: FundLine?) -> [Check] {
        var failures: [Check] = []
        var compared = 0
        for ind in form.indicators {
            guard let s = ind.score?.number, let w = ind.weight?.number else { continue }
            compared += 1
            if s > w + 1e-9 {
                failures.append(Check(rule: "score-within-weight", status: .fail,
                                      message: "\(ind.level3 ?? ind.level2 ?? "indicator"): score \(s.formatted) is above its weight \(w.formatted)",
                                      expected: w, found: s))
            }
        }
        if let s = fundsLine?.score?.number, let w = fundsLine?.weight?.number {
            compared += 1
            if s > w + 1e-9 {
                failures.append(Check(rule: "score-within-weight", status: .fail,
                                      message: "funds (\(fundsLine!.label)): score \(s.formatted) is above its weight \(w.formatted)",
                                      expected: w, found: s))
            }
        }
        if !failures.isEmpty { return failures }
        if compared == 0 { return [Check(rule: "score-within-weight", status: .skip, message: "no score printed beside a weight")] }
        return [Check(rule: "score-within-weight", status: .pass, message: "\(compared) scores are within their weights")]
    }

    /// The printed rate as a fraction: `85.8%` and `85.8` are 0.858, a bare `1` is 100%.
    static func rate(_ value: Value?) -> Double? {
        guard let n = value?.number else { return nil }
        if value?.unit == "%" { return n / 100 }
        return n <= 1.5 ? n : n / 100
    }

    private func executionRate(_ line: FundLine?) -> Check {
        guard let line, let printed = Self.rate(line.executionRate), let executed = line.executed?.number else {
            return Check(rule: "execution-rate", status: .skip, message: "no executed amount and rate printed together")
        }
        let bases: [(String, Double)] = [("全年预算数", line.annualBudget?.number), ("年初预算数", line.initialBudget?.number)]
            .compactMap { name, v in v.flatMap { $0 > 0 ? (name, $0) : nil } }
        guard !bases.isEmpty else {
            if executed == 0 && printed == 0 { return Check(rule: "execution-rate", status: .pass, message: "nothing budgeted or executed", expected: 0, found: 0) }
            return Check(rule: "execution-rate", status: .skip, message: "no budget to divide by")
        }
        let percentUnit = line.executionRate?.unit == "%" || (line.executionRate?.number ?? 0) > 1.5
        let decimals = Tolerance.decimals(of: line.executionRate?.text) + (percentUnit ? 0 : 2)
        let printedPercent = printed * 100
        var first: (String, Double)?
        for (name, base) in bases {
            let computed = executed / base * 100
            if first == nil { first = (name, computed) }
            if Tolerance.matches(computed: computed, printed: printedPercent, decimals: decimals) {
                return Check(rule: "execution-rate", status: .pass,
                             message: "\(executed.formatted) ÷ \(base.formatted) (\(name)) = \(computed.rounded(to: 2).formatted)% against a printed \(printedPercent.rounded(to: 4).formatted)%",
                             expected: computed.rounded(to: 4), found: printedPercent.rounded(to: 4))
            }
        }
        let (name, computed) = first!
        return Check(rule: "execution-rate", status: .fail,
                     message: "\(executed.formatted) ÷ \(bases[0].1.formatted) (\(name)) = \(computed.rounded(to: 2).formatted)%, but the rate says \(printedPercent.rounded(to: 4).formatted)%",
                     expected: computed.rounded(to: 4), found: printedPercent.rounded(to: 4))
    }

    private func executionScore(_ line: FundLine?) -> Check {
        guard let line, let score = line.score?.number, let weight = line.weight?.number, let rate = Self.rate(line.executionRate) else {
            return Check(rule: "execution-score", status: .skip, message: "no funds score, weight and rate printed together")
        }
        let decimals = Tolerance.decimals(of: line.score?.text)
        var candidates = [weight * min(rate, 1)]
        if let executed = line.executed?.number {
            for base in [line.annualBudget?.number, line.initialBudget?.number].compactMap({ $0 }) where base > 0 {
                candidates.append(weight * min(executed / base, 1))
            }
        }
        let ok = candidates.contains { Tolerance.matches(computed: $0, printed: score, decimals: decimals) }
        let expected = candidates[0].rounded(to: 4)
        return Check(rule: "execution-score", status: ok ? .pass : .fail,
                     message: ok ? "funds score \(score.formatted) ≈ weight \(weight.formatted) × rate \((rate * 100).rounded(to: 2).formatted)%"
                                 : "weight \(weight.formatted) × rate \((rate * 100).rounded(to: 2).formatted)% = \(expected.formatted), but the score says \(score.formatted)",
                     expected: expected, found: score)
    }
}

extension Double {
    func rounded(to places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
