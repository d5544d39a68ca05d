import Foundation

/// A text input decoded to a String, with line ends normalised to LF.
public struct DecodedText: Sendable {
    public var text: String
    /// `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be` or `gb18030`.
    public var encoding: String
    /// What decoding had to repair (a byte-order mark that lies, stray bytes of another encoding,
    /// broken sequences, NULs), each with the first line it happened on. A file with a few bad
    /// bytes still holds its forms; the repairs say which text to distrust.
    public var repairs: [Diagnostic] = []

    private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Decodes without being told the encoding: BOMs first (checked against the bytes after
    /// them), then UTF-8, then UTF-16 by its NUL pattern, then GB18030 (which also reads GBK,
    /// the legacy Windows exports). Broken sequences become U+FFFD and are reported.
    public static func decode(_ data: Data, file: String) throws(InputError) -> DecodedText {
        if data.isEmpty { throw InputError(.empty, file: file, "the file is empty") }
        let bytes = [UInt8](data.prefix(4))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try checked(eightBit(data.dropFirst(3), byteOrderMark: true), file: file)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let body = data.dropFirst(2)
            if !body.isEmpty, !body.containsByte(0), let s = String(validating: body, as: UTF8.self) {
                var decoded = DecodedText(text: normalisedLineEnds(s), encoding: "utf-8")
                decoded.repairs.append(Diagnostic(.warning, "bom-mismatch",
                    "the file starts with a UTF-16 byte-order mark but its text is UTF-8; read as UTF-8", line: 1))
                return try checked(decoded, file: file)
            }
            return try checked(utf16(body, littleEndian: bytes[0] == 0xFF), file: file)
        }
        if let s = String(validating: data, as: UTF8.self) {
            return try checked(DecodedText(text: normalisedLineEnds(s), encoding: "utf-8"), file: file)
        }
        if let little = utf16WithoutBOM(data) {
            return try checked(utf16(data[...], littleEndian: little), file: file)
        }
        if looksBinary(data) {
            throw InputError(.binary, file: file, "the file is binary, not text, DOCX or Markdown")
        }
        return try checked(eightBit(data[...], byteOrderMark: false), file: file)
    }

    // MARK: UTF-8 and GB18030

    /// Text that is not valid UTF-8 as a whole. Where most lines with non-ASCII text are UTF-8,
    /// the file is UTF-8 and each line that is not is read as GB18030 (a line pasted from an
    /// older export) or, failing that, with U+FFFD. Otherwise the file is GB18030.
    private static func eightBit(_ data: Data.SubSequence, byteOrderMark: Bool) -> DecodedText {
        let utf8Name = byteOrderMark ? "utf-8-bom" : "utf-8"
        if let s = String(validating: data, as: UTF8.self) {
            return DecodedText(text: normalisedLineEnds(s), encoding: utf8Name)
        }
        let (utf8Lines, otherLines) = nonASCIILines(data)
        let lines = { data.split(separator: 0x0A, omittingEmptySubsequences: false) }
        if utf8Lines <= otherLines {
            if let s = String(data: Data(data), encoding: gb18030) {
                var decoded = DecodedText(text: normalisedLineEnds(s), encoding: "gb18030")
                if byteOrderMark {
                    decoded.repairs.append(Diagnostic(.warning, "bom-mismatch",
                        "the file starts with a UTF-8 byte-order mark but its text is GB18030; read as GB18030", line: 1))
                }
                return decoded
            }
            return lineByLine(lines(), primary: .gb18030, name: "gb18030")
        }
        return lineByLine(lines(), primary: .utf8, name: utf8Name)
    }

