import Testing
@testable import SelfEval

/// The model types keep some fields packed or out of line for large forms; what a caller sets
/// must read back the same, copies must not share changes, and equality must follow the values.
@Suite struct CompactModelTests {
    @Test func indicatorFieldsReadBackWhatWasSet() {
        var indicator = Indicator(source: CellSource(table: 2, rows: [7]))
        #expect(indicator.level1Weight == nil && indicator.deviation == nil && indicator.sharedWith == nil)
        indicator.level1Weight = 40
        indicator.level3Weight = 0
        indicator.level1Note = "（预期实现的效益）"
        indicator.code = "1.2"
        indicator.deviation = "无"
        indicator.criteria = "完成得满分"
        indicator.explanation = "说明"
        indicator.dataSource = "台账"
        indicator.sharedWith = 3
        #expect(indicator.level1Weight == 40 && indicator.level2Weight == nil && indicator.level3Weight == 0)
        #expect(indicator.level1Note == "（预期实现的效益）" && indicator.code == "1.2" && indicator.deviation == "无")
        #expect(indicator.criteria == "完成得满分" && indicator.explanation == "说明" && indicator.dataSource == "台账")
        #expect(indicator.sharedWith == 3)
        indicator.level1Weight = nil
        indicator.deviation = nil
        #expect(indicator.level1Weight == nil && indicator.level3Weight == 0 && indicator.deviation == nil && indicator.code == "1.2")
    }

    @Test func indicatorCopiesDoNotShareChanges() {
        var first = Indicator(source: CellSource(table: 0, rows: [1]))
        first.criteria = "a"
        var second = first
        second.criteria = "b"
        second.sharedWith = 0
        #expect(first.criteria == "a" && first.sharedWith == nil)
        #expect(second.criteria == "b" && second.sharedWith == 0)
        #expect(first != second)
    }

    @Test func indicatorEqualityFollowsTheValuesNotTheStorage() {
        let plain = Indicator(source: CellSource(table: 0, rows: [1]))
        var cleared = plain
        cleared.explanation = "x"
        cleared.explanation = nil
        cleared.level2Weight = 5
        cleared.level2Weight = nil
        #expect(plain == cleared)
    }

    @Test func diagnosticPlaceReadsBackEveryField() {
        var d = Diagnostic(.info, "code", "message", table: 1, row: 0, column: nil, line: 1_000_000)
        #expect(d.table == 1 && d.row == 0 && d.column == nil && d.line == 1_000_000)
        d.column = 4
        d.row = nil
        #expect(d.table == 1 && d.row == nil && d.column == 4 && d.line == 1_000_000)
    }

    @Test func diagnosticPlaceKeepsPositionsPast32Bits() {
        var d = Diagnostic(.warning, "code", "message", table: 3, row: Int(Int32.max) + 10, line: Int(Int32.min))
        #expect(d.table == 3 && d.row == Int(Int32.max) + 10 && d.column == nil && d.line == Int(Int32.min))
        d.column = -1
        #expect(d.column == -1 && d.row == Int(Int32.max) + 10)
        #expect(d == Diagnostic(.warning, "code", "message", table: 3, row: Int(Int32.max) + 10, column: -1, line: Int(Int32.min)))
    }

    @Test func diagnosticsKeptAsPartsReadAndCompareAsText() {
        let parts = Diagnostic(.info, "label-shifted", .labelShifted(name: "社保卡制发"), table: 0, row: 9)
        let text = Diagnostic(.info, "label-shifted", "row has a 二级 label, no 三级 label and values: read 社保卡制发 as its 三级指标", table: 0, row: 9)
        #expect(parts.message == text.message)
        #expect(parts == text)
        var changed = parts
        changed.message = "other"
        #expect(changed.message == "other" && changed != parts)
        #expect(Diagnostic(.warning, "number-unreadable", .numberUnreadable(text: "约五成")).message == "约五成 holds no single number; kept as text")
    }

    @Test func appendMovingKeepsOrderAndEmptiesTheSource() {
        var short = [1, 2]
        var long = [3, 4, 5, 6]
        short.appendMoving(&long)
        #expect(short == [1, 2, 3, 4, 5, 6] && long.isEmpty)
        var longer = [1, 2, 3]
        var few = [4]
        longer.appendMoving(&few)
        #expect(longer == [1, 2, 3, 4] && few.isEmpty)
        var empty: [Int] = []
        var some = [7, 8]
        empty.appendMoving(&some)
        #expect(empty == [7, 8] && some.isEmpty)
    }

    @Test func appendMovingDoesNotChangeACopyOfEitherArray() {
        var a = ["a"]
        var b = ["b", "c"]
        let keptA = a, keptB = b
        a.appendMoving(&b)
        #expect(a == ["a", "b", "c"] && keptA == ["a"] && keptB == ["b", "c"])
    }

