import Testing
@testable import SelfEval

/// Small grids for each reconstruction rule, through the same path a real file takes.
@Suite struct ReconstructorTests {
    func forms(tsv: String) throws -> Evaluation {
        Converter().evaluate(try read(tsv, format: .tsv))
    }

    @Test func dataRowsOneSlotRightOfTheHeaderAreRealigned() throws {
        let e = try forms(tsv: """
        项目名称\t\t测试项目\t\t\t\t\t\t\t
        绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\t
        \t产出指标\t数量指标\t参保人数\t\t98%\t97%\t20\t18\t无
        \t\t质量指标\t完成率\t\t99%\t99%\t20\t20\t无
        """)
        let f = try #require(e.forms.first)
        #expect(f.indicators.map(\.level3) == ["参保人数", "完成率"])
        #expect(f.indicators[0].target?.number == 98 && f.indicators[0].actual?.number == 97)
        #expect(f.indicators[0].weight?.number == 20 && f.indicators[0].score?.number == 18)
        #expect(f.indicators[1].level1 == "产出指标")
        #expect(e.diagnostics.contains { $0.code == "columns-realigned" })
    }

    @Test func aGroupHeaderWidensOverTheLabelColumns() throws {
        let e = try forms(tsv: """
        部门（单位）名称\t某中心
        整体支出绩效定量目标\t评价内容\t绩效目标\t完成情况
        \t产出目标\t质量指标\t达到质量标准的比\t100%
        \t\t数量指标\t完成数的比\t95%
        """)
        let f = try #require(e.forms.first)
        #expect(f.kind == .departmentOverall)
        #expect(f.indicators.map(\.level2) == ["质量指标", "数量指标"])
        #expect(f.indicators.allSatisfy { $0.level1 == "产出目标" && $0.level3 == nil })
        #expect(f.indicators.map { $0.actual?.text } == ["100%", "95%"])
    }

    @Test func placeholderRowsAreReportedNotCounted() throws {
        let e = try forms(tsv: """
        项目名称\t测试
        一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分
        产出指标(50分)\t数量指标\t人数\t10人\t10人\t50\t50
        \t\t……\t\t\t\t
        \t质量指标\t\t\t\t\t
        \t\t指标1\t\t\t\t
        """)
        let f = try #require(e.forms.first)
        #expect(f.indicators.count == 1)
        #expect(e.diagnostics.filter { $0.code == "placeholder-row" }.count == 3)
        #expect(f.indicators[0].level1Weight == 50)
    }

    @Test func aLabelInThe二级ColumnWithValuesButNo三级IsThe三级() throws {
        let e = try forms(tsv: """
        项目名称\t测试
        一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值\t得分
        效益指标 (40分)\t开展年审工作\t\t年审300家\t100\t8
        """)
        let i = try #require(e.forms.first?.indicators.first)
        #expect(i.level3 == "开展年审工作" && i.level2 == nil && i.target?.text == "年审300家")
        #expect(e.diagnostics.contains { $0.code == "label-shifted" })
    }

    @Test func aWeightCellMergedOverRowsIsSharedNotCopied() throws {
        var b = GridBuilder()
        try b.addRow([.init(text: "项目名称"), .init(text: "测试", colSpan: 5)])
        try b.addRow(["一级指标", "二级指标", "三级指标", "实际完成值", "分值", "得分"].map { .init(text: $0) })
        try b.addRow([.init(text: "产出指标", rowSpan: 2), .init(text: "数量指标", rowSpan: 2), .init(text: "甲"), .init(text: "1"),
                      .init(text: "20", rowSpan: 2), .init(text: "18", rowSpan: 2)])
        try b.addRow([.init(text: "乙"), .init(text: "2")])
        var doc = SourceDocument(source: SourceInfo(path: "t.docx", format: .docx, encoding: nil, bytes: 0, sha256: ""))
        doc.append(table: b.build(location: .paragraph(0)))
        let f = try #require(Converter().evaluate(doc).forms.first)
        #expect(f.indicators.count == 2)
        #expect(f.indicators[1].level1 == "产出指标" && f.indicators[1].level2 == "数量指标")
        #expect(f.indicators[1].weight == nil && f.indicators[1].sharedWith == 0)
    }

