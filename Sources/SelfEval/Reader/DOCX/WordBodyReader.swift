/// Walks `word/document.xml` once, in document order, and turns it into paragraphs and tables.
///
/// What is shown on the page is what is kept: content controls are unwrapped at every level
/// (their placeholder text dropped), one branch of `mc:AlternateContent` is read, inserted text
/// is kept and deleted or moved-away text dropped, fields show their result rather than their
/// instruction, and checkboxes of every kind become ☑/☐ at their place. Text boxes, headers,
/// footers and notes are not read.
///
/// Nested tables get indexes in pre-order: a table's index is reserved when it opens, so a
/// parent comes before the tables inside its cells, and those come in reading order.
/// Paragraph and table locations are `.paragraph(n)`, n the 0-based index of the body element
/// (paragraph or table) they belong to.
struct WordBodyReader {
    private enum TextTarget { case text, instruction }

    private struct OpenParagraph {
        var text = ""
        var styleID: String?
        var outlineLevel: Int?
        /// Body element index for a paragraph directly in the body; nil inside a table.
        var block: Int?
        /// Opened for text found outside any `w:p` (a malformed part); closed at the next boundary.
        var implicit = false
        var truncated = false
    }

    private struct OpenTable {
        var index: Int
        var location: SourceLocation
        var line: Int
        var builder = WordTableBuilder()
        var row: WordTableBuilder.Row?
        var cell: WordTableBuilder.Cell?
        var cellParagraphs: [String] = []
        var cellLength = 0
    }

    private struct OpenField {
        enum Phase { case instruction, result }
        var phase = Phase.instruction
        var instruction = ""
        var form: FormCheckboxState?
        var glyphEmitted = false

        var isCheckbox: Bool { form != nil || instruction.uppercased().contains("FORMCHECKBOX") }
    }

    private struct OpenContentControl {
        var placeholder = false
        var checkbox: WordCheckbox?
        var inContent = false
        var glyphPending = false

        /// Placeholder text is not content; a checkbox control's glyph run is replaced by its state.
        var hidesText: Bool { inContent && (placeholder || checkbox != nil) }
    }

    private let file: String
    private let limits: ReadLimits
    private let styles: WordStyles

    private var blocks: [SourceDocument.Block] = []
    private var tables: [TableGrid?] = []
    private var diagnostics: [Diagnostic] = []

    /// The open elements, by `XMLName.id`: ids copy for free where names hold Strings.
    private var elements: [Int] = []
    /// What each name of the part is, by `XMLName.id`, decided when the name first appears.
    private var kinds: [NameKind?] = []

    private struct NameKind {
        var namespace: WordNamespace.Kind
        var element: WordElement?
        /// The local names the reader tests outside the main namespace; `.other` for the rest,
        /// so that the kind stays a plain value, copied for free on every element.
        var special: SpecialName
    }

    private enum SpecialName {
        case checkbox, checked, sdtPr, t, alternateContent, other
    }
    private var skipDepth: Int?
    private var paragraphs: [OpenParagraph] = []
    private var openTables: [OpenTable] = []
    private var fields: [OpenField] = []
    private var contentControls: [OpenContentControl] = []
    private var alternates: [Bool] = []
    private var textTarget: TextTarget?
    private var runSymbolFont: WordSymbol.Font?
    private var bodyElements = 0
    private var skippedTextboxes = 0
    private var unknownSymbols = 0

    init(file: String, limits: ReadLimits, styles: WordStyles) {
        self.file = file
        self.limits = limits
        self.styles = styles
    }

    /// Reads the whole part into `document`.
    mutating func read(_ xml: inout XMLStreamReader, into document: inout SourceDocument) throws(InputError) {
        while let event = try xml.next() {
            switch event {
            case .start(let id): try start(id, xml)
            case .end(let id): try end(id, xml)
            case .text(let text): self.text(text)
            }
        }
        closeImplicitParagraph()
        if skippedTextboxes > 0 {
            diagnostics.append(Diagnostic(.info, "textbox-skipped", "\(skippedTextboxes) text box(es) in the body were not read"))
        }
        if unknownSymbols > 0 {
            diagnostics.append(Diagnostic(.info, "symbol-unknown", "\(unknownSymbols) symbol-font character(s) with no known Unicode meaning were left out"))
        }
        document.blocks = blocks
        document.tables = tables.map { $0 ?? TableGrid(slots: [], location: .paragraph(0)) }
        document.diagnostics += diagnostics
    }

