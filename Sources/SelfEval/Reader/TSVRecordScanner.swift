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

    // Quotes and TABs are found in the bytes (both are Characters of their own), fields are
    // cut by byte offsets: slicing a Substring costs index checks and calls at every step. The
    // unquoted fields of a line are cut in one look at its bytes.
    func record(at start: Int) -> Record {
        var fields: [String] = []
        // Room for a form's usual width at once, rather than growing by doubling to it.
        fields.reserveCapacity(16)
        let (next, unbalanced) = record(at: start) { fields.append(String(decoding: $0, as: UTF8.self)) }
        return Record(fields: fields, next: next, unbalancedQuote: unbalanced)
    }

    /// The record that starts at line index `start`, each field's UTF-8 bytes handed to `field`
    /// in order (a reader that keeps them elsewhere needs no array of them, nor a String of a
    /// field as written); returns the index of the first line after it and whether a quote did
    /// not close.
    func record(at start: Int, _ field: (UnsafeBufferPointer<UInt8>) -> Void) -> (next: Int, unbalancedQuote: Bool) {
        var unbalanced = false
        var lineIndex = start
        var offset = 0
        while true {
            if byte(at: offset, of: lineIndex) == Self.quote {
                if let (text, endLine, after) = quotedField(startingLine: lineIndex, offset: offset + 1) {
                    text.withUnsafeBufferPointer(field)
                    lineIndex = endLine
                    offset = after
                    guard byte(at: offset, of: lineIndex) == Self.tab else { return (lineIndex + 1, unbalanced) }
                    offset += 1
                    continue
                }
                unbalanced = true
            }
            // Fields up to the line's end, or up to the next one that opens a quote.
            var line = lines[lineIndex]
            let quoted: Int? = line.withUTF8 { p in
                var from = offset
                while true {
                    let end = p.firstIndex(of: Self.tab, from: from) ?? p.count
                    field(UnsafeBufferPointer(rebasing: p[from..<end]))
                    guard end < p.count else { return nil }
                    from = end + 1
                    if from < p.count, p[from] == Self.quote { return from }
                }
            }
            guard let quoted else { return (lineIndex + 1, unbalanced) }
            offset = quoted
        }
    }

    private func byte(at offset: Int, of lineIndex: Int) -> UInt8? {
        var line = lines[lineIndex]
        return line.withUTF8 { offset < $0.count ? $0[offset] : nil }
    }

    /// The quoted field whose text starts at byte `offset` of line `startingLine`: its text, the
    /// line where it closed, and the byte offset just past the closing quote in that line.
    /// Quotes are found with memchr.
    private func quotedField(startingLine: Int, offset: Int) -> ([UInt8], Int, Int)? {
        enum LineEnd { case closed(after: Int), notAField, continues }
        var field: [UInt8] = []
        var lineIndex = startingLine
        var from = offset
        while true {
            var line = lines[lineIndex]
            let end = line.withUTF8 { p -> LineEnd in
                var chunk = from
                var i = from
                while let q = p.firstIndex(of: Self.quote, from: i) {
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: p[chunk..<q]))
                    let next = q + 1
                    if next < p.count, p[next] == Self.quote {
                        field.append(Self.quote)
                        i = next + 1
                        chunk = i
                        continue
                    }
                    return next == p.count || p[next] == Self.tab ? .closed(after: next) : .notAField
                }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: p[min(chunk, p.count)..<p.count]))
                return .continues
            }
            switch end {
            case .closed(let after):
                return (field, lineIndex, after)
            case .notAField:
                return nil
            case .continues:
                lineIndex += 1
                guard lineIndex < lines.count, lineIndex - startingLine <= Self.maxQuotedLines else { return nil }
                field.append(UInt8(ascii: "\n"))
                from = 0
            }
        }
    }
}
