/// A form as the CSV sheets see it: where it came from and its place in the file, so that every
/// row can repeat the columns that identify its form.
public struct CSVFormContext: Sendable {
    /// The input path as given on the command line (the JSON's `source.path`).
    public var file: String
    /// The form's position in the JSON `forms` array, from 0.
    public var index: Int
    public var form: Form {
        get { formBox.form }
        set { formBox = FormBox(form: newValue) }
    }
    /// Diagnostics placed in one of the form's tables.
    public var diagnostics: Int
    /// The form, held by reference: every row of a sheet carries its form's context and the
    /// identifying columns each get a copy of it, which must not copy the form's many fields.
    private var formBox: FormBox

    private final class FormBox: Sendable {
        let form: Form
        init(form: Form) { self.form = form }
    }

    public init(file: String, index: Int, form: Form, diagnostics: Int) {
        self.file = file
        self.index = index
        self.formBox = FormBox(form: form)
        self.diagnostics = diagnostics
    }

    public static func all(in evaluation: Evaluation, file: String) -> [CSVFormContext] {
        // The diagnostics are counted by table once, not looked through again for every form.
        var perTable: [Int: Int] = [:]
        for diagnostic in evaluation.diagnostics {
            if let table = diagnostic.table { perTable[table, default: 0] += 1 }
        }
        return evaluation.forms.enumerated().map { index, form in
            let count = Set(form.tables).reduce(0) { $0 + perTable[$1, default: 0] }
            return CSVFormContext(file: file, index: index, form: form, diagnostics: count)
        }
    }

    /// The cells of `identifyingColumns` for the form at `index`, encoded once for all its rows.
    static func identifyingCells(file: String, index: Int, form: Form) -> [UInt8] {
        var out = CSVRecordWriter(capacity: 256)
        out.text(file)
        out.number(index)
        out.text(form.kind.rawValue)
        out.number(form.year)
        out.text(form.info.projectName)
        out.text(form.info.unitName)
        return out.take()
    }

    /// 文件, 表序号, 类型, 年度, 项目名称, 单位名称: enough to tell the forms apart in a sheet.
    public static func identifyingColumns<Row>(_ context: @escaping @Sendable (Row) -> CSVFormContext) -> [CSVColumn<Row>] {
        [
            CSVColumn("文件", "file") { context($0).file },
            CSVColumn("表序号", "formIndex") { String(context($0).index) },
            CSVColumn("类型", "kind") { context($0).form.kind.rawValue },
            CSVColumn("年度", "year") { CSVNumber.text(context($0).form.year) },
            CSVColumn("项目名称", "projectName") { context($0).form.info.projectName ?? "" },
            CSVColumn("单位名称", "unitName") { context($0).form.info.unitName ?? "" },
        ]
    }
}