    // MARK: - Events

    private mutating func kind(of id: XMLName.ID, _ xml: XMLStreamReader) -> NameKind {
        if id < kinds.count, let known = kinds[id] { return known }
        if id >= kinds.count { kinds += Array(repeating: nil, count: id + 1 - kinds.count) }
        let name = xml.name(id)
        let special: SpecialName = switch name.local {
        case "checkbox": .checkbox
        case "checked": .checked
        case "sdtPr": .sdtPr
        case "t": .t
        case "AlternateContent": .alternateContent
        default: .other
        }
        let kind = NameKind(namespace: WordNamespace.kind(of: name.namespace), element: WordElement(rawValue: name.local), special: special)
        kinds[id] = kind
        return kind
    }

    /// The kind of an open element; every id on the stack was given its kind when it opened.
    private func kind(ofOpen id: Int) -> NameKind { kinds[id]! }

    private mutating func start(_ id: XMLName.ID, _ xml: XMLStreamReader) throws(InputError) {
        let parent = elements.last.map(kind(ofOpen:))
        let kind = kind(of: id, xml)
        elements.append(id)
        guard skipDepth == nil else { return }
        switch kind.namespace {
        case .main:
            // Parents are matched by local name whatever their namespace.
            try startWord(kind.element, parent: parent?.element, xml)
        case .markupCompatibility:
            startCompatibility(xml.name(id).local, xml)
        case .word2010:
            if kind.special == .checkbox, parent?.special == .sdtPr, !contentControls.isEmpty {
                contentControls[contentControls.count - 1].checkbox = WordCheckbox(checked: false)
            } else if kind.special == .checked, parent?.special == .checkbox, !contentControls.isEmpty,
                      contentControls[contentControls.count - 1].checkbox != nil {
                contentControls[contentControls.count - 1].checkbox = WordCheckbox(checked: WordCheckbox.isOn(xml.attribute("val")))
            }
        case .math:
            if kind.special == .t { textTarget = .text }
        case .other:
            break
        }
    }

    private mutating func end(_ id: XMLName.ID, _ xml: XMLStreamReader) throws(InputError) {
        defer { elements.removeLast() }
        if let depth = skipDepth {
            if elements.count == depth { skipDepth = nil }
            return
        }
        let kind = kind(of: id, xml)
        switch kind.namespace {
        case .main:
            try endWord(kind.element)
        case .markupCompatibility:
            if kind.special == .alternateContent { alternates.removeLast() }
        case .math:
            if kind.special == .t { textTarget = nil }
        case .word2010, .other:
            break
        }
    }

    private mutating func text(_ value: String) {
        guard skipDepth == nil, let target = textTarget else { return }
        switch target {
        case .text:
            emit(runSymbolFont.map { mapSymbolFont($0, value) } ?? value)
        case .instruction:
            if let i = fields.indices.last, fields[i].instruction.utf8.count < 1_024 {
                fields[i].instruction += value
            }
        }
    }

