/// `forms.csv`: one row per form, with its names, totals, the funds total line and how many of
/// its checks failed, so a reviewer can sort a whole batch by what needs a look.
public enum FormsCSV: CSVRecordSheet {
    public static let fileName = "forms.csv"

    // Written cell by cell (see `CSVRecordSheet`), compiled for this sheet.
    public static func encodedRecords(of evaluation: Evaluation, file: String) -> String {
        recordText(of: evaluation, file: file)
    }

    /// `encodedRecords` as UTF-8 bytes, for writing to a file.
    public static func encodedRecordBytes(of evaluation: Evaluation, file: String) -> [UInt8] {
        recordBytes(of: evaluation, file: file)
    }

    public static func writeRecords(of evaluation: Evaluation, file: String, chunkSize: Int = 1 << 18,
                                    to drain: (String) throws -> Void) throws {
        try writeRecordChunks(of: evaluation, file: file, chunkSize: chunkSize, to: drain)
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

    static func forEachRecord(of evaluation: Evaluation, file: String, into out: inout CSVRecordWriter,
                              _ recorded: (inout CSVRecordWriter) throws -> Void) rethrows {
        for context in CSVFormContext.all(in: evaluation, file: file) {
            write(context, to: &out)
            out.endRecord()
            try recorded(&out)
        }
    }

    /// A form's cells, as `columns` has them.
    private static func write(_ context: CSVFormContext, to out: inout CSVRecordWriter) {
        let form = context.form
        let funds = fundsLine(form)
        out.text(context.file)
        out.number(context.index)
        out.text(form.kind.rawValue)
        out.text(form.title)
        out.text(form.attachment)
        out.number(form.year)
        out.text(form.filledDate)
        out.text(form.info.projectName)
        out.text(form.info.unitName)
        out.text(form.info.supervisor)
        out.text(form.info.implementer)
        out.text(form.grade)
        out.number(form.total.weight?.number)
        out.number(form.total.score?.number)
        out.text(funds?.label)
        out.number(funds?.initialBudget?.number)
        out.number(funds?.annualBudget?.number)
        out.number(funds?.executed?.number)
        out.percent(funds?.executionRate)
        out.number(funds?.weight?.number)
        out.number(funds?.score?.number)
        out.number(form.indicators.count)
        out.number(form.checks.count { $0.status == .fail })
        out.number(context.diagnostics)
    }
}
