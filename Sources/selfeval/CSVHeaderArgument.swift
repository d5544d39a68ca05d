import ArgumentParser
import SelfEval

/// `--headers zh|en`.
extension CSVHeaderLanguage: ExpressibleByArgument {}
