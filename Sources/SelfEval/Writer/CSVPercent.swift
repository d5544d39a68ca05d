/// Execution rates are printed as `85.8%`, `85.8` or `0.858`; a sheet needs one scale to
/// average or filter them, so the rate columns always hold percent.
enum CSVPercent {
    static func text(_ rate: Value?) -> String {
        CSVNumber.text(percent(rate))
    }

    static func write(_ rate: Value?, into out: inout ByteBuffer) {
        CSVNumber.write(percent(rate), into: &out)
    }

    private static func percent(_ rate: Value?) -> Double? {
        guard let n = rate?.number else { return nil }
        return rate?.unit == "%" || n > 1.5 ? n : (n * 100).rounded(to: 10)
    }
}
