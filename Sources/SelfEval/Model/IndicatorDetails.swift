/// The fields of an indicator that most forms leave empty, kept together out of line: a table
/// of 100,000 indicator rows then holds one pointer per row for them instead of 112 bytes.
struct IndicatorDetails: Sendable, Equatable {
    var level1Note: String?
    var code: String?
    var deviation: String?
    var criteria: String?
    var explanation: String?
    var dataSource: String?
    var sharedWith: Int?
    /// Level weights `LevelWeights` cannot keep exactly, by level.
    var unpackedWeights: [Int: Double] = [:]
}
