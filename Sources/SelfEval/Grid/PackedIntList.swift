/// A list of optional integers in 4 bytes each instead of 16: a grid of a million rows keeps
/// a line and a width per row, and both fit in 32 bits for any input the limits allow. Once a
/// value does not fit (or is `Int32.min`, which stands for nil), the whole list is kept as
/// `[Int?]`, so every value reads back exactly.
struct PackedIntList: Sendable, Equatable {
    private static let none = Int32.min

    private var narrow: [Int32] = []
    /// The list kept whole, once a value did not fit in `narrow`.
    private var whole: [Int?]?

    init() {}

    init(_ values: [Int?]) {
        narrow.reserveCapacity(values.count)
        for value in values {
            guard let v = Self.packed(value) else {
                narrow = []
                whole = values
                return
            }
            narrow.append(v)
        }
    }

    init(_ values: [Int]) {
        self.init(values.map(Optional.some))
    }

    /// A list of `count` nils.
    init(nils count: Int) {
        narrow = Array(repeating: Self.none, count: count)
    }

    var count: Int { whole?.count ?? narrow.count }

    subscript(i: Int) -> Int? {
        get {
            if let whole { return whole[i] }
            let v = narrow[i]
            return v == Self.none ? nil : Int(v)
        }
        set {
            if whole != nil {
                whole![i] = newValue
            } else if let v = Self.packed(newValue) {
                narrow[i] = v
            } else {
                widen()
                whole![i] = newValue
            }
        }
    }

    /// The value at `i`, or nil past the end.
    func value(at i: Int) -> Int? { i >= 0 && i < count ? self[i] : nil }

    mutating func reserveCapacity(_ count: Int) {
        if whole != nil { whole!.reserveCapacity(count) } else { narrow.reserveCapacity(count) }
    }

    mutating func append(_ value: Int?) {
        if whole != nil {
            whole!.append(value)
        } else if let v = Self.packed(value) {
            narrow.append(v)
        } else {
            widen()
            whole!.append(value)
        }
    }

    var values: [Int?] { whole ?? narrow.map { $0 == Self.none ? nil : Int($0) } }

    /// The values of a list that holds no nil.
    var nonOptionalValues: [Int] { values.map { $0! } }

    /// Compares what the lists read, however each is kept.
    static func == (a: PackedIntList, b: PackedIntList) -> Bool {
        if a.whole == nil && b.whole == nil { return a.narrow == b.narrow }
        return a.values == b.values
    }

    private mutating func widen() {
        whole = values
        narrow = []
    }

    /// `value` in 32 bits, or nil when it does not fit beside the nil marker.
    private static func packed(_ value: Int?) -> Int32? {
        guard let value else { return none }
        guard let v = Int32(exactly: value), v != none else { return nil }
        return v
    }
}
