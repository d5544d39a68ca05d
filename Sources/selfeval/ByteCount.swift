import ArgumentParser

/// A size on the command line: `1000`, `64K`, `256M`, `1G` (binary multiples, `B`/`iB` allowed),
/// so that raising a limit does not mean counting zeros.
struct ByteCount: ExpressibleByArgument, Sendable {
    var bytes: Int

    init?(argument: String) {
        var text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where text.hasSuffix(suffix) && text.count > suffix.count {
            text.removeLast(suffix.count)
            break
        }
        var shift = 0
        if let last = text.last, let s = ["K": 10, "M": 20, "G": 30, "T": 40][String(last)] {
            shift = s
            text.removeLast()
        }
        guard let n = Int(text), n > 0, n <= Int.max >> shift else { return nil }
        bytes = n << shift
    }

    static func describe(_ bytes: Int) -> String {
        for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift)\(suffix)"
        }
        return String(bytes)
    }
}
