import Foundation
import Testing
@testable import SelfEval

/// The JSON written straight from the model must be the text `JSONWriter` gives for the `json`
/// tree, and the byte helpers behind it must spell numbers and escapes as before.
@Suite struct JSONTextWriterTests {
    @Test(arguments: StreamedOutputTests.samples) func inMemoryJSONIsTheTreesText(_ name: String) throws {
        let evaluation = try Converter().convert(fileAt: TestPaths.sample(name))
        #expect(evaluation.jsonUTF8() == JSONWriter.utf8(evaluation.json))
        let lines = evaluation.formLines(file: "x/\(name)")
        for (index, form) in evaluation.forms.enumerated() {
            let tree: JSONValue = .object([("file", .string("x/\(name)")), ("formIndex", .int(index)), ("form", form.json)])
            #expect(lines[index] == JSONWriter.render(tree, pretty: false) + "\n")
        }
    }

    @Test func integersAreSpelledAsStringDoes() {
        for n in [0, 7, -7, 10, -10, 99, 100, 12_345, -987_654_321, Int.max, Int.min] {
            var out = ByteBuffer()
            JSONWriter.writeInt(n, into: &out)
            #expect(String(decoding: out.bytes, as: UTF8.self) == String(n))
        }
    }

    @Test func numbersFollowJSONValueNumber() {
        for d in [0.0, -0.0, 1.5, -2.25, 1e15, 1e14, 123_456_789.0, 0.1, .nan, .infinity, -.infinity] {
            var direct = ByteBuffer()
            JSONWriter.writeNumber(d, into: &direct)
            #expect(direct.bytes == JSONWriter.utf8(.number(d), pretty: false))
        }
        var null = ByteBuffer()
        JSONWriter.writeNumber(nil, into: &null)
        #expect(null.bytes == Array("null".utf8))
    }

    /// Escapes at every position around the eight-byte steps of the scan, among Chinese text
    /// whose punctuation shares the lead byte E2 with U+2028.
    @Test func escapesAreFoundAnywhere() {
        let specials = ["\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "“", "—"]
        for special in specials {
            for position in 0..<20 {
                let text = String(repeating: "a", count: position) + special + "指标abcdefgh"
                var out = ByteBuffer()
                JSONWriter.writeString(text, into: &out)
                #expect(String(decoding: out.bytes, as: UTF8.self) == Self.reference(text), "\(special.debugDescription) at \(position)")
            }
        }
    }

    /// A text writer's containers and scalar arrays are laid out as `JSONWriter` lays out the tree.
    @Test func layoutMatchesTheTree() {
        for pretty in [true, false] {
            var writer = JSONTextWriter(pretty: pretty, capacity: 0)
            writer.beginObject()
            writer.name("a")
            writer.ints([1, 2])
            writer.key("标签\"")
            writer.strings([nil, "x"])
            writer.name("empty")
            writer.beginArray()
            writer.endArray()
            writer.name("objects")
            writer.beginArray()
            writer.beginObject()
            writer.name("n")
            writer.number(2.5)
            writer.endObject()
            writer.beginObject()
            writer.endObject()
            writer.endArray()
            writer.endObject()
            let tree: JSONValue = .object([
                ("a", .array([.int(1), .int(2)])), ("标签\"", .array([.null, .string("x")])), ("empty", .array([])),
                ("objects", .array([.object([("n", .double(2.5))]), .object([])])),
            ])
            #expect(writer.out.bytes == Array(JSONWriter.utf8(tree, pretty: pretty).dropLast(pretty ? 1 : 0)))
        }
    }

    /// The members written in one piece (a name with its string, integer or number) and the rows
    /// written with `strings(count:)` read as the tree's text, with escapes, nulls and fractions.
    @Test func membersAndRowsInOnePieceMatchTheTree() {
        let texts: [String?] = ["plain", nil, "引号\"", "", "制表\t符", "长一些的文本，超过八个字节", "\u{2028}"]
        for pretty in [true, false] {
            var writer = JSONTextWriter(pretty: pretty, capacity: 0)
            writer.beginArray()
            writer.beginObject()
            for (i, text) in texts.enumerated() {
                writer.name("t")
                writer.string(text)
                writer.member("s", text)
                writer.member("i", i == 1 ? nil : Int.min + i)
                writer.member("n", number: i == 1 ? nil : Double(i) / 4)
            }
            writer.name("rows")
            writer.beginArray()
            writer.strings(count: texts.count) { texts[$0] }
            writer.strings(count: 0) { _ in nil }
            writer.endArray()
            writer.endObject()
            writer.endArray()
            var members: [(String, JSONValue)] = []
            for (i, text) in texts.enumerated() {
                members += [("t", .string(text)), ("s", .string(text)), ("i", i == 1 ? .null : .int(Int.min + i)),
                            ("n", .number(i == 1 ? nil : Double(i) / 4))]
            }
            members.append(("rows", .array([.array(texts.map { .string($0) }), .array([])])))
            let tree: JSONValue = .array([.object(members)])
            #expect(writer.out.bytes == Array(JSONWriter.utf8(tree, pretty: pretty).dropLast(pretty ? 1 : 0)))
        }
    }

    /// Texts of every length up to 40 bytes with a byte to escape at each place or none: the
    /// scan's eight-byte steps, its last overlapping word and its byte-by-byte tail.
    @Test func escapesAreFoundAtEveryLength() {
        for length in 0...40 {
            let plain = String(repeating: "a", count: length)
            for special in ["", "\"", "\u{1F}", "\u{2029}"] {
                for position in 0...length {
                    let text = String(plain.prefix(position)) + special + String(plain.dropFirst(position))
                    var out = ByteBuffer()
                    JSONWriter.writeString(text, into: &out)
                    #expect(String(decoding: out.bytes, as: UTF8.self) == Self.reference(text))
                }
            }
        }
    }

    /// The escaping rules spelled out one scalar at a time.
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
