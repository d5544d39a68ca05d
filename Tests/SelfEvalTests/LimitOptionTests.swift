import Foundation
import Testing
import SelfEval

/// One case per `ReadLimit`: an input that goes past the limit as set on the command line
/// (an error, or a diagnostic for the limits that cut instead of refusing), and the same input
/// passing once the option raises the limit. The message names the limit's value, the file,
/// the place and the option.
struct LimitCase: CustomTestStringConvertible, Sendable {
    enum Effect: Sendable {
        /// The file fails with this text in its message.
        case error(String)
        /// The file converts with a diagnostic of this code whose message holds the option.
        case diagnostic(String)
    }

    var limit: ReadLimit
    var fileName: String
    var contents: @Sendable () throws -> Data
    /// The option's value that the file exceeds (nil: the default) and one that lets it pass.
    var exceeded: String?
    var raised: String
    var effect: Effect

    var testDescription: String { limit.option }

    private typealias B = DOCXBuilder

    static let all: [LimitCase] = [
        LimitCase(limit: .inputBytes, fileName: "big.txt", contents: { Data(String(repeating: "项目\t经费\n", count: 200).utf8) },
                  exceeded: "1K", raised: "8K", effect: .error("is 2800 bytes, over the limit of 1024")),
        LimitCase(limit: .entryBytes, fileName: "entry.docx", contents: { try B.package(body: B.p(String(repeating: "经费", count: 2000))) },
                  exceeded: "4K", raised: "64K", effect: .error("over the limit of 4096")),
        LimitCase(limit: .archiveBytes, fileName: "archive.docx", contents: { try B.package(body: B.p(String(repeating: "经费", count: 2000))) },
                  exceeded: "4K", raised: "64K", effect: .error("4096")),
        LimitCase(limit: .xmlDepth, fileName: "deep.docx",
                  contents: { try B.package(body: "<w:p>" + String(repeating: "<w:r>", count: 300) + String(repeating: "</w:r>", count: 300) + "</w:p>") },
                  exceeded: nil, raised: "400", effect: .error("nested deeper than 256 levels, over the limit of 256")),
        LimitCase(limit: .xmlElements, fileName: "elements.docx", contents: { try B.package(body: String(repeating: B.p("x"), count: 40)) },
                  exceeded: "100", raised: "1000", effect: .error("more than 100 XML elements, over the limit of 100")),
        LimitCase(limit: .tableSlots, fileName: "slots.txt", contents: { Data(String(repeating: "a\tb\tc\td\te\n", count: 20).utf8) },
                  exceeded: "50", raised: "100", effect: .error("slots (rows × columns) at row 11, column 1, over the limit of 50")),
        LimitCase(limit: .span, fileName: "span.html", contents: { Data("<table><tr><td colspan=\"40\">项目</td></tr><tr><td>a</td></tr></table>".utf8) },
                  exceeded: "10", raised: "40", effect: .diagnostic("span-clamped")),
        LimitCase(limit: .cellText, fileName: "text.txt", contents: { Data(("项目\t" + String(repeating: "经费", count: 100) + "\nb\tc\n").utf8) },
                  exceeded: "100", raised: "1000", effect: .diagnostic("text-truncated")),
        LimitCase(limit: .tables, fileName: "tables.md", contents: { Data(String(repeating: "| a | b |\n|---|---|\n| 1 | 2 |\n\n", count: 3).utf8) },
                  exceeded: "2", raised: "3", effect: .error("more than 2 tables, over the limit of 2")),
        LimitCase(limit: .tableNesting, fileName: "nested.docx",
                  contents: { try B.package(body: String(repeating: "<w:tbl><w:tr><w:tc>", count: 3) + "<w:p/>" + String(repeating: "</w:tc></w:tr></w:tbl>", count: 3)) },
                  exceeded: "2", raised: "3", effect: .error("tables nested more than 2 deep, over the limit of 2")),
    ]
}

@Suite(.enabled(if: ChildProcess.available, "build the selfeval executable first (swift build)"))
struct LimitOptionTests {
    @Test func everyLimitHasACase() {
        #expect(Set(LimitCase.all.map(\.limit)) == Set(ReadLimit.allCases))
    }

    @Test(arguments: LimitCase.all)
    func exceededThenRaised(_ limitCase: LimitCase) throws {
        let folder = try TemporaryDirectory()
        let path = folder.path(limitCase.fileName)
        try limitCase.contents().write(to: URL(fileURLWithPath: path))
        let tighter = limitCase.exceeded.map { [limitCase.limit.option, $0] } ?? []
        let raised = [limitCase.limit.option, limitCase.raised]

        for command in ["convert", "check", "inspect"] {
            let quiet = command == "inspect" ? [] : ["--quiet"]
            let over = try ChildProcess([command] + quiet + tighter + [path])
            let passed = try ChildProcess([command] + quiet + raised + [path])
            switch limitCase.effect {
            case .error(let text):
                #expect(over.ending == .exited(1), "\(command): \(over.ending)")
                let message = over.stderr.split(separator: "\n").first { $0.contains(": error: ") } ?? ""
                #expect(message.hasPrefix(path), "\(command) names the file: \(message)")
                #expect(message.contains(text), "\(command): \(message)")
                #expect(message.contains("(raise it with \(limitCase.limit.option))"), "\(command): \(message)")
                #expect(!passed.stderr.contains(": error: "), "\(command) with \(raised): \(passed.stderr)")
                if command == "convert" { #expect(passed.ending == .exited(0), "\(passed.stderr)") }
            case .diagnostic(let code):
                #expect(!over.stderr.contains(": error: "), "\(command): \(over.stderr)")
                guard command == "convert" else { continue }
                #expect(over.ending == .exited(0))
                #expect(passed.ending == .exited(0))
                let before = try diagnostics(over.stdout).filter { $0.code == code }
                #expect(before.contains { $0.message.contains("over the limit of \(limitCase.exceeded ?? "")") && $0.message.contains(limitCase.limit.option) },
                        "\(before)")
                #expect(before.allSatisfy { $0.place }, "a diagnostic without its place: \(before)")
                #expect(try diagnostics(passed.stdout).filter { $0.code == code }.isEmpty)
            }
        }
    }

    /// HTML nesting past `--max-xml-depth` is cut with a diagnostic that names the option (the
    /// DOCX case above is an error: a Word part that deep is not a form).
    @Test func anHTMLDepthOverTheLimitIsReportedWithItsOption() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("deep.html")
        let html = "<table><tr><td>" + String(repeating: "<div>", count: 40) + "深" + String(repeating: "</div>", count: 40) + "</td></tr></table>"
        try Data(html.utf8).write(to: URL(fileURLWithPath: path))
        let over = try ChildProcess(["convert", "--quiet", "--max-xml-depth", "20", path])
        let deep = try diagnostics(over.stdout).filter { $0.code == "html-too-deep" }
        #expect(deep.contains { $0.message.contains("over the limit of 20 (raise it with --max-xml-depth)") })
        let passed = try ChildProcess(["convert", "--quiet", "--max-xml-depth", "100", path])
        #expect(try diagnostics(passed.stdout).allSatisfy { $0.code != "html-too-deep" })
    }

    private func diagnostics(_ json: Data) throws -> [(code: String, message: String, place: Bool)] {
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        return (object["diagnostics"] as? [[String: Any]] ?? []).map {
            ($0["code"] as? String ?? "", $0["message"] as? String ?? "", $0["line"] != nil || $0["row"] != nil || $0["table"] != nil)
        }
    }
}
