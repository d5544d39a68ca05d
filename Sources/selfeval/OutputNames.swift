import Foundation

/// The JSON file name of every input in the output directory: `<input file name>.json`, and when
/// two inputs share a file name, the later ones (in input order) get `<name>-2.json`,
/// `<name>-3.json` …, so that re-running the same command gives the same names.
struct OutputNames {
    var names: [String] = []
    /// One line per renamed input, saying which file it clashed with.
    var notes: [String] = []

    init(_ inputs: [BatchInput]) {
        var firstUser: [String: String] = [:]
        for input in inputs {
            let base = input.fileName
            var name = base + ".json"
            var n = 2
            while firstUser[name.lowercased()] != nil {
                name = "\(base)-\(n).json"
                n += 1
            }
            if n > 2, let first = firstUser[(base + ".json").lowercased()] {
                notes.append("\(input.path): note: shares the file name \(base) with \(first); written as \(name)")
            }
            firstUser[name.lowercased()] = input.path
            names.append(name)
        }
    }
}
