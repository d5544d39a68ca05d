/// A quantity as printed in a cell, plus what could be read from it. `text` keeps what was
/// printed (cleaned of markup); `number`, `unit` and `comparator` are there only when the text
/// holds exactly one number.
///
/// An indicator row holds four of these, so the number's presence is a flag and the unit and
/// comparator are coded (`ValueAffixes`): 40 bytes instead of 64.
public struct Value: Sendable, Equatable {
    public var text: String
    public var number: Double? {
        get { hasNumber ? storedNumber : nil }
        set {
            storedNumber = newValue ?? 0
            hasNumber = newValue != nil
        }
    }
    public var unit: String? {
        get { affixes.unit }
        set { affixes.unit = newValue }
    }
    public var comparator: String? {
        get { affixes.comparator }
        set { affixes.comparator = newValue }
    }
    private var storedNumber = 0.0
    private var affixes = ValueAffixes()
    private var hasNumber = false

    public init(text: String, number: Double? = nil, unit: String? = nil, comparator: String? = nil) {
        self.text = text
        self.number = number
        self.unit = unit
        self.comparator = comparator
    }
}
