import SelfEval

/// A fuzz input decoded as text, with the source description each text reader takes.
public struct FuzzText {
    public let text: String
    let path: String
    let encoding: String?
    let bytes: Int

    public func source(_ format: SourceFormat) -> SourceInfo {
        SourceInfo(path: path, format: format, encoding: encoding, bytes: bytes, sha256: "")
    }
}
