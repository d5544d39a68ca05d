import Testing
@testable import SelfEval

/// Excel's TAB-separated records: quoted fields may hold TABs, line breaks and doubled quotes.
@Suite struct TSVRecordScannerTests {
    private func record(_ text: String, at start: Int = 0) -> TSVRecordScanner.Record {
        TSVRecordScanner(lines: text.lineSlices()).record(at: start)
    }

    @Test func plainFieldsSplitAtTabs() {
        let r = record("一\t二\t\t三")
        #expect(r.fields == ["一", "二", "", "三"])
        #expect(r.next == 1 && !r.unbalancedQuote)
    }

    @Test func quotedFieldsKeepTabsQuotesAndLineBreaks() {
        let r = record("\"指标\t名称\"\t\"他说\"\"好\"\"\"\t\"第一行\n第二行\n\"\"三\"\"\"\t尾\n下一行")
        #expect(r.fields == ["指标\t名称", "他说\"好\"", "第一行\n第二行\n\"三\"", "尾"])
        #expect(r.next == 3 && !r.unbalancedQuote)
    }

    @Test func aQuoteThatDoesNotCloseAFieldIsText() {
        let r = record("\"半\"截\t二")
        #expect(r.fields == ["\"半\"截", "二"])
        #expect(r.unbalancedQuote)
        let open = record("\"never closes\tx\ny")
        #expect(open.fields == ["\"never closes", "x"])
        #expect(open.next == 1 && open.unbalancedQuote)
    }
}
