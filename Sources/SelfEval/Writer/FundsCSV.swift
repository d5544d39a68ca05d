/// `funds.csv`: the 项目资金 block and its 资金来源 break-down of every form in one sheet. A row
/// is either a fund line (行类型 `line`: the budget, executed, rate, weight and score columns) or
/// a break-down line (行类型 `source`: 分类 and 金额), so that one filter separates them and
/// neither needs a second file.
public enum FundsCSV: CSVSheet {
    public static let fileName = "funds.csv"

    // Compiled for this sheet's rows (see `CSVSheet.encode`).
    public static func encodedRecords(of evaluation: Evaluation, file: String) -> String {
        encode(evaluation, file: file)
    }

    public static func writeRecords(of evaluation: Evaluation, file: String, chunkSize: Int = 1 << 18,
                                    to drain: (String) throws -> Void) throws {
        try write(evaluation, file: file, chunkSize: chunkSize, to: drain)
    }

    public struct Row: Sendable {
        public enum Line: Sendable {
            case line(FundLine)
            case source(FundSource)
        }
        public var form: CSVFormContext
        public var line: Line

        var fundLine: FundLine? { if case .line(let l) = line { l } else { nil } }
        var fundSource: FundSource? { if case .source(let s) = line { s } else { nil } }
    }

    public static func rows(of evaluation: Evaluation, file: String) -> [Row] {
        CSVFormContext.all(in: evaluation, file: file).flatMap { context in
            context.form.funds.map { Row(form: context, line: .line($0)) }
                + context.form.fundSources.map { Row(form: context, line: .source($0)) }
        }
    }

    public static let columns: [CSVColumn<Row>] =
        CSVFormContext.identifyingColumns { $0.form }
        + [
            CSVColumn("行类型", "lineKind") { $0.fundLine != nil ? "line" : "source" },
            CSVColumn("项目", "label") { $0.fundLine?.label ?? $0.fundSource?.label ?? "" },
            CSVColumn("角色", "role") { $0.fundLine?.role.rawValue ?? "" },
            CSVColumn("分类", "dimension") { $0.fundSource?.dimension ?? "" },
            .number("年初预算数", "initialBudget") { $0.fundLine?.initialBudget },
            .number("全年预算数", "annualBudget") { $0.fundLine?.annualBudget },
            .number("全年执行数", "executed") { $0.fundLine?.executed },
            CSVColumn("执行率(%)", "executionRatePercent") { CSVPercent.text($0.fundLine?.executionRate) },
            .number("分值", "weight") { $0.fundLine?.weight },
            .number("得分", "score") { $0.fundLine?.score },
            .number("金额", "amount") { $0.fundSource?.amount },
        ]
}
