/// One self-evaluation form, whatever format it came from.
public struct Form: Sendable, Equatable {
    public var kind: FormKind
    public var title: String?
    public var attachment: String?
    public var year: Int?
    /// ISO `YYYY-MM-DD`.
    public var filledDate: String?
    public var info = FormInfo()
    public var funds: [FundLine] = []
    public var fundSources: [FundSource] = []
    public var goals: [Goal] = []
    public var indicators: [Indicator] = []
    public var total = FormTotal()
    public var grade: String?
    public var notes: [(label: String, text: String)] = []
    public var checks: [Check] = []
    /// Indexes into the document's tables this form was built from.
    public var tables: [Int] = []

    public init(kind: FormKind) {
        self.kind = kind
    }

    public static func == (a: Form, b: Form) -> Bool {
        a.kind == b.kind && a.title == b.title && a.attachment == b.attachment && a.year == b.year
            && a.filledDate == b.filledDate && a.info == b.info && a.funds == b.funds && a.fundSources == b.fundSources
            && a.goals == b.goals && a.indicators == b.indicators && a.total == b.total && a.grade == b.grade
            && a.notes.map(\.label) == b.notes.map(\.label) && a.notes.map(\.text) == b.notes.map(\.text)
            && a.checks == b.checks && a.tables == b.tables
    }

    /// The name a person would call the form by: its project, else its unit.
    public var name: String? { info.projectName ?? info.unitName }
}
