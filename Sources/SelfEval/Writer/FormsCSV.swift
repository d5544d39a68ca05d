/// `forms.csv`: one row per form, with its names, totals, the funds total line and how many of
/// its checks failed, so a reviewer can sort a whole batch by what needs a look.
public enum FormsCSV: CSVSheet {
    public static let fileName = "forms.csv"

    // Compiled for this sheet's rows (see `CSVSheet.encode`).
    public static func encodedRecords(of evaluation: Evaluation, file: String) -> String {
        encode(evaluation, file: file)
    }

    public static func writeRecords(of evaluation: Evaluation, file: String, chunkSize: Int = 1 << 18,
                                    to drain: (String) throws -> Void) throws {
        try write(evaluation, file: file, chunkSize: chunkSize, to: drain)
    }

    public static func rows(of evaluation: Evaluation, file: String) -> [CSVFormContext] {
        CSVFormContext.all(in: evaluation, file: file)
    }

    /// The line the checks use: the `total` role, else the first line.
    static func fundsLine(_ form: Form) -> FundLine? {
        form.funds.first { $0.role == .total } ?? form.funds.first
    }

    public static let columns: [CSVColumn<CSVFormContext>] = [
        CSVColumn("文件", "file") { $0.file },
        CSVColumn("表序号", "formIndex") { String($0.index) },
        CSVColumn("类型", "kind") { $0.form.kind.rawValue },
        CSVColumn("标题", "title") { $0.form.title ?? "" },
        CSVColumn("附件", "attachment") { $0.form.attachment ?? "" },
        CSVColumn("年度", "year") { CSVNumber.text($0.form.year) },
        CSVColumn("填报日期", "filledDate") { $0.form.filledDate ?? "" },
        CSVColumn("项目名称", "projectName") { $0.form.info.projectName ?? "" },
        CSVColumn("单位名称", "unitName") { $0.form.info.unitName ?? "" },
        CSVColumn("主管部门", "supervisor") { $0.form.info.supervisor ?? "" },
        CSVColumn("实施单位", "implementer") { $0.form.info.implementer ?? "" },
        CSVColumn("评价等次", "grade") { $0.form.grade ?? "" },
        .number("总分值", "totalWeight") { $0.form.total.weight },
        .number("总得分", "totalScore") { $0.form.total.score },
        CSVColumn("资金行", "fundsLabel") { fundsLine($0.form)?.label ?? "" },
        .number("资金年初预算数", "fundsInitialBudget") { fundsLine($0.form)?.initialBudget },
        .number("资金全年预算数", "fundsAnnualBudget") { fundsLine($0.form)?.annualBudget },
        .number("资金全年执行数", "fundsExecuted") { fundsLine($0.form)?.executed },
        CSVColumn("资金执行率(%)", "fundsExecutionRatePercent") { CSVPercent.text(fundsLine($0.form)?.executionRate) },
        .number("资金分值", "fundsWeight") { fundsLine($0.form)?.weight },
        .number("资金得分", "fundsScore") { fundsLine($0.form)?.score },
        CSVColumn("指标数", "indicatorCount") { String($0.form.indicators.count) },
        CSVColumn("未通过检查数", "failedChecks") { String($0.form.checks.filter { $0.status == .fail }.count) },
        CSVColumn("诊断数", "diagnostics") { String($0.diagnostics) },
    ]
}
