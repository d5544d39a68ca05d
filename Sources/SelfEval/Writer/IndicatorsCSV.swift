/// `indicators.csv`: one row per 绩效指标, the form's identifying columns repeated so that a
/// filter or pivot table needs no join.
public enum IndicatorsCSV: CSVRecordSheet {
    public static let fileName = "indicators.csv"

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
        public var form: CSVFormContext
        /// The indicator's position in its form's `indicators`, from 0 (what `sharedWith` names).
        public var index: Int
        public var indicator: Indicator
    }

    public static func rows(of evaluation: Evaluation, file: String) -> [Row] {
        CSVFormContext.all(in: evaluation, file: file).flatMap { context in
            context.form.indicators.enumerated().map { Row(form: context, index: $0, indicator: $1) }
        }
    }

    public static func forEachRow(of evaluation: Evaluation, file: String, _ body: (Row) throws -> Void) rethrows {
        for context in CSVFormContext.all(in: evaluation, file: file) {
            for (index, indicator) in context.form.indicators.enumerated() {
                try body(Row(form: context, index: index, indicator: indicator))
            }
        }
    }

    public static let columns: [CSVColumn<Row>] =
        CSVFormContext.identifyingColumns { $0.form }
        + [
            CSVColumn("指标序号", "indicatorIndex") { String($0.index) },
            CSVColumn("指标编码", "code") { $0.indicator.code ?? "" },
            CSVColumn("一级指标", "level1") { $0.indicator.level1 ?? "" },
            CSVColumn("一级指标分值", "level1Weight") { CSVNumber.text($0.indicator.level1Weight) },
            CSVColumn("二级指标", "level2") { $0.indicator.level2 ?? "" },
            CSVColumn("二级指标分值", "level2Weight") { CSVNumber.text($0.indicator.level2Weight) },
            CSVColumn("三级指标", "level3") { $0.indicator.level3 ?? "" },
            CSVColumn("三级指标分值", "level3Weight") { CSVNumber.text($0.indicator.level3Weight) },
        ]
        + CSVColumn.value("年度指标值", "target") { $0.indicator.target }
        + CSVColumn.value("实际完成值", "actual") { $0.indicator.actual }
        + [
            .number("分值", "weight") { $0.indicator.weight },
            .number("得分", "score") { $0.indicator.score },
            CSVColumn("共用分值的指标序号", "sharedWith") { CSVNumber.text($0.indicator.sharedWith) },
            CSVColumn("偏差原因分析及改进措施", "deviation") { $0.indicator.deviation ?? "" },
            CSVColumn("评分标准", "criteria") { $0.indicator.criteria ?? "" },
            CSVColumn("指标解释", "explanation") { $0.indicator.explanation ?? "" },
            CSVColumn("数据来源", "dataSource") { $0.indicator.dataSource ?? "" },
        ]

    static func forEachRecord(of evaluation: Evaluation, file: String, into out: inout CSVRecordWriter,
                              _ recorded: (inout CSVRecordWriter) throws -> Void) rethrows {
        for (formIndex, form) in evaluation.forms.enumerated() {
            let identifying = CSVFormContext.identifyingCells(file: file, index: formIndex, form: form)
            for (index, indicator) in form.indicators.enumerated() {
                out.cells(identifying)
                write(indicator, index: index, to: &out)
                out.endRecord()
                try recorded(&out)
            }
        }
    }

    /// The cells after the identifying ones, as `columns` has them.
    private static func write(_ indicator: Indicator, index: Int, to out: inout CSVRecordWriter) {
        out.number(index)
        out.text(indicator.code)
        out.text(indicator.level1)
        out.number(indicator.level1Weight)
        out.text(indicator.level2)
        out.number(indicator.level2Weight)
        out.text(indicator.level3)
        out.number(indicator.level3Weight)
        out.value(indicator.target)
        out.value(indicator.actual)
        out.number(indicator.weight?.number)
        out.number(indicator.score?.number)
        out.number(indicator.sharedWith)
        out.text(indicator.deviation)
        out.text(indicator.criteria)
        out.text(indicator.explanation)
        out.text(indicator.dataSource)
    }
}
