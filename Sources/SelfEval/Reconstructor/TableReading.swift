/// What the reconstructor made of one table: the form parts it found and the rows it could not
/// place.
struct TableReading {
    var info = FormInfo()
    var funds: [FundLine] = []
    var fundSources: [FundSource] = []
    var goals: [Goal] = []
    var indicators: [Indicator] = []
    var total = FormTotal()
    var grade: String?
    /// Where each single-valued field was read: a later value that replaces it must give the
    /// earlier cell back to the unplaced-cell sweep (or, across tables, name it).
    var fieldCells: [SingleField: (row: Int, column: Int)] = [:]

    /// The form fields that hold one value, read from one cell.
    enum SingleField: Hashable, CaseIterable {
        case projectName, unitName, supervisor, implementer, grade, totalWeight, totalScore
    }
    var notes: [(label: String, text: String)] = []
    var diagnostics: [Diagnostic] = []
    /// Rows that fit no part of the model (kept in `tables`, named in a diagnostic).
    var unplacedRows: [Int] = []
    /// Cells whose text went into the model or was named in a row diagnostic.
    var accounted = AccountedCells()
    var indicatorLayout: IndicatorLayout?
    var carry = IndicatorBlock.Carry()
    var hasFundsHeader = false

    /// A table is a form when it has an indicator block, or names and a funds block.
    var isForm: Bool {
        indicatorLayout != nil || (hasFundsHeader && (info.projectName != nil || info.unitName != nil))
    }

    /// Indicator columns look like a scoring table: weights and scores, criteria, no targets.
    var looksLikeFramework: Bool {
        guard let layout = indicatorLayout else { return false }
        // Looked up in the layout's few roles as they are: sets of them cost more than the test.
        let roles = layout.roles.values
        return !roles.contains(.actual) && roles.contains(.weight)
            && roles.contains { $0 == .criteria || $0 == .explanation || $0 == .dataSource }
    }
}
