import CLibXML2
import Foundation
import Testing
@testable import SelfEval

/// The tree built from libxml2's HTML SAX callbacks must be the tree libxml2's own builder makes
/// from the same parse (`htmlReadMemory`): the same nodes in the same places, text runs, lines
/// and the attributes the walker reads, for well-formed and broken HTML alike.
@Suite struct HTMLNodeTreeTests {
    /// One line per node, in tree order: depth, kind, tag, line and text or attributes.
    private static func dump(ours html: String) -> [String] {
        HTMLTreeBuilder.parse(html).map(dump(tree:)) ?? ["nil"]
    }

    private static func dump(tree: HTMLNodeTree) -> [String] {
        var lines: [String] = []
        func visit(_ node: Int32, depth: Int) {
            for child in tree.children(of: node) {
                let n = tree[child]
                var line = "\(depth) \(n.kind) \(n.tag)"
                if n.kind != .doctype { line += " @\(tree.line(of: child))" }
                switch n.kind {
                case .text, .cdata: line += " [\(tree.string(of: child))]"
                case .element:
                    for name in [HTMLNodeTree.AttributeName.rowspan, .colspan, .type, .checked] {
                        if let value = tree.attribute(name, of: child), n.tag == .td || n.tag == .th || n.tag == .input {
                            line += " \(name)=\(name == .checked ? "" : value)"
                        }
                    }
                default: break
                }
                lines.append(line)
                visit(child, depth: depth + 1)
            }
        }
        visit(HTMLNodeTree.root, depth: 0)
        return lines
    }