    @Test func aHeaderRepeatedAtAPageBreakIsDropped() throws {
        let e = try forms(tsv: """
        项目名称\t测试
        一级指标\t二级指标\t三级指标\t分值\t得分
        投入\t预算\t甲\t5\t5
        一级指标\t二级指标\t三级指标\t分值\t得分
        过程\t执行\t乙\t3\t3
        总分\t\t\t8\t8
        """)
        let f = try #require(e.forms.first)
        #expect(f.indicators.map(\.level3) == ["甲", "乙"])
        #expect(f.total.score?.number == 8 && f.total.weight?.number == 8)
        #expect(f.checks.first { $0.rule == "total-score" }?.status == .pass)
        #expect(e.diagnostics.contains { $0.code == "repeated-header" })
    }

    @Test func aTableUnder续表JoinsTheFormBeforeIt() throws {
        let e = try forms(tsv: """
        # 项目支出绩效自评表
        项目名称\t测试
        一级指标\t二级指标\t三级指标\t分值\t得分
        产出指标\t数量指标\t甲\t5\t5

        续表

        一级指标\t二级指标\t三级指标\t分值\t得分
        \t\t乙\t3\t3
        总分\t\t\t8\t8
        """)
        #expect(e.forms.count == 1)
        let f = try #require(e.forms.first)
        #expect(f.tables == [0, 1])
        #expect(f.indicators.map(\.level3) == ["甲", "乙"])
        #expect(f.indicators[1].level1 == "产出指标")
    }

    @Test func aTargetSplitIntoNatureValueAndUnitIsOneValue() throws {
        var b = GridBuilder()
        try b.addRow([.init(text: "项目名称"), .init(text: "测试", colSpan: 6)])
        try b.addRow([.init(text: "一级指标", rowSpan: 2), .init(text: "二级指标", rowSpan: 2), .init(text: "三级指标", rowSpan: 2),
                      .init(text: "年度指标值", colSpan: 3), .init(text: "实际完成值", rowSpan: 2)])
        try b.addRow(["指标性质", "指标值", "度量单位"].map { .init(text: $0) })
        try b.addRow(["产出指标", "数量指标", "人数", "≥", "95", "%", "96%"].map { .init(text: $0) })
        var doc = SourceDocument(source: SourceInfo(path: "t.docx", format: .docx, encoding: nil, bytes: 0, sha256: ""))
        doc.append(table: b.build(location: .paragraph(0)))
        let t = try #require(Converter().evaluate(doc).forms.first?.indicators.first?.target)
        #expect(t.text == "≥95%" && t.number == 95 && t.unit == "%" && t.comparator == "≥")
    }

