import Testing
@testable import SelfEval

@Suite struct WordEdgesTests {
    static let words = ["一级指标", "得分", "分值", "%", "é"]

    /// The edges are a filter: a key they turn away must be no word, start with none and end with
    /// none; a key that equals, starts or ends with a word must pass.
    @Test(arguments: ["一级指标", "一级指标(分)", "自评得分", "得分", "分值说明", "%", "95%", "é", "café", "x", "", "数量指标", "值", "😀", "二级指标"])
    func turnsAwayOnlyKeysThatFrameNoWord(key: String) {
        let edges = WordEdges(Self.words)
        let framed = Self.words.contains { key.hasPrefixBytes($0) || key.hasSuffixBytes($0) }
        let started = Self.words.contains { key.hasPrefixBytes($0) }
        if framed { #expect(edges.mayFrame(key)) }
        var copy = key
        copy.withUTF8 { k in
            if started { #expect(edges.mayStart(k)) }
            if !edges.mayFrame(k) { #expect(!framed) }
        }
    }

    @Test func emptyKeyNeverPasses() {
        #expect(!WordEdges(["a"]).mayFrame(""))
        #expect(!WordEdges([String]()).mayFrame("a"))
    }

    @Test func keyWithOtherEdgesIsTurnedAway() {
        let edges = WordEdges(["一级指标"])
        #expect(!edges.mayFrame("二级"))
        #expect(edges.mayFrame("二级指标"))
    }
}