    /// How many of the lines with non-ASCII bytes are valid UTF-8, and how many are not. Read in
    /// the contiguous bytes: stepping through `Data` slices costs several calls a byte.
    private static func nonASCIILines(_ data: Data.SubSequence) -> (utf8: Int, other: Int) {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var utf8 = 0, other = 0
            var start = 0
            while start <= bytes.count {
                let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.contains(where: { $0 >= 0x80 }) {
                    if String(validating: line, as: UTF8.self) != nil { utf8 += 1 } else { other += 1 }
                }
                start = end + 1
            }
            return (utf8, other)
        }
    }

    private enum Primary { case utf8, gb18030 }

    /// Decodes each line on its own: lines in the primary encoding as they are, lines in the
    /// other one as that (reported as `mixed-encoding`), the rest with U+FFFD (`invalid-utf8`,
    /// `invalid-gb18030`).
    private static func lineByLine(_ lines: [Data.SubSequence], primary: Primary, name: String) -> DecodedText {
        var out: [String] = []
        out.reserveCapacity(lines.count)
        var mixed: [Int] = [], broken: [Int] = []
        for (index, line) in lines.enumerated() {
            let utf8 = String(validating: line, as: UTF8.self)
            let asciiOnly = !line.contains(where: { $0 >= 0x80 })
            switch primary {
            case .utf8:
                if let utf8 {
                    out.append(utf8)
                    continue
                }
                // A damaged UTF-8 line still has more good multi-byte characters than bad bytes;
                // a GB18030 line read as UTF-8 is mostly errors.
                let tally = utf8Tally(line)
                let cutOff = index == lines.count - 1 && endsInCutUTF8(line)
                if !cutOff, tally.multibyte <= tally.errors, gb18030Scan(line).invalid == 0, let gb = String(data: Data(line), encoding: gb18030) {
                    mixed.append(index + 1)
                    out.append(gb)
                } else {
                    broken.append(index + 1)
                    out.append(String(decoding: line, as: UTF8.self))
                }
            case .gb18030:
                if asciiOnly, let utf8 { out.append(utf8) } else if let gb = String(data: Data(line), encoding: gb18030) {
                    out.append(gb)
                } else {
                    broken.append(index + 1)
                    out.append(gb18030Repaired(line))
                }
            }
        }
        var decoded = DecodedText(text: normalisedLineEnds(out.joined(separator: "\n")), encoding: name)
        if !mixed.isEmpty {
            decoded.repairs.append(Diagnostic(.warning, "mixed-encoding",
                "the file is UTF-8 but \(lineList(mixed)) \(mixed.count == 1 ? "is" : "are") GB18030; read as GB18030", line: mixed[0]))
        }
        if !broken.isEmpty {
            let code = primary == .utf8 ? "invalid-utf8" : "invalid-gb18030"
            let encoding = primary == .utf8 ? "UTF-8" : "GB18030"
            decoded.repairs.append(Diagnostic(.warning, code,
                "\(lineList(broken)) \(broken.count == 1 ? "holds" : "hold") bytes that are not valid \(encoding); replaced with U+FFFD", line: broken[0]))
        }
        return decoded
    }

    /// True when the bytes are valid UTF-8 up to a last character that was cut off (a file
    /// truncated mid-character), rather than text in another encoding.
    private static func endsInCutUTF8(_ line: Data.SubSequence) -> Bool {
        let bytes = [UInt8](line.suffix(4))
        for back in 1...min(3, bytes.count) {
            let lead = bytes[bytes.count - back]
            guard lead >= 0xC0 else { continue }
            let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            return needed > back && String(validating: line.dropLast(back), as: UTF8.self) != nil
        }
        return false
    }

    /// Counts a line's well-formed multi-byte UTF-8 characters and its malformed sequences.
    private static func utf8Tally(_ line: Data.SubSequence) -> (multibyte: Int, errors: Int) {
        var iterator = line.makeIterator()
        var decoder = UTF8()
        var multibyte = 0, errors = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): if s.value >= 0x80 { multibyte += 1 }
            case .error: errors += 1
            case .emptyInput: return (multibyte, errors)
            }
        }
    }

    /// A GB18030 line with bad sequences: the runs that are well-formed GB18030 are decoded,
    /// every byte outside them becomes U+FFFD. One pass, however damaged the line.
    private static func gb18030Repaired(_ line: Data.SubSequence) -> String {
        let bytes = [UInt8](line)
        var out = ""
        for run in gb18030Scan(line).runs {
            switch run {
            case .valid(let range):
                out += String(data: Data(bytes[range]), encoding: gb18030) ?? String(repeating: "\u{FFFD}", count: range.count)
            case .invalid:
                out += "\u{FFFD}"
            }
        }
        return out
    }

    private enum GB18030Run { case valid(Range<Int>), invalid }

    /// Splits bytes into well-formed GB18030 runs (one byte 00–7F; two bytes 81–FE then 40–7E
    /// or 80–FE; four bytes 81–FE 30–39 81–FE 30–39) and the single bytes outside them.
    private static func gb18030Scan(_ line: Data.SubSequence) -> (runs: [GB18030Run], invalid: Int) {
        let bytes = [UInt8](line)
        var runs: [GB18030Run] = []
        var invalid = 0
        var runStart = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            var length = 0
            if b < 0x80 {
                length = 1
            } else if (0x81...0xFE).contains(b), i + 1 < bytes.count {
                let t = bytes[i + 1]
                if (0x40...0x7E).contains(t) || (0x80...0xFE).contains(t) {
                    length = 2
                } else if (0x30...0x39).contains(t), i + 3 < bytes.count,
                          (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) {
                    length = 4
                }
            }
            if length == 0 {
                if runStart < i { runs.append(.valid(runStart..<i)) }
                runs.append(.invalid)
                invalid += 1
                i += 1
                runStart = i
            } else {
                i += length
            }
        }
        if runStart < bytes.count { runs.append(.valid(runStart..<bytes.count)) }
        return (runs, invalid)
    }

    private static func lineList(_ lines: [Int]) -> String {
        let shown = lines.prefix(5).map(String.init).joined(separator: ", ")
        let more = lines.count > 5 ? " and \(lines.count - 5) more" : ""
        return "line\(lines.count == 1 ? "" : "s") \(shown)\(more)"
    }

    // MARK: UTF-16

    /// Decodes UTF-16, replacing lone surrogates and a dangling odd byte with U+FFFD and
    /// reporting them with the first line they occur on.
    private static func utf16(_ data: Data.SubSequence, littleEndian: Bool) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(data.count / 2)
        data.withUnsafeBytes { bytes in
            var i = 0
            while i + 1 < bytes.count {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                i += 2
            }
        }
        if units.first == 0xFEFF { units.removeFirst() }
        var lone = 0, line = 1, firstBadLine: Int?
        var k = 0
        while k < units.count {
            let u = units[k]
            if u == 0x0A { line += 1 }
            if (0xD800...0xDBFF).contains(u), k + 1 < units.count, (0xDC00...0xDFFF).contains(units[k + 1]) {
                k += 2
                continue
            }
            if (0xD800...0xDFFF).contains(u) {
                lone += 1
                if firstBadLine == nil { firstBadLine = line }
            }
            k += 1
        }
        var decoded = DecodedText(text: normalisedLineEnds(String(decoding: utf8(fromUTF16: units), as: UTF8.self)),
                                  encoding: littleEndian ? "utf-16le" : "utf-16be")
        if lone > 0 {
            decoded.repairs.append(Diagnostic(.warning, "invalid-utf16",
                "\(lone) lone surrogate\(lone == 1 ? "" : "s") in the UTF-16 text, first on line \(firstBadLine ?? 1); replaced with U+FFFD", line: firstBadLine))
        }
        if data.count % 2 == 1 {
            decoded.repairs.append(Diagnostic(.warning, "invalid-utf16",
                "the UTF-16 text has an odd number of bytes: it was cut off; the last byte was dropped", line: line))
        }
        return decoded
    }

    /// UTF-16 units as UTF-8 bytes, each lone surrogate replaced by U+FFFD as
    /// `String(decoding:as: UTF16.self)` replaces it: that generic path costs hundreds of
    /// instructions a unit, this a few.
    static func utf8(fromUTF16 units: [UInt16]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 3)
        var k = 0
        while k < units.count {
            var scalar = UInt32(units[k])
            k += 1
            if scalar & 0xF800 == 0xD800 {
                if scalar <= 0xDBFF, k < units.count, units[k] & 0xFC00 == 0xDC00 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[k]) - 0xDC00)
                    k += 1
                } else {
                    scalar = 0xFFFD
                }
            }
            switch scalar {
            case ..<0x80:
                out.append(UInt8(scalar))
            case ..<0x800:
                out.append(0xC0 | UInt8(scalar >> 6))
                out.append(0x80 | UInt8(scalar & 0x3F))
            case ..<0x10000:
                out.append(0xE0 | UInt8(scalar >> 12))
                out.append(0x80 | UInt8(scalar >> 6 & 0x3F))
                out.append(0x80 | UInt8(scalar & 0x3F))
            default:
                out.append(0xF0 | UInt8(scalar >> 18))
                out.append(0x80 | UInt8(scalar >> 12 & 0x3F))
                out.append(0x80 | UInt8(scalar >> 6 & 0x3F))
                out.append(0x80 | UInt8(scalar & 0x3F))
            }
        }
        return out
    }

    // MARK: Binary or text

    /// Text with NULs or other C0 control characters in bulk is a binary file that happened to
    /// decode; a few stray NULs in real text are removed and reported. Counted in the UTF-8
    /// bytes: a control character is one byte of its own, and every byte that does not continue
    /// a sequence starts a scalar.
    private static func checked(_ decoded: DecodedText, file: String) throws(InputError) -> DecodedText {
        var text = decoded.text
        // Most text holds neither NULs nor other controls, and then nothing below can hold: the
        // continuation bytes, which only the tests below need, are counted only when it does.
        let clean = text.withUTF8 { p in
            let marks = ByteTally(p, countingContinuations: false)
            return marks.nuls == 0 && marks.controls == 0
        }
        if clean { return decoded }
        let (total, controls, nuls, firstNUL) = text.withUTF8 { p in
            let whole = ByteTally(p)
            let total = p.count - whole.continuations
            // Controls are counted among the first 65,536 scalars only.
            let sampled = total <= 65_536 ? whole : ByteTally(UnsafeBufferPointer(rebasing: p[..<sampleEnd(p)]))
            return (total, sampled.controls, whole.nuls, whole.nuls > 0 ? p.firstIndex(of: 0, from: 0) : nil)
        }
        let sampled = min(total, 65_536)
        if let firstNUL, nuls > 3, nuls * 100 > total {
            throw InputError(.binary, file: file, line: lineOf(byteOffset: firstNUL, in: text),
                             "the file holds \(nuls) NUL bytes: it is binary, not text")
        }
        if sampled > 0 && (controls + nuls) * 10 > sampled {
            throw InputError(.binary, file: file, "the file is mostly control characters: it is binary, not text")
        }
        guard let firstNUL else { return decoded }
        let line = lineOf(byteOffset: firstNUL, in: text)
        var cleaned = decoded
        cleaned.text.unicodeScalars.removeAll { $0.value == 0 }
        cleaned.repairs.append(Diagnostic(.warning, "nul-removed",
            "\(nuls) NUL character\(nuls == 1 ? "" : "s") in the text, first on line \(line); removed", line: line))
        return cleaned
    }

    /// What the binary test counts in the bytes: UTF-8 continuation bytes (so the scalars are
    /// the rest), NULs, and the C0 controls that count against text (all but NUL, counted apart,
    /// TAB, LF, form feed and CR). Eight bytes at a time: the continuation bytes of a word are
    /// counted in one step, and only the bytes below 0x20 (a line's LF, a TAB) are looked at one
    /// by one, where a histogram of every byte cost eight instructions a byte.
    struct ByteTally {
        var continuations = 0
        var nuls = 0
        var controls = 0

        /// Without `countingContinuations`, `continuations` stays 0: a count of bits a word costs
        /// more than the rest of the look at it.
        init(_ p: UnsafeBufferPointer<UInt8>, countingContinuations: Bool = true) {
            // Inlined twice with a constant, so that each case gets a loop of its own.
            if countingContinuations {
                self.init(p, counting: true)
            } else {
                self.init(p, counting: false)
            }
        }

        @inline(__always)
        private init(_ p: UnsafeBufferPointer<UInt8>, counting: Bool) {
            let raw = UnsafeRawBufferPointer(p)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i + 8 <= p.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A continuation byte is 10xxxxxx: its high bit set and the next one clear.
                if counting { continuations += (word & ~(word << 1) & highs).nonzeroBitCount }
                // Every byte below 0x20 has its high bit marked here; a borrow may also mark a
                // byte above one that is, so each marked byte is looked at itself.
                var marked = (word &- ones &* 0x20) & ~word & highs
                while marked != 0 {
                    countControl(p[i + marked.trailingZeroBitCount / 8])
                    marked &= marked &- 1
                }
                i += 8
            }
            while i < p.count {
                if counting, p[i] & 0xC0 == 0x80 { continuations += 1 }
                countControl(p[i])
                i += 1
            }
        }

        private mutating func countControl(_ byte: UInt8) {
            if byte == 0 {
                nuls += 1
            } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0C, byte != 0x0D {
                controls += 1
            }
        }
    }

    /// The byte offset where the 65,537th scalar starts, or the end.
    private static func sampleEnd(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var scalars = 0
        for i in 0..<p.count where p[i] & 0xC0 != 0x80 {
            scalars += 1
            if scalars > 65_536 { return i }
        }
        return p.count
    }

    private static func lineOf(byteOffset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(byteOffset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// CR LF and lone CRs become LF, in the bytes: a CR is never part of another character.
    static func normalisedLineEnds(_ s: String) -> String {
        guard s.containsByte(0x0D) else { return s }
        return TextBytes.rewrite(s, from: { p, i in p[i] == 0x0D }) { p, start, out in
            var i = start
            while i < p.count {
                if p[i] == 0x0D {
                    out.append(0x0A)
                    i += i + 1 < p.count && p[i + 1] == 0x0A ? 2 : 1
                } else {
                    out.append(p[i])
                    i += 1
                }
            }
        }
    }

    /// UTF-16 without a BOM shows as a NUL in every other byte of ASCII-heavy text.
    private static func utf16WithoutBOM(_ data: Data) -> Bool? {
        let sample = data.prefix(4096)
        guard sample.count >= 4, sample.count % 2 == 0 else { return nil }
        // Counted in the contiguous bytes: stepping through a `Data` slice costs calls a byte.
        let (evenNUL, oddNUL) = sample.withUnsafeBytes { raw in
            var even = 0, odd = 0
            for (i, b) in raw.enumerated() where b == 0 {
                if i % 2 == 0 { even += 1 } else { odd += 1 }
            }
            return (even, odd)
        }
        let pairs = sample.count / 2
        if oddNUL * 3 > pairs && evenNUL * 10 < pairs { return true }
        if evenNUL * 3 > pairs && oddNUL * 10 < pairs { return false }
        return nil
    }

    private static func looksBinary(_ data: Data) -> Bool {
        let sample = data.prefix(8192)
        let controls = sample.withUnsafeBytes { raw in
            raw.reduce(0) { count, b in count + (b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C ? 1 : 0) }
        }
        return controls * 20 > sample.count
    }
}
