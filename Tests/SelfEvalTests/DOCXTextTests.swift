import Testing
@testable import SelfEval

/// What text a cell or paragraph shows: runs, breaks, symbols, content controls, checkboxes,
/// alternate content, tracked changes and fields.
@Suite struct DOCXTextTests {
    typealias B = DOCXBuilder

    /// The text of a one-cell table holding `paragraphXML`.
    private func cellText(_ paragraphXML: String) throws -> String? {
        let document = try B.read(body: B.tbl(columns: 1, B.tr("<w:tc>\(paragraphXML)</w:tc>")))
        return document.tables.first?.text(row: 0, column: 0)
    }

    private func run(_ inner: String) -> String { "<w:r>\(inner)</w:r>" }

    @Test func runsTabsHyphensAndSymbols() throws {
        let p = "<w:p>" + run("<w:t>a</w:t><w:tab/><w:t>b</w:t>") + run("<w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t><w:softHyphen/><w:t>e</w:t>")
            + run("<w:sym w:font=\"Symbol\" w:char=\"F0B3\"/><w:t>95%</w:t>") + "</w:p>"
        #expect(try cellText(p) == "a\tbc-de≥95%")
    }

    @Test func tabStopsInParagraphPropertiesAreNotText() throws {
        let p = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>" + run("<w:t>x</w:t>") + "</w:p>"
        #expect(try cellText(p) == "x")
    }

    @Test func wingdingsGlyphsBecomeBoxes() throws {
        let p = "<w:p>" + run("<w:sym w:font=\"Wingdings\" w:char=\"F0FE\"/><w:t xml:space=\"preserve\"> yes </w:t>")
            + run("<w:sym w:font=\"Wingdings\" w:char=\"F0A8\"/><w:t xml:space=\"preserve\"> no </w:t>")
            + run("<w:sym w:font=\"Wingdings 2\" w:char=\"F052\"/><w:sym w:font=\"Wingdings 2\" w:char=\"F054\"/><w:sym w:font=\"Wingdings 2\" w:char=\"F0A3\"/>")
            + "<w:r><w:rPr><w:rFonts w:ascii=\"Wingdings 2\" w:hAnsi=\"Wingdings 2\"/></w:rPr><w:t>R£</w:t></w:r></w:p>"
        #expect(try cellText(p) == "☑ yes ☐ no ☑☑☐☑☐")
    }

    @Test func contentControlsAreUnwrappedAtEveryLevel() throws {
        let runLevel = "<w:p><w:sdt><w:sdtPr/><w:sdtContent>" + run("<w:t>run</w:t>") + "</w:sdtContent></w:sdt></w:p>"
        let paragraphLevel = "<w:sdt><w:sdtPr/><w:sdtContent>\(B.p("para"))</w:sdtContent></w:sdt>"
        let cellLevel = "<w:sdt><w:sdtPr/><w:sdtContent>\(B.tc("cell"))</w:sdtContent></w:sdt>"
        let rowLevel = "<w:sdt><w:sdtPr/><w:sdtContent>\(B.tr(B.tc("row1"), B.tc("row2")))</w:sdtContent></w:sdt>"
        let body = "<w:sdt><w:sdtPr/><w:sdtContent>\(B.p("body"))</w:sdtContent></w:sdt>"
            + B.tbl(columns: 2, "<w:tr><w:tc>\(runLevel)\(paragraphLevel)</w:tc>\(cellLevel)</w:tr>", rowLevel)
        let document = try B.read(body: body)
        #expect(document.paragraphs.map(\.text) == ["body"])
        #expect(document.tables[0].textGrid == [["run\npara", "cell"], ["row1", "row2"]])
    }

    @Test func placeholderTextIsNotContent() throws {
        let p = "<w:p>" + run("<w:t xml:space=\"preserve\">Name: </w:t>")
            + "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" + run("<w:t>Click here to enter text.</w:t>") + "</w:sdtContent></w:sdt></w:p>"
        #expect(try cellText(p) == "Name:")
    }

    @Test func contentControlCheckboxesTakeTheirStateFromTheXML() throws {
        func box(_ checked: String, glyph: String) -> String {
            "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"\(checked)\"/><w14:checkedState w14:val=\"2612\" w14:font=\"MS Gothic\"/><w14:uncheckedState w14:val=\"2610\" w14:font=\"MS Gothic\"/></w14:checkbox></w:sdtPr><w:sdtContent>"
                + run("<w:rPr><w:rFonts w:ascii=\"MS Gothic\" w:hAnsi=\"MS Gothic\"/></w:rPr><w:t>\(glyph)</w:t>") + "</w:sdtContent></w:sdt>"
        }
        // The shown glyph disagrees with the state in two of these: the state wins, the glyph goes.
        let p = "<w:p>" + box("1", glyph: "☒") + run("<w:t xml:space=\"preserve\"> A </w:t>") + box("0", glyph: "☐")
            + run("<w:t xml:space=\"preserve\"> B </w:t>") + box("true", glyph: "☐") + run("<w:t xml:space=\"preserve\"> C </w:t>")
            + box("false", glyph: "☒") + run("<w:t xml:space=\"preserve\"> D</w:t>") + "</w:p>"
        #expect(try cellText(p) == "☑ A ☐ B ☑ C ☐ D")
    }

    @Test func paragraphLevelCheckboxControlPutsItsStateInTheParagraph() throws {
        let body = "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"1\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:p>"
            + run("<w:t>☐</w:t>") + "</w:p></w:sdtContent></w:sdt>" + B.p("after")
        #expect(try B.read(body: body).paragraphs.map(\.text) == ["☑", "after"])
    }

