import Foundation

/// A strict RFC 4180 reader for the tests: CRLF record ends only, quotes only around whole
/// fields, every record as wide as the header. Anything else is a failure, so the writer cannot
/// get away with output that only a lenient reader accepts.
enum StrictCSVParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var i = 0
        var atFieldStart = true
        while i < scalars.count {
            let c = scalars[i]
            if atFieldStart && c == "\"" {
                i += 1
                while true {
                    guard i < scalars.count else { throw Failure(description: "unterminated quoted field in record \(records.count)") }
                    if scalars[i] == "\"" {
                        if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                            field.unicodeScalars.append("\"")
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    field.unicodeScalars.append(scalars[i])
                    i += 1
                }
                atFieldStart = false
                guard i == scalars.count || scalars[i] == "," || scalars[i] == "\r" else {
                    throw Failure(description: "text after a closing quote in record \(records.count)")
                }
                continue
            }
            switch c {
            case ",":
                record.append(field)
                field = ""
                atFieldStart = true
                i += 1
            case "\r":
                guard i + 1 < scalars.count, scalars[i + 1] == "\n" else { throw Failure(description: "bare CR in record \(records.count)") }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                atFieldStart = true
                i += 2
            case "\n":
                throw Failure(description: "bare LF in record \(records.count)")
            case "\"":
                throw Failure(description: "quote inside an unquoted field in record \(records.count)")
            default:
                field.unicodeScalars.append(c)
                atFieldStart = false
                i += 1
            }
        }
        guard record.isEmpty && field.isEmpty && atFieldStart else { throw Failure(description: "last record has no CRLF") }
        if let width = records.first?.count, let bad = records.firstIndex(where: { $0.count != width }) {
            throw Failure(description: "record \(bad) has \(records[bad].count) fields, the header \(width)")
        }
        return records
    }

    /// Records as dictionaries keyed by the header row.
    static func table(_ text: String) throws -> [[String: String]] {
        let records = try parse(text)
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
