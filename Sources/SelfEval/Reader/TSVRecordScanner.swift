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

    private static let quote = UInt8(ascii: "\""), tab = UInt8(ascii: "\t")

    // Quotes and TABs are found in the bytes: both are Characters of their own.
    func record(at start: Int) -> Record {
        var fields: [String] = []
        var unbalanced = false
        var lineIndex = start
        var rest = lines[start][...]
        while true {
            if rest.utf8.first == Self.quote,
               let (field, endLine, remainder) = quotedField(startingLine: lineIndex, text: rest[rest.utf8.index(after: rest.startIndex)...]) {
                fields.append(field)
                lineIndex = endLine
                rest = remainder
            } else {
                if rest.utf8.first == Self.quote { unbalanced = true }
                let end = rest.firstIndex(ofByte: Self.tab) ?? rest.endIndex
                fields.append(String(rest[..<end]))
                rest = rest[end...]
            }
            if rest.utf8.first == Self.tab {
                rest = rest[rest.utf8.index(after: rest.startIndex)...]
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
            let bytes = s.utf8
            var chunk = bytes.startIndex
            var i = bytes.startIndex
            while i < bytes.endIndex {
                if bytes[i] == Self.quote {
                    field += s[chunk..<i]
                    let next = bytes.index(after: i)
                    if next < bytes.endIndex, bytes[next] == Self.quote {
                        field.append("\"")
                        i = bytes.index(after: next)
                        chunk = i
                        continue
                    }
                    if next == bytes.endIndex || bytes[next] == Self.tab {
                        return (field, lineIndex, s[next...])
                    }
                    return nil
                }
                bytes.formIndex(after: &i)
            }
            field += s[chunk..<bytes.endIndex]
            lineIndex += 1
            guard lineIndex < lines.count, lineIndex - startingLine <= Self.maxQuotedLines else { return nil }
            field.append("\n")
            s = lines[lineIndex][...]
        }
    }
}
