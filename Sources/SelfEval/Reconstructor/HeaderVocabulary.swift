/// The words real forms print in their headers and labels, with the synonyms seen in the field.
/// Matching is on `LabelText.key` (compact, no parentheticals), longest word first.
enum HeaderVocabulary {
    enum IndicatorColumn: Int, CaseIterable {
        case level1, level2, level3
        /// A header over several label columns (`评价内容`): they are the levels, in order.
        case levels
        case target, targetNature, targetUnit, actual, weight, score
        case deviation, criteria, explanation, dataSource
    }

    enum FundColumn: Equatable {
        case initialBudget, annualBudget, executed, weight, executionRate, score
    }

    static let indicatorWords: [(String, IndicatorColumn)] = sortedLongestFirst([
        ("一级指标", .level1), ("二级指标", .level2), ("三级指标", .level3), ("指标名称", .level3),
        ("评价内容", .levels), ("评价指标", .levels),
        ("年度指标值", .target), ("年初目标值", .target), ("年度目标值", .target), ("指标值", .target),
        ("绩效目标", .target), ("目标值", .target), ("计划值", .target), ("预期目标值", .target), ("绩效指标值", .target),
        ("指标性质", .targetNature), ("度量单位", .targetUnit), ("计量单位", .targetUnit),
        ("实际完成值", .actual), ("全年实际完成值", .actual), ("完成值", .actual), ("完成情况", .actual),
        ("实际完成情况", .actual), ("实际完成", .actual), ("实际值", .actual),
        ("分值", .weight), ("指标分值", .weight), ("权重", .weight), ("标准分值", .weight), ("指标权重", .weight),
        ("得分", .score), ("自评得分", .score), ("评价得分", .score), ("实际得分", .score),
        ("偏差原因分析及改进措施", .deviation), ("偏差原因分析", .deviation), ("偏差原因", .deviation),
        ("扣分原因和其他说明", .deviation), ("扣分原因", .deviation), ("未完成原因分析", .deviation),
        ("评分标准", .criteria), ("指标评分细则", .criteria), ("评分细则", .criteria), ("评分方法", .criteria),
        ("指标解释", .explanation), ("指标说明", .explanation),
        ("数据来源", .dataSource), ("评价依据", .dataSource),
    ])

    static let fundWords: [(String, FundColumn)] = sortedLongestFirst([
        ("年初预算数", .initialBudget), ("全年预算数", .annualBudget), ("预算数", .annualBudget), ("调整后预算数", .annualBudget),
        ("全年执行数", .executed), ("执行数", .executed), ("实际支出数", .executed), ("决算数", .executed),
        ("分值", .weight), ("权重", .weight), ("执行率", .executionRate), ("预算执行率", .executionRate),
        ("得分", .score),
    ])

    private static let indicatorExact = WordTable(indicatorWords)
    private static let fundExact = WordTable(fundWords)

    /// The words, longest first, for the prefix/suffix scan that runs on every cell.
    private static let indicatorFraming = FramingWords(indicatorWords)
    private static let fundFraming = FramingWords(fundWords)

    /// The column a header word names: the word itself, or a short header that starts or ends with it.
    static func indicatorColumn(_ key: String) -> IndicatorColumn? {
        if let exact = indicatorExact[key] { return exact }
        guard key.utf8.count <= 14 * 3, key.scalarCount <= 14 else { return nil }
        return indicatorFraming.first(framing: key)
    }

    static func fundColumn(_ key: String) -> FundColumn? {
        if let exact = fundExact[key] { return exact }
        guard key.utf8.count <= 10 * 4, key.scalarCount <= 10 else { return nil }
        return fundFraming.first(framing: key)
    }

    /// The headers of the goals block: 预期目标 (or 年度目标) and a column starting with 实际完成.
    static let goalWords = WordSet(["预期目标", "年度目标"])
    static let goalActualPrefix = "实际完成"

    /// The edges of the words that open a block (indicator and fund headers, goals, fund
    /// sources), for `mayOpenBlock`.
    private static let blockHeaderEdges = WordEdges(indicatorWords.map(\.0) + fundWords.map(\.0)
        + ["预期目标", "年度目标", goalActualPrefix] + fundSourceDimensions)
    /// The words a block's header cell may start with at any length (`goalsHeader`, `fundSourceDimensions`).
    private static let blockPrefixEdges = WordEdges([goalActualPrefix] + fundSourceDimensions)

