/// The contract's `source` object: which file, how it was decoded, and its fingerprint.
public struct SourceInfo: Sendable, Equatable {
    public var path: String
    public var format: SourceFormat
    /// Text encoding as detected (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`); nil for DOCX.
    public var encoding: String?
    public var bytes: Int
    public var sha256: String

    public init(path: String, format: SourceFormat, encoding: String?, bytes: Int, sha256: String) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.bytes = bytes
        self.sha256 = sha256
    }
}