    @Test func diagnosticPlaceGoesBackToPackedWhenWidePositionsAreCleared() {
        var d = Diagnostic(.info, "code", "message", table: 1, row: Int(Int32.max) + 1)
        d.row = nil
        d.table = nil
        #expect(d.table == nil && d.row == nil && d.column == nil && d.line == nil)
        #expect(d == Diagnostic(.info, "code", "message"))
        d.line = 12
        #expect(d.line == 12 && d.table == nil)
    }

    @Test func valueReadsBackUnitsAndComparatorsInAndOutOfTheReadersLists() {
        var value = Value(text: "≥31万人", number: 31, unit: "万人", comparator: "≥")
        #expect(value.number == 31 && value.unit == "万人" && value.comparator == "≥")
        value.unit = "立方米"
        value.comparator = "≈"
        #expect(value.unit == "立方米" && value.comparator == "≈")
        value.unit = "%"
        #expect(value.unit == "%" && value.comparator == "≈")
        value.comparator = "≤"
        #expect(value == Value(text: "≥31万人", number: 31, unit: "%", comparator: "≤"))
        value.number = nil
        value.unit = nil
        value.comparator = nil
        #expect(value == Value(text: "≥31万人") && value.number == nil && value.unit == nil && value.comparator == nil)
        #expect(Value(text: "0", number: 0) != Value(text: "0"))
    }

    @Test func valueCopiesDoNotShareUnitsKeptOutOfLine() {
        var first = Value(text: "5 bushels", number: 5, unit: "bushels")
        var second = first
        second.unit = "pecks"
        first.comparator = "~"
        #expect(first.unit == "bushels" && first.comparator == "~")
        #expect(second.unit == "pecks" && second.comparator == nil)
    }

    @Test func cellSourceKeepsAnyListOfRows() {
        for rows in [[], [4], [4, 5], [9, 2, 9]] {
            var source = CellSource(table: 3, rows: rows)
            #expect(source.rows == rows && source.table == 3)
            source.rows.append(11)
            #expect(source.rows == rows + [11])
            #expect(source == CellSource(table: 3, rows: rows + [11]))
        }
        #expect(CellSource(table: 0, rows: [1]) != CellSource(table: 0, rows: [1, 1]))
    }

    @Test func cellSourceKeepsNumbersPast32Bits() {
        let huge = Int(Int32.max) + 5
        var source = CellSource(table: huge, rows: [-huge])
        #expect(source.table == huge && source.rows == [-huge])
        source.table = 2
        #expect(source == CellSource(table: 2, rows: [-huge]))
        source.rows = [6]
        #expect(source == CellSource(table: 2, rows: [6]) && source.table == 2)
    }

    @Test func levelWeightsKeepEveryNumberExactly() {
        let weights: [Double] = [40, 12.5, 2.375, 0, -0.0, 1.0 / 3, 0.1, 0.07, 33.3, -7.25, 327.67, 327.68, -327.67, -327.68, 400, 1e300, .infinity]
        for w in weights {
            var indicator = Indicator(source: CellSource(table: 0, rows: [0]))
            indicator.level2Weight = w
            #expect(indicator.level2Weight?.bitPattern == w.bitPattern, "\(w)")
            #expect(indicator.level1Weight == nil && indicator.level3Weight == nil)
            indicator.level2Weight = 5
            #expect(indicator == {
                var plain = Indicator(source: CellSource(table: 0, rows: [0]))
                plain.level2Weight = 5
                return plain
            }(), "a weight kept out of line and then replaced must leave nothing behind: \(w)")
        }
        var indicator = Indicator(source: CellSource(table: 0, rows: [0]))
        indicator.level3Weight = .nan
        #expect(indicator.level3Weight?.isNaN == true)
    }

    @Test func diagnosticCodesInAndOutOfTheListReadBack() {
        var d = Diagnostic(.info, "label-shifted", "m", table: 1)
        #expect(d.code == "label-shifted")
        d.code = "a-code-of-my-own"
        #expect(d.code == "a-code-of-my-own" && d.table == 1)
        d.row = Int(Int32.max) + 1
        d.code = "row-realigned"
        #expect(d.code == "row-realigned" && d.row == Int(Int32.max) + 1)
        #expect(d == Diagnostic(.info, "row-realigned", "m", table: 1, row: Int(Int32.max) + 1))
        #expect(Diagnostic(.info, "", "m").code == "")
        #expect(DiagnosticCodes.known.count == Set(DiagnosticCodes.known).count && DiagnosticCodes.known.count < 255)
    }

    /// The sizes the compact storage is for; a field added to these types should be a choice.
    @Test func largeFormTypesKeepTheirSize() {
        #expect(MemoryLayout<Value?>.stride == 32)
        #expect(MemoryLayout<CellSource>.stride == 16)
        #expect(MemoryLayout<Diagnostic>.stride == 40)
        #expect(MemoryLayout<Indicator>.stride == 200)
    }
}
