/// A value's unit and comparator in two bytes when they are among those the reader finds
/// (`ValueReader` reads units from `units` and comparators from `comparators`), out of line
/// otherwise: the 32 bytes of two optional strings, four times in each indicator row, were a
/// large part of a large form's memory.
struct ValueAffixes: Sendable, Equatable {
    /// The units `ValueReader` knows, longest first where one begins another.
    static let units = [
        "平方公里", "平方米", "万人次", "亿元", "万元", "千元", "万人", "万户", "万条", "万份", "万件", "万册", "人次", "批次",
        "公里", "小时", "个月", "元", "万", "人", "户", "件", "个", "家", "次", "天", "日", "月", "年", "份", "台", "条", "项",
        "所", "辆", "篇", "场", "期", "套", "座", "处", "亩", "吨", "册", "分", "岁", "%", "‰", "km", "m²", "m",
    ]
    static let comparators = ["≥", "≤", ">", "<", "="]

    private static let unitCodes = codes(of: units)
    private static let comparatorCodes = codes(of: comparators)
    /// Code 0 is nil; `elsewhere` means the string is kept in `other`.
    private static let elsewhere: UInt8 = .max

    private var other = OutOfLine<Other>()
    private var unitCode: UInt8 = 0
    private var comparatorCode: UInt8 = 0

    private struct Other: Sendable, Equatable {
        var unit: String?
        var comparator: String?
    }

    var unit: String? {
        get { Self.string(unitCode, in: Self.units) ?? other.value?.unit }
        set {
            unitCode = Self.code(of: newValue, in: Self.unitCodes)
            setOther(\.unit, unitCode == Self.elsewhere ? newValue : nil)
        }
    }

    var comparator: String? {
        get { Self.string(comparatorCode, in: Self.comparators) ?? other.value?.comparator }
        set {
            comparatorCode = Self.code(of: newValue, in: Self.comparatorCodes)
            setOther(\.comparator, comparatorCode == Self.elsewhere ? newValue : nil)
        }
    }

    private mutating func setOther(_ field: WritableKeyPath<Other, String?>, _ value: String?) {
        guard value != nil || other.value != nil else { return }
        other.modify(empty: Other()) { $0[keyPath: field] = value }
    }

    private static func codes(of strings: [String]) -> [String: UInt8] {
        Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($0.element, UInt8($0.offset + 1)) })
    }

    private static func code(of string: String?, in codes: [String: UInt8]) -> UInt8 {
        guard let string else { return 0 }
        return codes[string] ?? elsewhere
    }

    private static func string(_ code: UInt8, in strings: [String]) -> String? {
        code == 0 || code == elsewhere ? nil : strings[Int(code) - 1]
    }
}
