import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal so
/// that logs and pipes stay clean.
struct ProgressBar {
    let total: Int
    let enabled: Bool
    private var lastDraw: ContinuousClock.Instant?
    private var line = ""

    init(total: Int, enabled: Bool = isatty(2) == 1) {
        self.total = total
        self.enabled = enabled && total > 1
    }

    /// Redraws at most twenty times a second, and always for the last file.
    mutating func update(done: Int, current: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        if let lastDraw, done < total, now - lastDraw < .milliseconds(50) { return }
        lastDraw = now
        let width = 24
        let filled = total == 0 ? width : width * done / total
        var name = (current as NSString).lastPathComponent
        if name.count > 40 { name = "…" + name.suffix(39) }
        line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(done)/\(total) \(name)"
        StandardStreams.error("\r\u{1B}[K" + line, newline: false)
    }

    /// Prints a message above the bar and draws the bar again under it.
    func interrupt(_ message: String) {
        guard enabled, !line.isEmpty else {
            StandardStreams.error(message)
            return
        }
        StandardStreams.error("\r\u{1B}[K" + message + "\n" + line, newline: false)
    }

    func finish() {
        guard enabled, !line.isEmpty else { return }
        StandardStreams.error("\r\u{1B}[K", newline: false)
    }
}
