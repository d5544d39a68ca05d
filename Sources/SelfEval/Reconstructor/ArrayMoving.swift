extension Array {
    /// Appends `other` and leaves it empty. When `other` is the longer, this array's elements go
    /// in front of it instead: a large form's one block of indicators (or of diagnostics) is
    /// then moved from array to array rather than copied beside itself.
    mutating func appendMoving(_ other: inout [Element]) {
        if isEmpty {
            swap(&self, &other)
        } else if other.count > count {
            other.insert(contentsOf: self, at: 0)
            swap(&self, &other)
        } else {
            append(contentsOf: other)
        }
        other = []
    }
}
