import SelfEval

/// Converts a batch with at most `jobs` files in flight and hands every outcome over in input
/// order, so outputs are the same whatever finishes first. One file's error is that file's
/// outcome; it never stops the batch.
struct BatchRunner: Sendable {
    var converter: Converter
    var format: SourceFormat?
    var jobs: Int

    /// - Parameters:
    ///   - prepare: runs in the worker, beside the conversion: turn the evaluation into what
    ///     `receive` needs (rendered text, counts) so the heavy work is parallel too.
    ///   - completed: called as each file finishes, in completion order (for progress).
    ///   - receive: called once per input, in input order.
    func run<Output: Sendable>(
        _ inputs: [BatchInput],
        prepare: @escaping @Sendable (BatchInput, Evaluation) -> Output,
        completed: (_ done: Int, _ input: BatchInput) -> Void,
        receive: (_ index: Int, _ outcome: Result<Output, InputError>) -> Void
    ) async {
        let converter = self.converter, format = self.format
        // Finished outcomes wait here until every earlier input has been received; the window
        // keeps a slow early file from piling up the whole batch in memory.
        let window = max(jobs * 4, 8)
        await withTaskGroup(of: (Int, Result<Output, InputError>).self) { group in
            var next = 0, inFlight = 0, done = 0, emitted = 0
            var waiting: [Int: Result<Output, InputError>] = [:]
            func refill() {
                while next < inputs.count, inFlight < jobs, next - emitted < window {
                    let index = next, input = inputs[index]
                    group.addTask {
                        (index, Result { () throws(InputError) -> Output in
                            prepare(input, try Self.convert(input, converter: converter, format: format))
                        })
                    }
                    next += 1
                    inFlight += 1
                }
            }
            refill()
            while let (index, outcome) = await group.next() {
                inFlight -= 1
                done += 1
                // The next file starts converting before this one's outputs are written, so
                // that writing them (system calls, at one job a tenth of the time) overlaps work.
                refill()
                completed(done, inputs[index])
                waiting[index] = outcome
                while let ready = waiting.removeValue(forKey: emitted) {
                    receive(emitted, ready)
                    emitted += 1
                }
                refill()
            }
        }
    }

    private static func convert(_ input: BatchInput, converter: Converter, format: SourceFormat?) throws(InputError) -> Evaluation {
        switch input.origin {
        case .file:
            return try converter.convert(fileAt: input.path, format: format)
        case .standardInput(let data):
            let document = try DocumentReader(limits: converter.limits).read(data: data, path: input.path, format: format)
            return converter.evaluate(document)
        }
    }
}
