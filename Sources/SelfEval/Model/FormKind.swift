/// The families of forms the model covers.
public enum FormKind: String, Sendable {
    /// 项目支出绩效自评表
    case projectExpenditure
    /// 部门整体支出绩效自评表, 部门（单位）整体支出绩效评价自评报告
    case departmentOverall
    /// 部门整体支出绩效评价指标体系 / 评分表
    case indicatorFramework
}
