import Foundation

/// Reads any supported input into a `SourceDocument`, choosing the reader by what the bytes
/// hold (a zip is DOCX; TAB-led lines are the cells export; pipe or HTML tables are Markdown;
/// TAB-separated rows are TSV), not by the file name alone.
public struct DocumentReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .standard) {
        self.limits = limits
    }

    public func read(fileAt path: String, format: SourceFormat? = nil) throws(InputError) -> SourceDocument {
        // Foundation's attributes and reading cost more than the read of a small form itself
        // (a dictionary of every attribute, a URL, owner names); `lstat`, `open` and `read` do
        // what is needed. Wherever they fail, Foundation's way runs as before, so that every
        // error says what it said.
        var status = stat()
        guard lstat(path, &status) == 0 else { return try readThroughFoundation(path, format: format) }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw InputError(.unreadable, file: path, "is a directory")
        }
        let size = Int(status.st_size)
        if size > limits.maxInputBytes {
            throw InputError(.tooLarge, file: path, limits.exceeded(.inputBytes, "is \(size) bytes"))
        }
        guard size > 0, var data = try contents(ofRegularFileAt: path) else {
            return try readThroughFoundation(path, format: format)
        }
        return try read(taking: &data, path: path, format: format)
    }

    /// The bytes of the regular file at `path`, read whole; nil where it is not a regular file
    /// or anything fails, for Foundation to read it or say why. The size is checked again on
    /// the open file: a symbolic link's own size said nothing about what it points to.
    private func contents(ofRegularFileAt path: String) throws(InputError) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if size > limits.maxInputBytes {
            throw InputError(.tooLarge, file: path, limits.exceeded(.inputBytes, "is \(size) bytes"))
        }
        var data = Data(count: size)
        let filled = data.withUnsafeMutableBytes { raw -> Int? in
            guard let base = raw.baseAddress else { return 0 }
            var filled = 0
            while filled < size {
                let n = Foundation.read(descriptor, base + filled, size - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if n == 0 { break }
                filled += n
            }
            return filled
        }
        guard let filled else { return nil }
        if filled < size { data.count = filled }
        return data
    }

    /// Reads the file through Foundation, whose errors name the cause.
    private func readThroughFoundation(_ path: String, format: SourceFormat?) throws(InputError) -> SourceDocument {
        let url = URL(fileURLWithPath: path)
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
                throw InputError(.unreadable, file: path, "is a directory")
            }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.unreadable, file: path, "cannot be read: \(Self.reason(error))")
        }
        if size > limits.maxInputBytes {
            throw InputError(.tooLarge, file: path, limits.exceeded(.inputBytes, "is \(size) bytes"))
        }
        var data: Data
        do {
            // An empty file is not read with Data(contentsOf:), which leaks a 4 KB buffer for it
            // in this toolchain's FoundationEssentials; a handle also reads what reports size 0.
            if size == 0 {
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                data = try handle.readToEnd() ?? Data()
            } else {
                data = try Data(contentsOf: url)
            }
        } catch {
            throw InputError(.unreadable, file: path, "cannot be read: \(Self.reason(error))")
        }
        return try read(taking: &data, path: path, format: format)
    }

    public func read(data: Data, path: String, format: SourceFormat? = nil) throws(InputError) -> SourceDocument {
        var data = data
        return try read(taking: &data, path: path, format: format)
    }

    /// Reads `data` and empties it once the text is decoded, so that a file read here is not
    /// held twice (as bytes and as text) while its tables are built.
    private func read(taking data: inout Data, path: String, format: SourceFormat?) throws(InputError) -> SourceDocument {
        if data.count > limits.maxInputBytes {
            throw InputError(.tooLarge, file: path, limits.exceeded(.inputBytes, "is \(data.count) bytes"))
        }
        let sha = SHA256.hex(data)
        if format == .docx || (format == nil && data.starts(with: [0x50, 0x4B, 0x03, 0x04])) {
            let source = SourceInfo(path: path, format: .docx, encoding: nil, bytes: data.count, sha256: sha)
            return try DOCXReader(limits: limits).read(data, source: source)
        }
        if format == nil && data.starts(with: [0x50, 0x4B]) {
            throw InputError(.corruptZip, file: path, "looks like a zip archive but its first entry header is damaged")
        }
        let decoded = try DecodedText.decode(data, file: path)
        let bytes = data.count
        data = Data()
        let chosen = format ?? Self.sniff(decoded.text, path: path)
        let source = SourceInfo(path: path, format: chosen, encoding: decoded.encoding, bytes: bytes, sha256: sha)
        var document: SourceDocument
        switch chosen {
        case .cells: document = try CellsReader(limits: limits).read(decoded.text, source: source)
        case .tsv: document = try TSVReader(limits: limits).read(decoded.text, source: source)
        case .markdown, .html: document = try MarkdownReader(limits: limits).read(decoded.text, source: source)
        case .docx: throw InputError(.notZip, file: path, "is not a zip archive, so it cannot be DOCX")
        }
        document.diagnostics.insert(contentsOf: decoded.repairs, at: 0)
        if document.tables.isEmpty {
            document.diagnostics.append(Diagnostic(.warning, "no-table", "no table was found in the file"))
        }
        return document
    }

    /// Decides the text format from the content: the shape of the lines decides, and the file
    /// extension only breaks a tie.
    public static func sniff(_ text: String, path: String = "") -> SourceFormat {
        var tabLed = 0, tabSeparated = 0, pipeRows = 0, alignmentRows = 0, headings = 0
        var htmlTables = false, htmlDocument = false
        var seen = 0
        var htmlClosedAt: Int?
        let lowercasedPath = path.lowercased()
        let namedHTML = lowercasedPath.hasSuffix(".html") || lowercasedPath.hasSuffix(".htm")
        let tab = UInt8(ascii: "\t"), lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), pipe = UInt8(ascii: "|")
        // Lines, TABs, pipes and `<` are found in the bytes rather than by cutting the text into
        // Characters or Substrings: each is a Character of its own.
        var bytes = text
        bytes.withUTF8 { all in
            var start = 0
            while start < all.count {
                let lineEnd = all.firstIndex(of: UInt8(ascii: "\n"), from: start) ?? all.count
                defer { start = lineEnd + 1 }
                // The start of a line tells its kind; a megabyte-long OCR line need not be read to the end.
                var end = lineEnd
                if end - start > 65_536 {
                    end = start + 16_384
                    while end > start, all[end] & 0xC0 == 0x80 { end -= 1 }
                }
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                let t = UnsafeBufferPointer(rebasing: line[TextBytes.trimmedRange(line)])
                guard let first = t.first, let last = t.last else { continue }
                seen += 1
                if seen > 20_000 { break }
                // A line that is one tag, indented with TABs, is HTML layout, not a cell.
                let indentedTag = first == lt && last == gt && !t.containsByte(tab)
                if !indentedTag, line.first == tab {
                    if line.dropFirst().containsByte(tab) { tabSeparated += 1 } else { tabLed += 1 }
                } else if !indentedTag, line.containsByte(tab) {
                    tabSeparated += 1
                }
                if seen == 1, namedHTML, first == lt { htmlDocument = true }
                if first == pipe || last == pipe {
                    pipeRows += 1
                    if t.allSatisfy({ $0 == pipe || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == tab }),
                       t.containsByte(UInt8(ascii: "-")) { alignmentRows += 1 }
                }
                if first == UInt8(ascii: "#") { headings += 1 }
                if !htmlTables, line.containsByte(lt), HTMLTableBlock.opens(bytes: line) { htmlTables = true }
                guard seen == 1 || (htmlDocument && htmlClosedAt == nil) else { continue }
                let trimmed = String(decoding: t, as: UTF8.self)
                if seen == 1 {
                    let lowercased = trimmed.lowercased()
                    if lowercased.hasPrefix("<!doctype html") || lowercased.hasPrefix("<html") { htmlDocument = true }
                }
                if htmlDocument, htmlClosedAt == nil, trimmed.range(of: "</html>", options: .caseInsensitive) != nil { htmlClosedAt = seen }
            }
        }
        // MinerU writes `<html><body><table>…</html>` as one line of a Markdown file: text after
        // the closing tag means the HTML was a block inside Markdown.
        if let closed = htmlClosedAt, seen > closed { htmlDocument = false }
        if htmlDocument && tabLed == 0 && tabSeparated == 0 && headings == 0 { return .html }
        if tabLed > tabSeparated && tabLed >= 2 { return .cells }
        if htmlTables || alignmentRows > 0 { return .markdown }
        if tabSeparated > 0 { return .tsv }
        if namedHTML { return .html }
        if headings > 0 || pipeRows > 0 || lowercasedPath.hasSuffix(".md") { return .markdown }
        return .tsv
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, let posix = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(posix.rawValue))
        }
        return ns.localizedDescription
    }
}
