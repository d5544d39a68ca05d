import CLibFuzzer
import Foundation
import SelfEval

/// Hands the process to libFuzzer with one target's test function. Every target runs its input
/// through a throwing entry point and ignores the error: a clean error is a pass, while a crash,
/// leak, hang or runaway allocation is what libFuzzer reports.
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func run(_ test: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }

    /// The input as `Data`; libFuzzer may pass a null pointer for the empty input.
    public static func data(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let start, count > 0 else { return Data() }
        return Data(bytes: start, count: count)
    }

    /// The input decoded as a text export would be; nil when it does not decode, which is a pass.
    public static func text(_ start: UnsafePointer<UInt8>?, _ count: Int, path: String) -> FuzzText? {
        guard let decoded = try? DecodedText.decode(data(start, count), file: path) else { return nil }
        return FuzzText(text: decoded.text, path: path, encoding: decoded.encoding, bytes: count)
    }

    /// The limits every target reads under: the standard ones with the zip limits lowered so
    /// that a bomb is caught at the limit long before libFuzzer's own memory limit.
    public static var limits: ReadLimits {
        var limits = ReadLimits.standard
        limits.maxEntryBytes = 8 << 20
        limits.maxArchiveBytes = 16 << 20
        return limits
    }
}
