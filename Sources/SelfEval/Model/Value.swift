/// A quantity as printed in a cell, plus what could be read from it. `text` keeps what was
/// printed (cleaned of markup); `number`, `unit` and `comparator` are there only when the text
/// holds exactly one number.
///
/// An indicator row holds four of these, so what is read from the text is kept compactly
/// (`Quantity`): 32 bytes instead of 64.
public struct Value: Sendable, Equatable {
    public var text: String
    public var number: Double? {
        get { quantity.number }
        set { quantity.number = newValue }
    }
    public var unit: String? {
        get { quantity.unit }
        set { quantity.unit = newValue }
    }
    public var comparator: String? {
        get { quantity.comparator }
        set { quantity.comparator = newValue }
    }
    private var quantity: Quantity

    public init(text: String, number: Double? = nil, unit: String? = nil, comparator: String? = nil) {
        self.text = text
        quantity = Quantity(number: number, unit: unit, comparator: comparator)
    }
}
