/// The units and comparators `ValueReader` finds, and their one-byte codes: a value keeps the
/// code of its unit and comparator, not the strings.
enum ValueAffixes {
    /// The units `ValueReader` knows, longest first where one begins another.
    static let units = [
        "平方公里", "平方米", "万人次", "亿元", "万元", "千元", "万人", "万户", "万条", "万份", "万件", "万册", "人次", "批次",
        "公里", "小时", "个月", "元", "万", "人", "户", "件", "个", "家", "次", "天", "日", "月", "年", "份", "台", "条", "项",
        "所", "辆", "篇", "场", "期", "套", "座", "处", "亩", "吨", "册", "分", "岁", "%", "‰", "km", "m²", "m",
    ]
    static let comparators = ["≥", "≤", ">", "<", "="]

    private static let unitCodes = codes(of: units)
    private static let comparatorCodes = codes(of: comparators)

    /// Code 0 is nil; nil is returned for a string in neither list.
    static func code(ofUnit unit: String?) -> UInt8? { code(of: unit, in: unitCodes) }
    static func code(ofComparator comparator: String?) -> UInt8? { code(of: comparator, in: comparatorCodes) }

    static func unit(_ code: UInt8) -> String? { code == 0 ? nil : units[Int(code) - 1] }
    static func comparator(_ code: UInt8) -> String? { code == 0 ? nil : comparators[Int(code) - 1] }

    private static func codes(of strings: [String]) -> [String: UInt8] {
        Dictionary(uniqueKeysWithValues: strings.enumerated().map { ($0.element, UInt8($0.offset + 1)) })
    }

    private static func code(of string: String?, in codes: [String: UInt8]) -> UInt8? {
        guard let string else { return 0 }
        return codes[string]
    }
}
