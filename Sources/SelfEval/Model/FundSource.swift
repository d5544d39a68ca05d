/// A break-down line of the funds (`按收入性质分` → `一般公共预算：531.19`).
public struct FundSource: Sendable, Equatable {
    public var dimension: String
    public var label: String
    public var amount: Value?

    public init(dimension: String, label: String, amount: Value?) {
        self.dimension = dimension
        self.label = label
        self.amount = amount
    }
}
