/// A value kept behind one reference and copied on write, or nothing at all: for fields most
/// rows leave empty, so that an empty row pays one pointer instead of their full width.
struct OutOfLine<Wrapped: Sendable & Equatable>: Sendable, Equatable {
    /// Mutated only while uniquely referenced (`modify` copies it otherwise), so sharing it
    /// between threads is safe.
    private final class Box: @unchecked Sendable {
        var value: Wrapped
        init(_ value: Wrapped) { self.value = value }
    }

    private var box: Box?

    init() {}

    /// The value, or nil when nothing was ever set.
    var value: Wrapped? { box?.value }

    /// Changes the value in place. It starts as `empty` when nothing is kept, and nothing is
    /// kept again once it is back to `empty`, so that equal values compare equal.
    mutating func modify(empty: Wrapped, _ change: (inout Wrapped) -> Void) {
        if box == nil {
            box = Box(empty)
        } else if !isKnownUniquelyReferenced(&box) {
            box = Box(box!.value)
        }
        change(&box!.value)
        if box!.value == empty { box = nil }
    }

    static func == (a: OutOfLine, b: OutOfLine) -> Bool { a.value == b.value }
}
