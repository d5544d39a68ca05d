/// One 绩效指标 row.
///
/// A large form holds one of these per row (200 bytes), so the rarely filled fields live out of
/// line and the level weights are packed (`IndicatorDetails`, `LevelWeights`); the properties
/// below are the model either way.
public struct Indicator: Sendable, Equatable {
    public var level1: String?
    public var level2: String?
    public var level3: String?
    public var level1Weight: Double? {
        get { weight(level: 0) }
        set { setWeight(newValue, level: 0) }
    }
    public var level2Weight: Double? {
        get { weight(level: 1) }
        set { setWeight(newValue, level: 1) }
    }
    public var level3Weight: Double? {
        get { weight(level: 2) }
        set { setWeight(newValue, level: 2) }
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

    private func weight(level: Int) -> Double? {
        weights[level] ?? details.value?.unpackedWeights[level]
    }

    private mutating func setWeight(_ weight: Double?, level: Int) {
        let packed = weights.set(weight, level: level)
        if !packed || details.value?.unpackedWeights[level] != nil {
            details.modify(empty: IndicatorDetails()) { $0.unpackedWeights[level] = packed ? nil : weight }
        }
    }

    /// Setting nil on a row with no details leaves it without any.
    private mutating func setDetail<Field>(_ field: WritableKeyPath<IndicatorDetails, Field?>, _ value: Field?) {
        if value == nil && details.value == nil { return }
        details.modify(empty: IndicatorDetails()) { $0[keyPath: field] = value }
    }
}
