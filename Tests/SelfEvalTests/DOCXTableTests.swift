import Testing
@testable import SelfEval

/// How `w:tbl` markup becomes a grid with real spans.
@Suite struct DOCXTableTests {
    typealias B = DOCXBuilder

    private func table(_ body: String, _ index: Int = 0) throws -> (SourceDocument, TableGrid) {
        let document = try B.read(body: body)
        return (document, document.tables[index])
    }

    @Test func gridSpanIsAColumnSpan() throws {
        let (_, grid) = try table(B.tbl(columns: 3,
            B.tr(B.tc("wide", "<w:gridSpan w:val=\"2\"/>"), B.tc("c")),
            B.tr(B.tc("1"), B.tc("2"), B.tc("3"))))
        #expect(grid.textGrid == [["wide", nil, "c"], ["1", "2", "3"]])
        #expect(grid.spans == [[0, 0, 1, 2]])
    }

    @Test func vMergeRestartContinueAndBareContinue() throws {
        let (_, grid) = try table(B.tbl(columns: 2,
            B.tr(B.tc("tall", "<w:vMerge w:val=\"restart\"/>"), B.tc("a")),
            B.tr(B.tc("", "<w:vMerge w:val=\"continue\"/>"), B.tc("b")),
            B.tr(B.tc("", "<w:vMerge/>"), B.tc("c")),
            B.tr(B.tc("d"), B.tc("e"))))
        #expect(grid.textGrid == [["tall", "a"], [nil, "b"], [nil, "c"], ["d", "e"]])
        #expect(grid.spans == [[0, 0, 3, 1]])
    }

    @Test func vMergeContinuesOnlyTheMergeInTheSameGridColumn() throws {
        // Row 1's second cell continues a merge, but the cell above it in grid column 2 opened
        // none (the open merge is in column 1, closed by row 1's plain first cell).
        let (document, grid) = try table(B.tbl(columns: 2,
            B.tr(B.tc("A", "<w:vMerge w:val=\"restart\"/>"), B.tc("B")),
            B.tr(B.tc("C"), B.tc("D", "<w:vMerge/>")),
            B.tr(B.tc("E"), B.tc("", "<w:vMerge/>"))))
        #expect(grid.textGrid == [["A", "B"], ["C", "D"], ["E", nil]])
        #expect(grid.spans == [[1, 1, 2, 1]])
        #expect(document.diagnostics.contains { $0.code == "vmerge-orphan" && $0.row == 1 && $0.column == 1 })
    }

    @Test func vMergeAfterGridSpanUsesGridColumns() throws {
        let (_, grid) = try table(B.tbl(columns: 3,
            B.tr(B.tc("ab", "<w:gridSpan w:val=\"2\"/>"), B.tc("tall", "<w:vMerge w:val=\"restart\"/>")),
            B.tr(B.tc("a"), B.tc("b"), B.tc("", "<w:vMerge/>"))))
        #expect(grid.textGrid == [["ab", nil, "tall"], ["a", "b", nil]])
        #expect(grid.spans == [[0, 0, 1, 2], [0, 2, 2, 1]])
    }

    @Test func legacyHMergeJoinsCellsOfARow() throws {
        let (_, grid) = try table(B.tbl(columns: 3,
            B.tr(B.tc("joined", "<w:hMerge w:val=\"restart\"/>"), B.tc("", "<w:hMerge/>"), B.tc("c")),
            B.tr(B.tc("1"), B.tc("2"), B.tc("3"))))
        #expect(grid.textGrid == [["joined", nil, "c"], ["1", "2", "3"]])
        #expect(grid.spans == [[0, 0, 1, 2]])
    }

    @Test func gridBeforeAndGridAfterShiftCells() throws {
        let (_, grid) = try table(B.tbl(columns: 4,
            B.tr(B.tc("a"), B.tc("b"), B.tc("c"), B.tc("d")),
            B.tr(B.tc("late"), B.tc("x"), props: "<w:gridBefore w:val=\"2\"/>"),
            B.tr(B.tc("early"), props: "<w:gridAfter w:val=\"3\"/>")))
        #expect(grid.textGrid == [["a", "b", "c", "d"], ["", "", "late", "x"], ["early", "", "", ""]])
    }

