/// One 年度总体目标 pair: what was planned and what was done, line breaks kept.
public struct Goal: Sendable, Equatable {
    public var expected: String?
    public var actual: String?

    public init(expected: String?, actual: String?) {
        self.expected = expected
        self.actual = actual
    }
}
