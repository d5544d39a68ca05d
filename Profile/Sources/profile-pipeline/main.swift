import SelfEval

/// Converts each file given as `selfeval convert --format json,csv` would (reader, grid,
/// reconstructor, checks, JSON and the three CSV sheets), on one thread, and prints the number
/// of bytes made so that nothing is optimised away.
var produced = 0
var failed = 0
for path in CommandLine.arguments.dropFirst() {
    do {
        let evaluation = try Converter().convert(fileAt: path)
        produced += evaluation.jsonUTF8().count
        produced += FormsCSV.encodedRecordBytes(of: evaluation, file: path).count
        produced += IndicatorsCSV.encodedRecordBytes(of: evaluation, file: path).count
        produced += FundsCSV.encodedRecordBytes(of: evaluation, file: path).count
    } catch {
        failed += 1
        print(error.description)
    }
}
print("\(produced) bytes made, \(failed) failed")
