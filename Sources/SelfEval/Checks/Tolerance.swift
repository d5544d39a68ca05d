import Foundation

/// How printed numbers are compared with computed ones: a printed figure is right when it is the
/// computed one rounded or truncated to the printed number of decimals.
enum Tolerance {
    static func decimals(of text: String?) -> Int {
        guard let text else { return 2 }
        let t = TextCleaning.halfWidthNumbers(text)
        guard let dot = t.firstIndex(of: ".") else { return 0 }
        return t[t.index(after: dot)...].prefix { $0.isNumber }.count
    }

    static func matches(computed: Double, printed: Double, decimals: Int) -> Bool {
        let scale = pow(10.0, Double(decimals))
        let epsilon = 1e-9 * max(1, abs(computed))
        if abs((computed * scale).rounded() / scale - printed) <= epsilon + 1e-9 { return true }
        if abs((computed * scale).rounded(.towardZero) / scale - printed) <= epsilon + 1e-9 { return true }
        return abs(computed - printed) <= 0.5 / scale + epsilon
    }

    static func sum(_ values: [Double]) -> Double {
        (values.reduce(0, +) * 1e6).rounded() / 1e6
    }
}