    @Test func namesOptionsFundsGoalsAndNotes() throws {
        let e = try forms(tsv: """
        ## 2021年度测试局项目绩效自评表
        填报日期：2022. 3. 5
        项目名称\t某项目
        主管部门\t甲局\t实施单位\t乙中心
        项目类别\t1、部门预算项目 <input checked type="checkbox"/> 2、省专项 <input type="checkbox"/>
        预算执行情况 (万元) (20分)\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t得分
        \t年度财政资金总额\t65\t53.132\t82%\t16.35
        年度总体目标\t预期目标\t实际完成情况
        \t目标一\t完成一
        一级指标\t二级指标\t三级指标\t分值\t得分
        产出指标\t数量指标\t甲\t80\t80
        总分\t96.35
        偏差大或目标未完成原因分析\t无
        联系人\t张三
        """)
        let f = try #require(e.forms.first)
        #expect(f.year == 2021 && f.filledDate == "2022-03-05")
        #expect(f.info.projectName == "某项目" && f.info.supervisor == "甲局" && f.info.implementer == "乙中心")
        #expect(f.info.unitName == "测试局")
        #expect(f.info.options.first?.label == "项目类别" && f.info.options.first?.ticked == ["部门预算项目"])
        let line = try #require(f.funds.first)
        #expect(line.role == .total && line.annualBudget?.number == 65 && line.weight?.number == 20 && line.score?.number == 16.35)
        #expect(f.goals == [Goal(expected: "目标一", actual: "完成一")])
        #expect(f.notes.first?.label == "偏差大或目标未完成原因分析" && f.notes.first?.text == "无")
        #expect(f.info.other.contains { $0.label == "联系人" && $0.value == "张三" })
        #expect(f.checks.first { $0.rule == "execution-rate" }?.status == .pass)
        #expect(f.checks.first { $0.rule == "execution-score" }?.status == .pass)
        #expect(f.checks.first { $0.rule == "total-score" }?.status == .pass)
    }

    @Test func aTableThatIsNoFormStaysATable() throws {
        let e = try forms(tsv: """
        标题序号\t问题内容\t选项内容\t标准分值
        1\t您认为该部门如何？\tA.好\t10
        """)
        #expect(e.forms.isEmpty)
        #expect(e.tables.count == 1)
        #expect(e.diagnostics.contains { $0.code == "not-a-form" })
    }

    @Test func aSingleRowOneSlotOffIsMovedBack() throws {
        let e = try forms(tsv: """
        项目名称\t测试
        一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分
        产出指标\t数量指标\t甲\t1\t1\t10\t10
        \t质量指标\t\t乙\t2\t2\t10\t9
        数量指标\t丙\t3\t3\t10\t8
        """)
        let f = try #require(e.forms.first)
        #expect(f.indicators.map(\.level3) == ["甲", "乙", "丙"])
        #expect(f.indicators.map { $0.score?.number } == [10, 9, 8])
        #expect(f.indicators[1].level2 == "质量指标")
        #expect(e.diagnostics.filter { $0.code == "row-realigned" }.count == 2)
    }

    @Test func whatCannotBeReadIsSaid() throws {
        let e = try forms(tsv: """
        项目名称\t测试
        预算执行情况\t\t预算数\t执行数\t执行率\t得分
        \t年度资金总额\t十万\t5\t50%\t10
        """)
        #expect(e.forms.count == 1)
        #expect(e.diagnostics.contains { $0.code == "no-indicators" })
        let e2 = try forms(tsv: """
        项目名称\t测试
        一级指标\t二级指标\t三级指标\t分值\t得分\t神秘列
        产出指标\t数量指标\t甲\t十分\t8\t?
        """)
        #expect(e2.diagnostics.contains { $0.code == "number-unreadable" && $0.column == 3 })
        #expect(e2.diagnostics.contains { $0.code == "unplaced-cell" && $0.column == 5 })
        #expect(e2.forms.first?.indicators.first?.weight?.text == "十分")
    }

    @Test func aTableSplitAtAPageBreakWithoutItsHeaderJoinsTheForm() throws {
        let e = try forms(tsv: """
        项目名称\t测试\t\t\t
        一级指标\t二级指标\t三级指标\t分值\t得分
        产出指标\t数量指标\t甲\t5\t5

        \t质量指标\t乙\t3\t2
        总分\t\t\t8\t7
        """)
        #expect(e.forms.count == 1)
        let f = try #require(e.forms.first)
        #expect(f.tables == [0, 1])
        #expect(f.indicators.map(\.level3) == ["甲", "乙"])
        #expect(f.indicators[1].level1 == "产出指标" && f.indicators[1].level2 == "质量指标")
        #expect(f.total.score?.number == 7)
        #expect(e.diagnostics.contains { $0.code == "table-joined" })
    }
}
