import ArgumentParser
import SelfEval

/// `--input-format cells|tsv|markdown|html|docx`, for standard input or files sniffing misreads.
extension SourceFormat: ExpressibleByArgument {}