    private static func dump(libxml2 html: String) -> [String] {
        let options = Int32(bitPattern: HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return ["0 doctype other"] }
        guard let doc = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "", "UTF-8", options) }
        }) else { return ["nil"] }
        defer { xmlFreeDoc(doc) }
        var lines: [String] = []
        func visit(_ first: xmlNodePtr?, depth: Int) {
            var node = first
            while let n = node {
                let name = n.pointee.name.map { String(cString: $0) } ?? ""
                let kind: String
                switch n.pointee.type {
                case XML_ELEMENT_NODE: kind = "element"
                case XML_TEXT_NODE: kind = "text"
                case XML_CDATA_SECTION_NODE: kind = "cdata"
                case XML_COMMENT_NODE: kind = "comment"
                case XML_PI_NODE: kind = "instruction"
                case XML_DTD_NODE: kind = "doctype"
                default: kind = "type\(n.pointee.type.rawValue)"
                }
                let tag = n.pointee.type == XML_ELEMENT_NODE ? HTMLTag(name: name) : .other
                var line = "\(depth) \(kind) \(tag)"
                if n.pointee.type != XML_DTD_NODE { line += " @\(max(1, Int(xmlGetLineNo(n))))" }
                if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE {
                    line += " [\(n.pointee.content.map { String(cString: $0) } ?? "")]"
                }
                if n.pointee.type == XML_ELEMENT_NODE, tag == .td || tag == .th || tag == .input {
                    for wanted in ["rowspan", "colspan", "type", "checked"] {
                        var attr = n.pointee.properties
                        while let a = attr {
                            if String(cString: a.pointee.name) == wanted {
                                var value = ""
                                var child = a.pointee.children
                                while let t = child { value += t.pointee.content.map { String(cString: $0) } ?? ""; child = t.pointee.next }
                                line += " \(wanted)=\(wanted == "checked" ? "" : value)"
                                break
                            }
                            attr = a.pointee.next
                        }
                    }
                }
                lines.append(line)
                if n.pointee.type == XML_ELEMENT_NODE { visit(n.pointee.children, depth: depth + 1) }
                node = n.pointee.next
            }
        }
        visit(doc.pointee.children, depth: 0)
        return lines
    }

    private static let cases: [String] = [
        "<table><tr><td rowspan=2 colspan='3x'>a &amp; b<br>c</td><td>d</table>",
        "<html><body><table><tr><td>一</td><td>二</td></tr></table></body></html>",
        "x <!-- c -->\n<table><tr><td rowspan=2 checked>a &amp; b\n<!--k--> c</td><td\n\"x\">y</td></tr></table></body></html>tail<p>q",
        "<!DOCTYPE html><table><tr><td>a</td></tr></table></html><p>after</p><!-- z -->more",
        "<!-- first --><table><tr><td>a</td></tr></table></html><span>s</span>",
        "<table><tr><td>a<table><tr><td>b</td></tr></table>c</td></tr></table>",
        "<table><tr><td><input type=Checkbox checked><input type=checkbox>x</td></tr></table>",
        "<table><tr><td>a</td><td", "<table><tr><td foo=\"bar>baz</td></tr></table>",
        "<table><caption>标题</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
        "<table><tr><td><script>var a = '<td>'; </script>x<style>p{}</style></td></tr></table>",
        "<table> text <tr> more <td>cell</td> tail </tr></table>",
        "<p>one<p>two<div>three</div><h2>head</h2><ul><li>a<li>b</ul>",
        "<?php echo 1 ?><table><tr><td>&nbsp;&lt;&#x4e00;&unknown;&#0;</td></tr></table>",
        "<head><title>t</title></head>  <body> <table>\n\n<tr>\n<td>\n\n</td></tr></table>",
        "<html><html lang=x><body><body><table><tr><td>a</td></tr></table>",
        "<table><tr><td>a</td></tr></table></body></html>\n\n\n  ",
        "<table><td>loose</td><td>cells</td><tr><td>row</td></tr></table>",
        "<TABLE><TR><TD ROWSPAN=\"2\">upper</TD></TR></TABLE>",
        "<table><tr><td>x</td></tr><table><tr><td>inner</td></tr></table></table>",
        "<td>no table</td><tr>no row</tr>",
        "<table><tr><td><![CDATA[x]]></td></tr></table>",
        "\u{FEFF}<table><tr><td>bom</td></tr></table>",
        "</td></tr></table><table><tr><td>a</td></tr>",
        "<table><tr><td>a\0b</td></tr></table>",
        "<table><tr><td>a</td></tr></table><frameset><frame></frameset><noscript>n</noscript>",
    ]

    @Test(arguments: cases) func matchesLibxml2sOwnTree(_ html: String) {
        #expect(Self.dump(ours: html) == Self.dump(libxml2: html))
    }

    @Test func matchesLibxml2sOwnTreeOnTagSoup() {
        var generator = SplitMix64(seed: 20_261_129)
        let pieces = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th rowspan=2>", "<td colspan=\"x\">", "<br>",
                      "<p>", "</p>", "<div>", "</div>", "<html>", "</html>", "<body>", "</body>", "<head>", "<title>",
                      "<!-- c -->", "<!DOCTYPE html>", "<script>a<b</script>", "<span>", "</span>", "<h3>", "</h3>",
                      "<input type=checkbox checked>", "text", " ", "\n", "&amp;", "&bogus;", "文字", "<td", "<tr x=\"",
                      "<caption>", "<tbody>", "<li>", "<?pi?>", "<b>", "</b>", "<col>", "<colgroup>", "</", "<"]
        // Every fifth case crosses line 65535 somewhere, where libxml2 looks at neighbours for a line.
        let padding = String(repeating: "\n", count: 65_532)
        for round in 0..<400 {
            let count = Int.random(in: 1...40, using: &generator)
            var pieces = (0..<count).map { _ in pieces.randomElement(using: &generator)! }
            if round % 5 == 0 { pieces.insert(padding, at: Int.random(in: 0...count, using: &generator)) }
            let html = pieces.joined()
            #expect(Self.dump(ours: html) == Self.dump(libxml2: html), "\(html.replacingOccurrences(of: padding, with: "[padding]"))")
        }
    }

    @Test func linesPastLibxml2sLastCountedLineMatch() {
        let padding = String(repeating: "\n", count: 65_530)
        let html = "<table><tr><td>a</td></tr>" + padding + "<tr><td>b</td><td>c\n\n\n\n\n\nd</td></tr>\n\n\n\n\n\n\n<tr><td>e</td></tr>\n\n\n\n\n<!--x-->\n\n<tr><td>f</td></tr></table>\n\n<p>g</p>"
        #expect(Self.dump(ours: html) == Self.dump(libxml2: html))
    }

    /// The blocks MinerU and PaddleOCR write, and ones a byte away from them: what the scanner
    /// takes it must read as libxml2 does.
    @Test func simpleTablesMatchLibxml2sTree() {
        var generator = SplitMix64(seed: 17)
        let text = ["文字", "a b", " ", "\t", "&lt;", "&gt;", "&amp;", "&quot;", "&nbsp;", "85.8%", "<br>", "'", ">"]
        let odd = ["\n", "&apos;", "&lt", "<p>", "<td>", "</tr>", "<br/>", "<TD>", " rowspan=\"2\"", "\u{FFFE}", "\u{01}", "<!-- c -->", "&#60;", " "]
        var accepted = 0
        for round in 0..<600 {
            var html = "<html><body>"
            for _ in 0..<Int.random(in: 1...2, using: &generator) {
                html += "<table>"
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    html += "<tr>"
                    for _ in 0..<Int.random(in: 0...4, using: &generator) {
                        let th = Bool.random(using: &generator)
                        html += th ? "<th" : "<td"
                        if Int.random(in: 0..<4, using: &generator) == 0 { html += " rowspan=\"\(Int.random(in: 0...12, using: &generator))\"" }
                        if Int.random(in: 0..<4, using: &generator) == 0 { html += " colspan=\"\(Int.random(in: 0...12, using: &generator))\"" }
                        html += ">"
                        for _ in 0..<Int.random(in: 0...4, using: &generator) { html += text.randomElement(using: &generator)! }
                        html += th ? "</th>" : "</td>"
                    }
                    html += "</tr>"
                }
                html += "</table>"
            }
            html += "</body></html>"
            if round % 2 == 1 {
                var bytes = Array(html.utf8)
                let piece = Array(odd.randomElement(using: &generator)!.utf8)
                bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &generator))
                html = String(decoding: bytes, as: UTF8.self)
            }
            guard let tree = HTMLSimpleTables.tree(html) else {
                #expect(round % 2 == 1, "declined: \(html)")
                continue
            }
            accepted += 1
            #expect(Self.dump(tree: tree) == Self.dump(libxml2: html), "\(html)")
        }
        #expect(accepted > 300)
    }

    @Test func everyTagIsFoundByItsName() {
        for tag in HTMLTag.allCases where tag != .other {
            #expect(HTMLTag(name: "\(tag)") == tag)
        }
        #expect(HTMLTag(name: "tbody") == .other)
        #expect(HTMLTag(name: "TD") == .other)
    }

    @Test func elementsPastLibxml2sDepthLimitAreDropped() {
        let html = String(repeating: "<div>", count: 300) + "deep" + String(repeating: "</div>", count: 300) + "<table><tr><td>x</td></tr></table>"
        #expect(Self.dump(ours: html) == Self.dump(libxml2: html))
    }
}
