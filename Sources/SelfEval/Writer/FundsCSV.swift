/// `funds.csv`: the 项目资金 block and its 资金来源 break-down of every form in one sheet. A row
/// is either a fund line (行类型 `line`: the budget, executed, rate, weight and score columns) or
/// a break-down line (行类型 `source`: 分类 and 金额), so that one filter separates them and
/// neither needs a second file.
public enum FundsCSV: CSVRecordSheet {
    public static let fileName = "funds.csv"

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

    static func forEachRecord(of evaluation: Evaluation, file: String, into out: inout CSVRecordWriter,
                              _ recorded: (inout CSVRecordWriter) throws -> Void) rethrows {
        for (formIndex, form) in evaluation.forms.enumerated() {
            let identifying = CSVFormContext.identifyingCells(file: file, index: formIndex, form: form)
            for line in form.funds {
                out.cells(identifying)
                write(line, to: &out)
                out.endRecord()
                try recorded(&out)
            }
            for source in form.fundSources {
                out.cells(identifying)
                write(source, to: &out)
                out.endRecord()
                try recorded(&out)
            }
        }
    }

    /// A fund line's cells after the identifying ones, as `columns` has them.
    private static func write(_ line: FundLine, to out: inout CSVRecordWriter) {
        out.text("line")
        out.text(line.label)
        out.text(line.role.rawValue)
        out.empty()
        out.number(line.initialBudget?.number)
        out.number(line.annualBudget?.number)
        out.number(line.executed?.number)
        out.percent(line.executionRate)
        out.number(line.weight?.number)
        out.number(line.score?.number)
        out.empty()
    }

    /// A break-down line's cells after the identifying ones: only label, 分类 and 金额 are filled.
    private static func write(_ source: FundSource, to out: inout CSVRecordWriter) {
        out.text("source")
        out.text(source.label)
        out.empty()
        out.text(source.dimension)
        out.empty(6)
        out.number(source.amount?.number)
    }
}
