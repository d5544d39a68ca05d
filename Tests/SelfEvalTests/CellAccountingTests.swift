import Testing
@testable import SelfEval

/// The reconstructor's accounting on the shapes the property test found losing cells: each
/// cell either reaches a field or is named where it stands.
@Suite struct CellAccountingTests {
    func evaluate(tsv: String) throws -> Evaluation {
        Converter().evaluate(try read(tsv, format: .tsv))
    }

    func named(_ e: Evaluation, row: Int, column: Int) -> Diagnostic? {
        e.diagnostics.first { $0.row == row && $0.column == column }
    }

    @Test func aCheckboxCellInsideAnIndicatorRowStaysInTheIndicator() throws {
        let e = try evaluate(tsv: """
        项目名称\t测试
        一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t得分
        产出指标\t数量指标\t人数\t1、完成 ☑ 2、未完成 ☐\t10人\t18
        \t\t次数\t5次\t5次\t20
        """)
        let f = try #require(e.forms.first)
        #expect(f.indicators.map(\.level3) == ["人数", "次数"])
        #expect(f.indicators[0].target?.text == "1、完成 ☑ 2、未完成 ☐")
        #expect(f.info.options.isEmpty)
        #expect(CellAccounting.lostCells(in: e).isEmpty)
    }

    @Test func textInAHeaderRowThatIsNoHeaderWordIsNamed() throws {
        let e = try evaluate(tsv: """
        项目名称\t测试\t
        一级指标\t二级指标\t三级指标\t得分\t手写批注
        产出指标\t数量指标\t人数\t18\t
        """)
        #expect(named(e, row: 1, column: 4)?.code == "unplaced-cell")
        #expect(named(e, row: 1, column: 0) == nil)
        #expect(CellAccounting.lostCells(in: e).isEmpty)
    }

    @Test func aSecondTotalRowReplacesTheFirstAndTheFirstIsNamed() throws {
        let e = try evaluate(tsv: """
        项目名称\t测试\t\t
        一级指标\t二级指标\t三级指标\t得分
        产出指标\t数量指标\t人数\t18
        总分\t\t\t90
        总分\t\t\t95
        """)
        #expect(e.forms.first?.total.score?.number == 95)
        #expect(named(e, row: 3, column: 3)?.code == "unplaced-cell")
        #expect(CellAccounting.lostCells(in: e).isEmpty)
    }

    @Test func aNameGivenTwiceKeepsTheFirstAndNamesTheSecond() throws {
        let e = try evaluate(tsv: """
        项目名称\t甲项目
        主管部门\t区人社局
        主管部门\t区财政局
        一级指标\t二级指标\t三级指标\t得分
        产出指标\t数量指标\t人数\t18
        """)
        #expect(e.forms.first?.info.supervisor == "区人社局")
        #expect(named(e, row: 2, column: 1)?.code == "unplaced-cell")
        #expect(CellAccounting.lostCells(in: e).isEmpty)
    }

    @Test func anOptionPrintedAfterTheLastBoxIsNamed() throws {
        let e = try evaluate(tsv: """
        项目名称\t测试
        项目类别\t1、部门预算项目 ☑ 2、省专项 ☐ 3、中央转移支付项目
        一级指标\t二级指标\t三级指标\t得分
        产出指标\t数量指标\t人数\t18
        """)
        #expect(e.forms.first?.info.options.first?.ticked == ["部门预算项目"])
        #expect(named(e, row: 1, column: 1)?.code == "option-without-box")
    }

    @Test func aGradeInTheContinuationOfAFormIsNamedWhenTheFormKeepsAnother() throws {
        let e = try evaluate(tsv: """
        项目名称\t测试\t\t
        一级指标\t二级指标\t三级指标\t得分
        产出指标\t数量指标\t人数\t18
        评价等次\t优\t\t

        续表

        \t\t次数\t20
        评价等次\t良\t\t
        """)
        #expect(e.forms.count == 1 && e.forms.first?.grade == "优")
        let d = try #require(e.diagnostics.first { $0.code == "field-repeated" })
        #expect(d.table == 1 && d.row == 1 && d.column == 1)
        #expect(CellAccounting.lostCells(in: e).isEmpty)
    }

    /// JSON objects keep one value per key, so a label printed twice keeps both values in one entry.
    @Test func aLabelPrintedTwiceKeepsBothValues() throws {
        let e = try evaluate(tsv: """
        部门（单位）名称\t某中心
        机构名称\t支出合计
        机构名称\t固定资产合计
        一级指标\t二级指标\t三级指标\t得分
        产出指标\t数量指标\t人数\t18
        """)
        let other = try #require(e.forms.first?.info.other)
        #expect(other.map(\.label) == ["机构名称"])
        #expect(other.first?.value == "支出合计\n固定资产合计")
        #expect(CellAccounting.lostCells(in: e).isEmpty)
    }
}
