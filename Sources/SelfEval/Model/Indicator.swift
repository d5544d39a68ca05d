/// One 绩效指标 row.
public struct Indicator: Sendable, Equatable {
    public var level1: String?
    public var level2: String?
    public var level3: String?
    public var level1Weight: Double?
    public var level2Weight: Double?
    public var level3Weight: Double?
    /// A remark printed under a level label, such as `（预期实现的效益）` under `效益目标`.
    public var level1Note: String?
    public var code: String?
    public var target: Value?
    public var actual: Value?
    public var weight: Value?
    public var score: Value?
    public var deviation: String?
    public var criteria: String?
    public var explanation: String?
    public var dataSource: String?
    /// Index of the indicator whose weight/score cell this row shares, for a cell merged over rows.
    public var sharedWith: Int?
    public var source: CellSource

    public init(source: CellSource) {
        self.source = source
    }
}
