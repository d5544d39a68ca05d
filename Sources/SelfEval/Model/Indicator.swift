/// One 绩效指标 row.
///
/// A large form holds one of these per row, so the rarely filled fields live out of line and
/// the level weights are packed (`IndicatorDetails`, `LevelWeights`); the properties below are
/// the model either way.
public struct Indicator: Sendable, Equatable {
    public var level1: String?
    public var level2: String?
    public var level3: String?
    public var level1Weight: Double? {
        get { weights[0] }
        set { weights[0] = newValue }
    }
    public var level2Weight: Double? {
        get { weights[1] }
        set { weights[1] = newValue }
    }
    public var level3Weight: Double? {
        get { weights[2] }
        set { weights[2] = newValue }
    }
    /// A remark printed under a level label, such as `（预期实现的效益）` under `效益目标`.
    public var level1Note: String? {
        get { details.value?.level1Note }
        set { setDetail(\.level1Note, newValue) }
    }
    public var code: String? {
        get { details.value?.code }
        set { setDetail(\.code, newValue) }
    }
    public var target: Value?
    public var actual: Value?
    public var weight: Value?
    public var score: Value?
    public var deviation: String? {
        get { details.value?.deviation }
        set { setDetail(\.deviation, newValue) }
    }
    public var criteria: String? {
        get { details.value?.criteria }
        set { setDetail(\.criteria, newValue) }
    }
    public var explanation: String? {
        get { details.value?.explanation }
        set { setDetail(\.explanation, newValue) }
    }
    public var dataSource: String? {
        get { details.value?.dataSource }
        set { setDetail(\.dataSource, newValue) }
    }
    /// Index of the indicator whose weight/score cell this row shares, for a cell merged over rows.
    public var sharedWith: Int? {
        get { details.value?.sharedWith }
        set { setDetail(\.sharedWith, newValue) }
    }
    public var source: CellSource
    private var weights = LevelWeights()
    private var details = OutOfLine<IndicatorDetails>()

    public init(source: CellSource) {
        self.source = source
    }

    /// Setting nil on a row with no details leaves it without any.
    private mutating func setDetail<Field>(_ field: WritableKeyPath<IndicatorDetails, Field?>, _ value: Field?) {
        if value == nil && details.value == nil { return }
        details.modify(empty: IndicatorDetails()) { $0[keyPath: field] = value }
    }
}
