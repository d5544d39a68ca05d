/// A quantity as printed in a cell, plus what could be read from it. `text` keeps what was
/// printed (cleaned of markup); `number`, `unit` and `comparator` are there only when the text
/// holds exactly one number.
public struct Value: Sendable, Equatable {
    public var text: String
    public var number: Double?
    public var unit: String?
    public var comparator: String?

    public init(text: String, number: Double? = nil, unit: String? = nil, comparator: String? = nil) {
        self.text = text
        self.number = number
        self.unit = unit
        self.comparator = comparator
    }
}
