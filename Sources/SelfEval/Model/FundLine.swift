/// One line of the 项目资金 / 预算执行情况 block.
public struct FundLine: Sendable, Equatable {
    public enum Role: String, Sendable {
        case total, currentYear, carryover, other
    }

    public var label: String
    public var role: Role
    public var initialBudget: Value?
    public var annualBudget: Value?
    public var executed: Value?
    public var weight: Value?
    public var executionRate: Value?
    public var score: Value?
    public var source: CellSource

    public init(label: String, role: Role, source: CellSource) {
        self.label = label
        self.role = role
        self.source = source
    }
}
