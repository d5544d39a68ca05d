/// A value's number, unit and comparator in 11 bytes: the number's presence is the case of an
/// enum, the unit and comparator are codes into `ValueAffixes`' lists. A unit or comparator from
/// outside the lists, which only a library user can set, sends all three to one shared, immutable
/// box. An indicator row holds four values, and a large form's memory is mostly indicator rows.
struct Quantity: Sendable, Equatable {
    private final class Whole: Sendable, Equatable {
        let number: Double?
        let unit: String?
        let comparator: String?

        init(number: Double?, unit: String?, comparator: String?) {
            self.number = number
            self.unit = unit
            self.comparator = comparator
        }

        static func == (a: Whole, b: Whole) -> Bool {
            a.number == b.number && a.unit == b.unit && a.comparator == b.comparator
        }
    }

    private enum Storage: Sendable, Equatable {
        case noNumber
        case number(Double)
        case whole(Whole)
    }

    private var storage = Storage.noNumber
    private var unitCode: UInt8 = 0
    private var comparatorCode: UInt8 = 0

    init(number: Double?, unit: String?, comparator: String?) {
        set(number: number, unit: unit, comparator: comparator)
    }

    var number: Double? {
        get {
            switch storage {
            case .noNumber: nil
            case .number(let n): n
            case .whole(let whole): whole.number
            }
        }
        set { set(number: newValue, unit: unit, comparator: comparator) }
    }

    var unit: String? {
        get {
            if case .whole(let whole) = storage { return whole.unit }
            return ValueAffixes.unit(unitCode)
        }
        set { set(number: number, unit: newValue, comparator: comparator) }
    }

    var comparator: String? {
        get {
            if case .whole(let whole) = storage { return whole.comparator }
            return ValueAffixes.comparator(comparatorCode)
        }
        set { set(number: number, unit: unit, comparator: newValue) }
    }

    /// One way of keeping each combination, so that the synthesized equality holds.
    private mutating func set(number: Double?, unit: String?, comparator: String?) {
        if let unitCode = ValueAffixes.code(ofUnit: unit), let comparatorCode = ValueAffixes.code(ofComparator: comparator) {
            storage = number.map { .number($0) } ?? .noNumber
            self.unitCode = unitCode
            self.comparatorCode = comparatorCode
        } else {
            storage = .whole(Whole(number: number, unit: unit, comparator: comparator))
            unitCode = 0
            comparatorCode = 0
        }
    }
}
