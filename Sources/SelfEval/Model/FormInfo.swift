/// The names and label/value pairs that identify a form.
public struct FormInfo: Sendable, Equatable {
    public var projectName: String?
    public var unitName: String?
    public var supervisor: String?
    public var implementer: String?
    /// Checkbox groups with only their ticked options, in printed order.
    public var options: [(label: String, ticked: [String])] = []
    /// Every other label/value pair, in printed order.
    public var other: [(label: String, value: String)] = []

    public init() {}

    public static func == (a: FormInfo, b: FormInfo) -> Bool {
        a.projectName == b.projectName && a.unitName == b.unitName && a.supervisor == b.supervisor
            && a.implementer == b.implementer
            && a.options.map(\.label) == b.options.map(\.label) && a.options.map(\.ticked) == b.options.map(\.ticked)
            && a.other.map(\.label) == b.other.map(\.label) && a.other.map(\.value) == b.other.map(\.value)
    }
}
