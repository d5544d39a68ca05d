/// The outcome of one arithmetic or consistency rule on a form.
public struct Check: Sendable, Equatable {
    public enum Status: String, Sendable {
        case pass, fail, skip
    }

    public var rule: String
    public var status: Status
    public var message: String
    public var expected: Double?
    public var found: Double?

    public init(rule: String, status: Status, message: String, expected: Double? = nil, found: Double? = nil) {
        self.rule = rule
        self.status = status
        self.message = message
        self.expected = expected
        self.found = found
    }
}