    /// The longest key, in bytes, that can be a header word or start or end with one where
    /// `indicatorColumn` and `fundColumn` look (14 scalars of three bytes; the words are shorter).
    static let longestFramedKey = 14 * 3

    /// False when no block header test can take the key: it is none of the words that open a
    /// block and starts and ends with none of them, or it is longer than any header these frame
    /// and starts with none of the words a header may only start with. Most cells are turned
    /// away here: each row is tested for every block's header.
    static func mayOpenBlock(_ key: String) -> Bool { mayOpenBlock(KeyEdges(ofKey: key)) }

    /// `mayOpenBlock` of the key whose edges these are, without the key.
    static func mayOpenBlock(_ edges: KeyEdges) -> Bool {
        guard let (first, last) = edges.ends else { return false }
        return edges.length > longestFramedKey
            ? blockPrefixEdges.mayStart(first: first)
            : blockHeaderEdges.mayFrame(first: first, last: last)
    }

    enum NameField { case project, unit, supervisor, implementer }

    static let nameLabels: [(String, NameField)] = sortedLongestFirst([
        ("项目名称", .project), ("项目支出名称", .project),
        ("区级预算单位名称", .unit), ("预算单位名称", .unit), ("部门(单位)名称", .unit), ("部门名称", .unit), ("单位名称", .unit),
        ("部门（单位）名称", .unit),
        ("主管部门", .supervisor), ("主管单位", .supervisor),
        ("实施单位", .implementer), ("项目实施单位", .implementer),
    ])

    private static let nameExact = WordTable(nameLabels)

    static func nameField(_ key: String) -> NameField? { nameExact[key] }

    private static let longestNameOrContactLabel = max(nameExact.longestWord, contactLabels.longestWord)

    /// `nameField(cell.key) != nil || contactLabels.contains(cell.key)`, without making the key
    /// of a cell too long to be any of the labels.
    static func isNameOrContactLabel(_ cell: GridRow.Cell) -> Bool {
        cell.keyEdges.length <= longestNameOrContactLabel && (nameField(cell.key) != nil || contactLabels.contains(cell.key))
    }

    /// Contact and sign-off labels read as key/value pairs wherever they stand in a form.
    static let contactLabels = WordSet([
        "联系人", "联系电话", "联络电话", "填报人", "负责人", "项目负责人", "财务负责人", "审核人", "单位负责人",
        "填报日期", "人员编制", "实有人数", "编制人数", "预算编码",
    ])

    /// Words that structure a form (block labels, header words, total and grade labels) rather
    /// than hold its data.
    static func isStructural(_ key: String) -> Bool {
        if indicatorColumn(key) != nil || fundColumn(key) != nil || nameField(key) != nil { return true }
        if totalLabels.contains(key) || gradeLabels.contains(key) || noteLabels.contains(where: { key.hasPrefixBytes($0) }) { return true }
        return blockLabels.contains { key.containsBytes($0) }
    }

    static let blockLabels = ["绩效指标", "项目资金", "预算执行情况", "预算申请", "整体支出", "年度总体目标", "预期目标", "年度目标", "实际完成", "按收入性质分", "按支出性质分", "其中"]

    static let totalLabels = WordSet(["总分", "合计", "总计", "绩效自评综合得分", "综合得分", "自评总分", "得分合计", "总得分", "自评得分"])
    static let gradeLabels = WordSet(["评价等次", "评价等级", "自评等级", "自评等次", "绩效等级", "等级", "等次"])
    static let noteLabels: [String] = [
        "偏差大或目标未完成原因分析", "改进措施及结果应用方案", "偏差原因分析及改进措施", "存在的问题及改进措施",
        "存在问题", "改进措施", "原因分析", "备注", "说明",
    ]
    static let fundSourceDimensions = ["按收入性质分", "按支出性质分"]

    static func fundRole(_ key: String) -> FundLine.Role {
        // Keys are NFC: byte search finds what `contains` would.
        if key.containsBytes("当年") || key.containsBytes("财政拨款") { return .currentYear }
        if key.containsBytes("结转") || key.containsBytes("结余") { return .carryover }
        if key.containsBytes("总额") || key.containsBytes("合计") || key.containsBytes("总计") { return .total }
        return .other
    }

    private static func sortedLongestFirst<T>(_ words: [(String, T)]) -> [(String, T)] {
        words.sorted { $0.0.count > $1.0.count }
    }
}