    @Test func legacyFormCheckboxes() throws {
        func field(_ ffData: String) -> String {
            run("<w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"Check1\"/><w:enabled/><w:calcOnExit w:val=\"0\"/><w:checkBox><w:sizeAuto/>\(ffData)</w:checkBox></w:ffData></w:fldChar>")
                + run("<w:instrText xml:space=\"preserve\"> FORMCHECKBOX </w:instrText>") + run("<w:fldChar w:fldCharType=\"separate\"/>")
                + run("<w:fldChar w:fldCharType=\"end\"/>")
        }
        let p = "<w:p>" + field("<w:default w:val=\"0\"/><w:checked/>") + run("<w:t>a</w:t>")
            + field("<w:default w:val=\"1\"/><w:checked w:val=\"0\"/>") + run("<w:t>b</w:t>")
            + field("<w:default w:val=\"1\"/>") + run("<w:t>c</w:t>")
            + field("<w:default w:val=\"0\"/>") + run("<w:t>d</w:t>") + "</w:p>"
        #expect(try cellText(p) == "☑a☐b☑c☐d")
    }

    @Test func alternateContentReadsOneBranch() throws {
        let understood = "<mc:AlternateContent><mc:Choice Requires=\"w14\">" + run("<w:t>choice</w:t>")
            + "</mc:Choice><mc:Fallback>" + run("<w:t>fallback</w:t>") + "</mc:Fallback></mc:AlternateContent>"
        let notUnderstood = "<mc:AlternateContent><mc:Choice Requires=\"wps\">" + run("<w:t>shape</w:t>")
            + "</mc:Choice><mc:Fallback>" + run("<w:t>picture</w:t>") + "</mc:Fallback></mc:AlternateContent>"
        #expect(try cellText("<w:p>\(understood)|\(notUnderstood)</w:p>".replacingOccurrences(of: "|", with: run("<w:t>|</w:t>"))) == "choice|picture")
    }

    @Test func textBoxesAreNotReadSoNotDuplicated() throws {
        let box = "<w:txbxContent>\(B.p("in the box"))</w:txbxContent>"
        let p = "<w:p>" + run("<w:t>before</w:t>") + "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>\(box)</wps:txbx></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><v:textbox>\(box)</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>" + run("<w:t>after</w:t>") + "</w:p>"
        let document = try B.read(body: p)
        #expect(document.paragraphs.map(\.text) == ["beforeafter"])
        #expect(document.diagnostics.contains { $0.code == "textbox-skipped" })
    }

    @Test func trackedChangesShowTheCurrentText() throws {
        let p = "<w:p>" + run("<w:t xml:space=\"preserve\">kept </w:t>")
            + "<w:ins w:id=\"1\" w:author=\"a\">" + run("<w:t xml:space=\"preserve\">inserted </w:t>") + "</w:ins>"
            + "<w:del w:id=\"2\" w:author=\"a\">" + run("<w:delText>deleted </w:delText>") + "</w:del>"
            + "<w:moveFrom w:id=\"3\" w:author=\"a\">" + run("<w:t>moved away </w:t>") + "</w:moveFrom>"
            + "<w:moveTo w:id=\"4\" w:author=\"a\">" + run("<w:t>moved here</w:t>") + "</w:moveTo>"
            + "<w:r><w:rPr><w:del w:id=\"5\" w:author=\"a\"/></w:rPr><w:t>!</w:t></w:r></w:p>"
        #expect(try cellText(p) == "kept inserted moved here!")
    }

    @Test func fieldsShowTheirResultNotTheirInstruction() throws {
        let complex = run("<w:fldChar w:fldCharType=\"begin\"/>") + run("<w:instrText xml:space=\"preserve\"> DATE \\@ \"yyyy\" </w:instrText>")
            + run("<w:fldChar w:fldCharType=\"separate\"/>") + run("<w:t>2022</w:t>") + run("<w:fldChar w:fldCharType=\"end\"/>")
        let simple = "<w:fldSimple w:instr=\" PAGE \">" + run("<w:t>7</w:t>") + "</w:fldSimple>"
        #expect(try cellText("<w:p>" + run("<w:t xml:space=\"preserve\">Year </w:t>") + complex + run("<w:t xml:space=\"preserve\">, page </w:t>") + simple + "</w:p>") == "Year 2022, page 7")
    }

    @Test func headingStyleNamesInEitherLanguageAndCase() {
        let names = ["Heading1", "heading 1", " Heading 2", "HEADING3", "标题 4", "标题6", "heading 7", "Normal", "标准", "Title", "", "h1"]
        #expect(names.map(WordStyles.level(named:)) == [1, 1, 2, 3, 4, 6, nil, nil, nil, nil, nil, nil])
    }

    @Test func bodyParagraphsHeadingsAndLocations() throws {
        let body = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>" + run("<w:t>附件2</w:t>") + "</w:p>"
            + "<w:p/>"
            + "<w:p><w:pPr><w:pStyle w:val=\"2\"/><w:outlineLvl w:val=\"1\"/></w:pPr>" + run("<w:t>（2022年度）</w:t>") + "</w:p>"
            + B.tbl(columns: 1, B.tr(B.tc("x"))) + B.p("填报日期：2021.4.14")
        let document = try B.read(body: body)
        #expect(document.paragraphs.map(\.text) == ["附件2", "（2022年度）", "填报日期：2021.4.14"])
        #expect(document.paragraphs.map(\.headingLevel) == [1, 2, nil])
        #expect(document.paragraphs.map(\.location) == [.paragraph(0), .paragraph(2), .paragraph(4)])
        #expect(document.tables[0].location == .paragraph(3))
        #expect(document.blocks.count == 4)
    }
}