    private mutating func startWord(_ element: WordElement?, parent: WordElement?, _ xml: XMLStreamReader) throws(InputError) {
        switch element {
        case .p:
            closeImplicitParagraph()
            var paragraph = OpenParagraph()
            if openTables.isEmpty && paragraphs.isEmpty {
                paragraph.block = bodyElements
                bodyElements += 1
            }
            paragraphs.append(paragraph)
            emitPendingCheckbox()
        case .pStyle where parent == .pPr:
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].styleID = xml.attribute("val") }
        case .outlineLvl where parent == .pPr:
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].outlineLevel = xml.attribute("val").flatMap { Int($0) } }
        case .tbl:
            try startTable(line: xml.lineNumber)
        case .gridCol where parent == .tblGrid:
            if !openTables.isEmpty { openTables[openTables.count - 1].builder.declaredColumns += 1 }
        case .tr:
            if !openTables.isEmpty { openTables[openTables.count - 1].row = WordTableBuilder.Row(line: xml.lineNumber) }
        case .gridBefore where parent == .trPr:
            updateRow { $0.gridBefore = xml.attribute("val").flatMap { Int($0) } ?? 0 }
        case .gridAfter where parent == .trPr:
            updateRow { $0.gridAfter = xml.attribute("val").flatMap { Int($0) } ?? 0 }
        case .del:
            if parent == .trPr { updateRow { $0.deleted = true } } else if parent != .rPr { skipSubtree() }
        case .moveFrom:
            if parent != .rPr { skipSubtree() }
        case .delText, .delInstrText:
            skipSubtree()
        case .tc:
            closeImplicitParagraph()
            if !openTables.isEmpty {
                let t = openTables.count - 1
                openTables[t].cell = WordTableBuilder.Cell(line: xml.lineNumber)
                openTables[t].cellParagraphs = []
                openTables[t].cellLength = 0
            }
        case .gridSpan where parent == .tcPr:
            updateCell { $0.gridSpan = xml.attribute("val").flatMap { Int($0) } ?? 1 }
        case .vMerge where parent == .tcPr:
            updateCell { $0.vMerge = WordTableBuilder.Merge(value: xml.attribute("val")) }
        case .hMerge where parent == .tcPr:
            updateCell { $0.hMerge = WordTableBuilder.Merge(value: xml.attribute("val")) }
        case .cellDel where parent == .tcPr:
            updateCell { $0.deleted = true }
        case .r:
            runSymbolFont = nil
        case .rFonts where parent == .rPr && elements.count >= 3 && kind(ofOpen: elements[elements.count - 3]).element == .r:
            runSymbolFont = [xml.attribute("ascii"), xml.attribute("hAnsi")].compactMap { $0.flatMap(WordSymbol.Font.init(name:)) }.first
        case .t:
            textTarget = .text
        case .instrText:
            textTarget = .instruction
        case .tab where parent == .r, .ptab:
            emit("\t")
        case .br where parent == .r, .cr where parent == .r:
            emit("\n")
        case .noBreakHyphen:
            emit("-")
        case .sym:
            if let glyph = WordSymbol.text(fontName: xml.attribute("font"), hex: xml.attribute("char")) {
                emit(glyph)
            } else {
                unknownSymbols += 1
            }
        case .fldChar:
            fieldCharacter(xml.attribute("fldCharType"))
        case .checkBox where parent == .ffData:
            if !fields.isEmpty { fields[fields.count - 1].form = FormCheckboxState() }
        case .default where parent == .checkBox:
            if !fields.isEmpty { fields[fields.count - 1].form?.byDefault = WordCheckbox.isOn(xml.attribute("val")) }
        case .checked where parent == .checkBox:
            if !fields.isEmpty { fields[fields.count - 1].form?.checked = WordCheckbox.isOn(xml.attribute("val")) }
        case .sdt:
            contentControls.append(OpenContentControl())
        case .showingPlcHdr where parent == .sdtPr:
            if !contentControls.isEmpty { contentControls[contentControls.count - 1].placeholder = WordCheckbox.isOn(xml.attribute("val")) }
        case .sdtContent:
            if !contentControls.isEmpty {
                let c = contentControls.count - 1
                contentControls[c].inContent = true
                contentControls[c].glyphPending = contentControls[c].checkbox != nil
                emitPendingCheckbox()
            }
        case .txbxContent:
            skippedTextboxes += 1
            skipSubtree()
        case .rt where parent == .ruby:
            skipSubtree()
        default:
            break
        }
    }

    private mutating func endWord(_ element: WordElement?) throws(InputError) {
        switch element {
        case .p:
            if let paragraph = paragraphs.popLast() { deliver(paragraph) }
        case .t, .instrText:
            textTarget = nil
        case .r:
            runSymbolFont = nil
        case .tc:
            closeImplicitParagraph()
            finishCell()
        case .tr:
            finishRow()
        case .tbl:
            closeImplicitParagraph()
            try finishTable()
        case .sdtContent:
            emitPendingCheckbox()
            if !contentControls.isEmpty { contentControls[contentControls.count - 1].inContent = false }
        case .sdt:
            contentControls.removeLast()
        default:
            break
        }
    }

    /// `mc:AlternateContent`: the first `mc:Choice` whose required namespaces are understood,
    /// else `mc:Fallback`; never more than one branch.
    private mutating func startCompatibility(_ local: String, _ xml: XMLStreamReader) {
        switch local {
        case "AlternateContent":
            alternates.append(false)
        case "Choice":
            guard let taken = alternates.last, !taken else { return skipSubtree() }
            let prefixes = (xml.attribute("Requires") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" })
            let understood = !prefixes.isEmpty && prefixes.allSatisfy { prefix in
                xml.namespaceURI(forPrefix: String(prefix)).map { WordNamespace.understood.contains($0) } ?? false
            }
            if understood { alternates[alternates.count - 1] = true } else { skipSubtree() }
        case "Fallback":
            guard let taken = alternates.last, !taken else { return skipSubtree() }
            alternates[alternates.count - 1] = true
        default:
            break
        }
    }

    private mutating func skipSubtree() {
        skipDepth = elements.count
    }

    // MARK: - Text

    /// True when text at this point is shown on the page.
    private func textVisible(fieldsUpTo limit: Int? = nil) -> Bool {
        for field in fields.prefix(limit ?? fields.count) where field.phase == .instruction || field.isCheckbox {
            return false
        }
        return !contentControls.contains { $0.hidesText }
    }

    private mutating func emit(_ value: String) {
        guard textVisible() else { return }
        append(value)
    }

    private mutating func append(_ value: String) {
        guard !value.isEmpty else { return }
        if paragraphs.isEmpty {
            var implicit = OpenParagraph()
            implicit.implicit = true
            if openTables.isEmpty {
                implicit.block = bodyElements
                bodyElements += 1
            }
            paragraphs.append(implicit)
        }
        let p = paragraphs.count - 1
        guard !paragraphs[p].truncated else { return }
        if paragraphs[p].text.utf8.count + value.utf8.count > limits.maxCellTextLength {
            paragraphs[p].truncated = true
            let room = max(0, limits.maxCellTextLength - paragraphs[p].text.utf8.count)
            paragraphs[p].text += value.prefix(utf8Count: room)
            diagnostics.append(Diagnostic(.warning, "text-truncated",
                limits.exceeded(.cellText, "a paragraph is longer than \(limits.maxCellTextLength) bytes; kept the first \(limits.maxCellTextLength)")))
            return
        }
        paragraphs[p].text += value
    }

    /// A legacy form checkbox shows its state where the field's instruction ends.
    private mutating func fieldCharacter(_ type: String?) {
        switch type {
        case "begin":
            fields.append(OpenField())
        case "separate":
            guard let i = fields.indices.last else { return }
            emitFieldCheckbox(i)
            fields[i].phase = .result
        case "end":
            guard let i = fields.indices.last else { return }
            emitFieldCheckbox(i)
            fields.removeLast()
        default:
            break
        }
    }

    private mutating func emitFieldCheckbox(_ i: Int) {
        guard fields[i].isCheckbox, !fields[i].glyphEmitted else { return }
        fields[i].glyphEmitted = true
        guard textVisible(fieldsUpTo: i) else { return }
        append((fields[i].form ?? FormCheckboxState()).checkbox.glyph)
    }

    /// A checkbox content control's state goes where its content starts; a control wrapping a
    /// whole paragraph waits for that paragraph to open.
    private mutating func emitPendingCheckbox() {
        guard !paragraphs.isEmpty, let c = contentControls.lastIndex(where: { $0.glyphPending }),
              let box = contentControls[c].checkbox else { return }
        contentControls[c].glyphPending = false
        let hiddenByField = fields.contains { $0.phase == .instruction || $0.isCheckbox }
        let hiddenByOuter = contentControls[..<c].contains { $0.hidesText }
        guard !hiddenByField, !hiddenByOuter else { return }
        append(box.glyph)
    }

    private func mapSymbolFont(_ font: WordSymbol.Font, _ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            let v = scalar.value
            if v <= 0xFF || (0xF000...0xF0FF).contains(v) {
                if let mapped = WordSymbol.text(font: font, code: v) {
                    out += mapped
                } else if font == .symbol || v == 0x20 {
                    out.unicodeScalars.append(scalar)
                }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - Paragraphs

    private mutating func closeImplicitParagraph() {
        if let last = paragraphs.last, last.implicit {
            paragraphs.removeLast()
            deliver(last)
        }
    }

    private mutating func deliver(_ paragraph: OpenParagraph) {
        if paragraph.block == nil, let t = openTables.indices.last, openTables[t].cell != nil {
            let length = openTables[t].cellLength + paragraph.text.utf8.count + 1
            if length > limits.maxCellTextLength {
                diagnostics.append(Diagnostic(.warning, "text-truncated",
                    limits.exceeded(.cellText, "a cell is longer than \(limits.maxCellTextLength) bytes; its later paragraphs were left out"), line: openTables[t].cell?.line))
                return
            }
            openTables[t].cellLength = length
            openTables[t].cellParagraphs.append(paragraph.text)
            return
        }
        let text = paragraph.text.trimmed
        guard !text.isEmpty else { return }
        let level = paragraph.styleID.flatMap { styles.headingLevel(styleID: $0) }
            ?? paragraph.outlineLevel.flatMap { $0 < 6 ? $0 + 1 : nil }
        blocks.append(.paragraph(Paragraph(text: text, headingLevel: level,
                                           location: .paragraph(paragraph.block ?? max(0, bodyElements - 1)))))
    }

    // MARK: - Tables

    private mutating func updateRow(_ change: (inout WordTableBuilder.Row) -> Void) {
        guard let t = openTables.indices.last, openTables[t].row != nil else { return }
        change(&openTables[t].row!)
    }

    private mutating func updateCell(_ change: (inout WordTableBuilder.Cell) -> Void) {
        guard let t = openTables.indices.last, openTables[t].cell != nil else { return }
        change(&openTables[t].cell!)
    }

    private mutating func startTable(line: Int) throws(InputError) {
        closeImplicitParagraph()
        if tables.count >= limits.maxTables {
            throw InputError(.limitExceeded, file: file, line: line, limits.exceeded(.tables, "more than \(limits.maxTables) tables"))
        }
        if openTables.count >= limits.maxTableNesting {
            throw InputError(.limitExceeded, file: file, line: line, limits.exceeded(.tableNesting, "tables nested more than \(limits.maxTableNesting) deep"))
        }
        let index = tables.count
        tables.append(nil)
        let location: SourceLocation
        if let outer = openTables.first {
            location = outer.location
            let t = openTables.count - 1
            openTables[t].cell?.nestedTables.append(index)
        } else {
            if paragraphs.isEmpty {
                location = .paragraph(bodyElements)
                bodyElements += 1
            } else {
                location = .paragraph(paragraphs.first?.block ?? max(0, bodyElements - 1))
            }
            blocks.append(.table(index))
        }
        openTables.append(OpenTable(index: index, location: location, line: line))
    }

    private mutating func finishCell() {
        guard let t = openTables.indices.last, var cell = openTables[t].cell else { return }
        cell.text = openTables[t].cellParagraphs.joined(separator: "\n").trimmed
        openTables[t].cell = nil
        openTables[t].cellParagraphs = []
        if openTables[t].row == nil { openTables[t].row = WordTableBuilder.Row(line: cell.line) }
        openTables[t].row?.cells.append(cell)
    }

    private mutating func finishRow() {
        guard let t = openTables.indices.last, let row = openTables[t].row else { return }
        openTables[t].builder.rows.append(row)
        openTables[t].row = nil
    }

    private mutating func finishTable() throws(InputError) {
        guard let table = openTables.popLast() else { return }
        let (rows, repairs) = table.builder.placements()
        var builder = GridBuilder(limits: limits)
        do {
            for row in rows { try builder.addRow(row.entries, line: row.line) }
        } catch {
            throw InputError(.limitExceeded, file: file, line: table.line,
                             limits.exceeded(.tableSlots, "a table would hold \(error.slots) slots (rows × columns) at row \(error.row + 1), column \(error.column + 1)"))
        }
        let grid = builder.build(location: table.location)
        for var d in repairs + builder.diagnostics {
            d.table = table.index
            diagnostics.append(d)
        }
        for r in 0..<grid.rowCount {
            for c in 0..<grid.columnCount {
                guard let cell = grid[r, c].cell else { continue }
                for child in cell.nestedTables where child < tables.count {
                    tables[child]?.parent = TableGrid.NestedPosition(table: table.index, row: r, column: c)
                }
            }
        }
        tables[table.index] = grid
    }
}
