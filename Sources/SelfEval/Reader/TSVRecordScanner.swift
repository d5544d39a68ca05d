/// Splits TAB-separated lines into records the way Excel writes them: a field that starts with a
/// double quote runs to the quote that is followed by a TAB or the end of a line, may hold TABs
/// and line breaks, and doubles its own quotes. A quote that never closes is literal text.
struct TSVRecordScanner {
    let lines: [Substring]
    /// How far a quoted field may run before its opening quote is taken as text.
    static let maxQuotedLines = 200

    struct Record {
        var fields: [String]
        /// Index of the first line after the record.
        var next: Int
        var unbalancedQuote: Bool
    }

    func record(at start: Int) -> Record {
        var fields: [String] = []
        var unbalanced = false
        var lineIndex = start
        var rest = lines[start][...]
        while true {
            if rest.first == "\"", let (field, endLine, remainder) = quotedField(startingLine: lineIndex, text: rest.dropFirst()) {
                fields.append(field)
                lineIndex = endLine
                rest = remainder
            } else {
                if rest.first == "\"" { unbalanced = true }
                let end = rest.firstIndex(of: "\t") ?? rest.endIndex
                fields.append(String(rest[..<end]))
                rest = rest[end...]
            }
            if rest.first == "\t" {
                rest = rest.dropFirst()
            } else {
                return Record(fields: fields, next: lineIndex + 1, unbalancedQuote: unbalanced)
            }
        }
    }

    /// Returns the field's text, the line where it closed, and what follows the closing quote.
    private func quotedField(startingLine: Int, text: Substring) -> (String, Int, Substring)? {
        var field = ""
        var lineIndex = startingLine
        var s = text
        while true {
            var i = s.startIndex
            while i < s.endIndex {
                if s[i] == "\"" {
                    let next = s.index(after: i)
                    if next < s.endIndex, s[next] == "\"" {
                        field.append("\"")
                        i = s.index(after: next)
                        continue
                    }
                    if next == s.endIndex || s[next] == "\t" {
                        return (field, lineIndex, s[next...])
                    }
                    return nil
                }
                field.append(s[i])
                i = s.index(after: i)
            }
            lineIndex += 1
            guard lineIndex < lines.count, lineIndex - startingLine <= Self.maxQuotedLines else { return nil }
            field.append("\n")
            s = lines[lineIndex][...]
        }
    }
}
