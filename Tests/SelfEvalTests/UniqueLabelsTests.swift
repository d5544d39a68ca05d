import Testing
@testable import SelfEval

/// `FormAssembler.withUniqueLabels` finds a form's few labels by comparing them and many by a
/// dictionary: both join the same labels, canonically equal ones too, in first-seen order.
@Suite struct UniqueLabelsTests {
    static func joined(_ labels: [String]) -> [(label: String, value: String)] {
        var form = Form(kind: .projectExpenditure)
        form.info.other = labels.enumerated().map { (label: $0.element, value: "v\($0.offset)") }
        return FormAssembler.withUniqueLabels(form).info.other
    }

    /// What a dictionary keyed by the label gives, in first-seen order.
    static func byDictionary(_ labels: [String]) -> [(label: String, value: String)] {
        var result: [(label: String, value: String)] = []
        var position: [String: Int] = [:]
        for (i, label) in labels.enumerated() {
            if let p = position[label] { result[p].value += "\nv\(i)" } else {
                position[label] = result.count
                result.append((label, "v\(i)"))
            }
        }
        return result
    }

    @Test(arguments: [
        ["联系人", "电话", "联系人"], ["é", "e\u{301}", "x"], ["\u{F94F}计", "累计"], [],
        (0..<20).map { "标签\($0 % 7)" }, (0..<16).map { "项\($0 % 5)" } + ["é", "e\u{301}"],
    ])
    func repeatedLabelsAreJoinedAsByADictionary(labels: [String]) {
        let made = Self.joined(labels), expected = Self.byDictionary(labels)
        #expect(made.map(\.label) == expected.map(\.label))
        #expect(made.map(\.value) == expected.map(\.value))
    }
}
