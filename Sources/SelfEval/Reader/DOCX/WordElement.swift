/// The element names the body reader acts on, by local name. Switching on this enum, decided
/// once per distinct name of a part, replaces comparing every element's name with each string.
enum WordElement: String {
    case p, pPr, pStyle, outlineLvl
    case tbl, tblGrid, gridCol, tr, trPr, gridBefore, gridAfter, tc, tcPr, gridSpan, vMerge, hMerge, cellDel
    case del, moveFrom, delText, delInstrText
    case r, rPr, rFonts, t, instrText, tab, ptab, br, cr, noBreakHyphen, sym
    case fldChar, ffData, checkBox, `default`, checked
    case sdt, sdtPr, showingPlcHdr, sdtContent
    case txbxContent, ruby, rt
}
