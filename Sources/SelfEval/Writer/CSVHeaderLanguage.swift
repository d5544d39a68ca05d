/// The language of the header row: Chinese words for people, stable English identifiers for
/// programs (they never change with wording preferences).
public enum CSVHeaderLanguage: String, Sendable, CaseIterable {
    case chinese = "zh"
    case english = "en"
}
