/// How the CSV files are written. The defaults suit a person opening them in Excel or WPS on a
/// Chinese desktop; `english` headers and no BOM suit scripts.
public struct CSVOptions: Sendable, Equatable {
    /// Start each file with U+FEFF so that Excel and WPS read it as UTF-8 rather than the
    /// local code page, which would garble the Chinese text.
    public var byteOrderMark: Bool
    public var headers: CSVHeaderLanguage

    public init(byteOrderMark: Bool = true, headers: CSVHeaderLanguage = .chinese) {
        self.byteOrderMark = byteOrderMark
        self.headers = headers
    }
}
