/// Execution rates are printed as `85.8%`, `85.8` or `0.858`; a sheet needs one scale to
/// average or filter them, so the rate columns always hold percent.
enum CSVPercent {
    static func text(_ rate: Value?) -> String {
        guard let n = rate?.number else { return "" }
        let percent = rate?.unit == "%" || n > 1.5 ? n : (n * 100).rounded(to: 10)
        return CSVNumber.text(percent)
    }
}
