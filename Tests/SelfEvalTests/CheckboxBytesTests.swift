import Testing
@testable import SelfEval

/// `CheckboxOptions` takes a plain numbering (`1、`, `2.`, `10）`) off and tells most boxes in
/// the bytes: it must find and leave what cutting the text into Characters did.
@Suite struct CheckboxBytesTests {
    /// The label as the Characters alone made it.
    static func byCharacters(_ s: Substring) -> String? {
        var t = Substring(s.trimmed)
        if t.first == "（" || t.first == "(" {
            let inner = t.dropFirst().prefix { $0.isNumber }
            if !inner.isEmpty, let close = t.dropFirst(1 + inner.count).first, close == "）" || close == ")" {
                t = t.dropFirst(2 + inner.count)
            }
        } else {
            let digits = t.prefix { $0.isNumber }
            if !digits.isEmpty, let sep = t.dropFirst(digits.count).first, "、.．)）".contains(sep) {
                t = t.dropFirst(digits.count + 1)
            }
        }
        let label = LabelText.compact(String(t)).trimmed
        return label.isEmpty ? nil : label
    }

    /// `CheckboxOptions.textAfterLastBox` as the Characters alone found the last box.
    static func tailByCharacters(_ text: String) -> String? {
        let flat = text.trimmed
        guard let first = flat.first, !CheckboxOptions.isBox(first),
              let last = flat.indices.last(where: { CheckboxOptions.isBox(flat[$0]) }) else { return nil }
        let tail = LabelText.compact(String(flat[flat.index(after: last)...]))
        return tail.isEmpty ? nil : tail
    }

    @Test(arguments: [
        "1、部门预算项目", " 2.省专项 ", "3．其他", "4)a", "10）十", "12", "1、", "1、\u{301}x", "1.\u{FE0F}", "1、😀", "1、é",
        "1、\n下一行", "1①、x", "１、全角", "（3）项目", "(4)x", "一、中文数字", "x1、y", "1 、z", "1、、", "1.5万元", "",
    ])
    func plainNumberingComesOffAsTheCharactersTookIt(text: String) {
        #expect(CheckboxOptions.cleaned(Substring(text)) == Self.byCharacters(Substring(text)))
    }

    /// A box counts where a Character is the box alone, told by its neighbours' bytes where
    /// they are plain: the same boxes as comparing every Character.
    @Test func boxesAreTheCharactersThatAreBoxes() {
        let pieces = ["☑", "☐", "a", " ", "项", "、", "\r\n", "\u{200D}", "\u{FE0F}", "\u{301}", "\u{0600}", "😀", "\u{4DC0}"]
        var generator = SplitMix64(seed: 13)
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...6, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let boxes = text.filter { $0 == "☑" || $0 == "☐" }.map { $0 == "☑" }
            #expect(CheckboxOptions.containsBox(text) == !boxes.isEmpty, "\(text.debugDescription)")
            #expect(CheckboxOptions.textAfterLastBox("选项" + text) == Self.tailByCharacters("选项" + text), "\(text.debugDescription)")
        }
    }

    @Test func generatedLabelsComeOutAsTheCharactersMadeThem() {
        let pieces = ["1", "2", "0", "、", ".", "．", ")", "）", "(", "（", " ", "\n", "a", "项", "目", "\u{301}", "\u{FE0F}", "①", "一", "é"]
        var generator = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...7, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(CheckboxOptions.cleaned(Substring(text)) == Self.byCharacters(Substring(text)), "\(text.debugDescription)")
        }
    }
}
