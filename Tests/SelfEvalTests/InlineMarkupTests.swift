import Testing
@testable import SelfEval

/// `InlineMarkup.plainText` reads most text in the bytes; it must give what the Character walk
/// gives, including where a byte of markup shares a Character with its neighbour.
@Suite struct InlineMarkupTests {
    static let samples: [String] = [
        "plain", "a<b>粗体</b>c", "第一段<br>第二段<br/>", "<p>甲</p><p>乙</p>", "<td>a</td><td>b</td>",
        "<input type=\"checkbox\" checked>是 <input type=\"checkbox\">否", "A &amp; B &lt;1&gt; &nbsp;x",
        "&#20013;&#x6587;&unknown;&toolongentityname;", "a < b > c", "<100", "x<", "&", "&#;", "<!-- note -->文",
        "“引号”<br>—破折号—", "全角（１２３）<b>x</b>", "e\u{301}<br>", "<br>\u{301}", "&amp;\u{301}", "a<b\u{301}>c",
        "\u{600}<br>x", "x&#x600; <td>y", "a&#13;\n<br>b", "ｶﾞ<br>ｶ\u{FF9E}", "\u{302A}<br>", "<b>\u{FE0F}</b>",
        "<" + String(repeating: "长", count: 1000) + ">后", "<" + String(repeating: "a", count: 3000) + ">",
        "<td>" + String(repeating: "字", count: 700) + "</td>", "\r\n<br>",
        "<INPUT TYPE=CHECKBOX CHECKED>是", "<input type=checkbox checked/>a", "<input type=checkbox data-checked=1>b",
        "<input type=checkbox checkedchecked>c", "<input type=text checked>d", "<input type=checkbox title=\"已checked\">e",
        "<input\ttype=checkbox\tchecked=checked>f", "<BR>x<Br/>y", "</P>z<h7>w", "<br中>v",
    ]

    @Test(arguments: samples) func bytesAndCharactersAgree(_ text: String) {
        #expect(InlineMarkup.plainText(text) == InlineMarkup.plainTextByCharacter(text))
    }

    @Test(arguments: samples + ["  plain  ", "\u{3000}全角空格\u{3000}", "\n a <br> b \n", " &amp; ", "\u{A0}x\u{2028}", "", " "])
    func plainTrimmedIsPlainTextTrimmed(_ text: String) {
        #expect(InlineMarkup.plainTrimmed(text) == InlineMarkup.plainText(text).trimmed)
    }

    @Test func markupBecomesText() {
        #expect(InlineMarkup.plainText("第一段<br>第二段") == "第一段\n第二段")
        #expect(InlineMarkup.plainText("<input type=\"checkbox\" checked>是") == "☑是")
        #expect(InlineMarkup.plainText("A &amp; B&#x6587;") == "A & B文")
        #expect(InlineMarkup.plainText("<td>a</td><td>b</td>") == "a b")
    }
}