    @Test func gridAfterKeepsTheTableAsWideAsItsGrid() throws {
        let (_, grid) = try table(B.tbl(columns: 3,
            B.tr(B.tc("a"), props: "<w:gridAfter w:val=\"2\"/>"),
            B.tr(B.tc("b"), B.tc("c"), props: "<w:gridAfter w:val=\"1\"/>")))
        #expect(grid.textGrid == [["a", "", ""], ["b", "c", ""]])
    }

    @Test func raggedRowsArePadded() throws {
        let (_, grid) = try table(B.tbl(columns: 3,
            B.tr(B.tc("a"), B.tc("b"), B.tc("c")),
            B.tr(B.tc("d"))))
        #expect(grid.textGrid == [["a", "b", "c"], ["d", "", ""]])
        #expect(grid.sourceRowWidths == [3, 1])
    }

    @Test func cellsPastTheDeclaredGridAreKeptAndReported() throws {
        let (document, grid) = try table(B.tbl(columns: 2,
            B.tr(B.tc("a"), B.tc("b"), B.tc("extra")),
            B.tr(B.tc("c"), B.tc("d"))))
        #expect(grid.textGrid == [["a", "b", "extra"], ["c", "d", ""]])
        #expect(document.diagnostics.contains { $0.code == "cell-past-grid" && $0.table == 0 })
    }

    @Test func deletedRowIsGoneAndMergesRunPastIt() throws {
        let (_, grid) = try table(B.tbl(columns: 2,
            B.tr(B.tc("tall", "<w:vMerge w:val=\"restart\"/>"), B.tc("a")),
            B.tr(B.tc("gone"), B.tc("gone too"), props: "<w:del w:id=\"1\" w:author=\"x\" w:date=\"2024-01-01T00:00:00Z\"/>"),
            B.tr(B.tc("", "<w:vMerge/>"), B.tc("b"))))
        #expect(grid.textGrid == [["tall", "a"], [nil, "b"]])
    }

    @Test func nestedTablesComeAfterTheirParentAndPointBack() throws {
        let inner = B.tbl(columns: 1, B.tr(B.tc("inner")))
        let body = B.p("before") + B.tbl(columns: 2,
            B.tr(B.tc("a"), "<w:tc>\(B.p("holder"))\(inner)<w:p/></w:tc>"),
            B.tr(B.tc("c"), B.tc("d"))) + B.p("after")
        let document = try B.read(body: body)
        #expect(document.tables.count == 2)
        #expect(document.tables[0].textGrid == [["a", "holder"], ["c", "d"]])
        #expect(document.tables[0][0, 1].cell?.nestedTables == [1])
        #expect(document.tables[1].textGrid == [["inner"]])
        #expect(document.tables[1].parent == TableGrid.NestedPosition(table: 0, row: 0, column: 1))
        #expect(document.tables[0].location == .paragraph(1))
        #expect(document.tables[1].location == .paragraph(1))
        #expect(document.blocks.count == 3, "the nested table is not a body block")
        #expect(document.paragraphs.map(\.location) == [.paragraph(0), .paragraph(2)])
    }

    @Test func cellTextKeepsParagraphsAndBreaksAsLines() throws {
        let cell = "<w:tc><w:p><w:r><w:t>one</w:t><w:br/><w:t>two</w:t></w:r></w:p><w:p><w:r><w:t>three</w:t><w:cr/><w:t>four</w:t></w:r></w:p></w:tc>"
        let (_, grid) = try table(B.tbl(columns: 1, B.tr(cell)))
        #expect(grid.textGrid == [["one\ntwo\nthree\nfour"]])
    }

    @Test func tooDeeplyNestedTablesAreRefused() throws {
        var limits = ReadLimits()
        limits.maxTableNesting = 3
        var body = ""
        for _ in 0..<5 { body += "<w:tbl><w:tr><w:tc>" }
        body += "<w:p/>"
        for _ in 0..<5 { body += "</w:tc></w:tr></w:tbl>" }
        #expect { try B.read(body: body, limits: limits) } throws: { ($0 as? InputError)?.code == .limitExceeded }
    }

    @Test func tooManyTablesAreRefused() throws {
        var limits = ReadLimits()
        limits.maxTables = 2
        let one = B.tbl(columns: 1, B.tr(B.tc("x")))
        #expect { try B.read(body: one + one + one, limits: limits) } throws: { ($0 as? InputError)?.code == .limitExceeded }
    }
}
