/// Where something was read from: a line of a text file or a block of a DOCX body.
public enum SourceLocation: Sendable, Equatable, Hashable {
    case line(Int)
    case paragraph(Int)

    public var line: Int? {
        if case .line(let n) = self { return n }
        return nil
    }
}
