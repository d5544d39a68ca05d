/// 总分 / 合计 / 绩效自评综合得分.
public struct FormTotal: Sendable, Equatable {
    public var weight: Value?
    public var score: Value?

    public init(weight: Value? = nil, score: Value? = nil) {
        self.weight = weight
        self.score = score
    }
}
