import Foundation
import Testing
@testable import SelfEval

/// Runs the built `selfeval` executable on copies of `SampleDocs/`, as a finance bureau would
/// run it on a folder, and reads back what it wrote.
@Suite(.enabled(if: ExecutableRun.available, "build the executable first: swift build --build-tests"))
struct BatchCLITests {
    /// A folder holding the sample text exports plus `extra` files.
    private func samplesFolder(extra: [String: Data] = [:]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        for file in try sampleTextFiles() {
            try FileManager.default.copyItem(at: file, to: folder.url.appendingPathComponent(file.lastPathComponent))
        }
        for (name, data) in extra { try data.write(to: folder.url.appendingPathComponent(name)) }
        return folder
    }

    private func jsonObject(_ path: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test func oneCorruptFileDoesNotStopTheBatch() throws {
        var generator = SystemRandomNumberGenerator()
        let noise = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let input = try samplesFolder(extra: ["broken.docx": noise])
        let out = try TemporaryDirectory()
        let run = try ExecutableRun(["convert", input.url.path, "-o", out.url.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains(input.path("broken.docx") + ": error:"))
        #expect(run.stderr.contains("1 file with errors: \(input.path("broken.docx"))"))
        for file in try sampleTextFiles() {
            #expect(FileManager.default.fileExists(atPath: out.path(file.lastPathComponent + ".json")))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path("broken.docx.json")))
        for name in ["forms.csv", "indicators.csv", "funds.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.path(name)))
        }
    }

    @Test func aFileReachedByTwoPathsIsConvertedOnce() throws {
        let input = try samplesFolder()
        let file = try #require(sampleTextFiles().first).lastPathComponent
        let links = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: links.path("link.txt"), withDestinationPath: input.path(file))
        let detour = input.url.path + "/../" + input.url.lastPathComponent + "/" + file
        let out = try TemporaryDirectory()
        let run = try ExecutableRun(["convert", input.path(file), detour, links.path("link.txt"), "-o", out.url.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains(detour + ": note: given more than once; converted once"))
        #expect(run.stderr.contains(links.path("link.txt") + ": note: given more than once; converted once"))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.url.path).filter { $0.hasSuffix(".json") }
        #expect(written == [file + ".json"])
    }

    @Test func anOutputThatCannotBeWrittenFailsThatFileOnly() throws {
        let input = try samplesFolder()
        let files = try sampleTextFiles().map(\.lastPathComponent).sorted()
        let blocked = files[1]
        let out = try TemporaryDirectory()
        // A non-empty directory where the JSON file must go: the rename into place fails.
        try FileManager.default.createDirectory(atPath: out.path(blocked + ".json/kept"), withIntermediateDirectories: true)
        let run = try ExecutableRun(["convert", input.url.path, "-o", out.url.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains(out.path(blocked + ".json") + ": error: cannot be written: "))
        #expect(run.stderr.contains("1 file with errors: \(input.path(blocked))"))
        #expect(!FileManager.default.fileExists(atPath: out.path("." + blocked + ".json.partial")))
        for file in files where file != blocked {
            #expect(FileManager.default.fileExists(atPath: out.path(file + ".json")))
        }
        let indicators = try String(contentsOfFile: out.path("indicators.csv"), encoding: .utf8)
        #expect(indicators.contains(input.path(files[0])) && !indicators.contains(input.path(blocked)))
    }

    @Test func anOutputDirectoryThatCannotBeMadeSaysWhy() throws {
        let input = try samplesFolder()
        let out = try TemporaryDirectory()
        try Data("x".utf8).write(to: out.url.appendingPathComponent("file"))
        let onFile = try ExecutableRun(["convert", input.url.path, "-o", out.path("file")])
        #expect(onFile.status == 1)
        #expect(onFile.stderr.contains(out.path("file") + ": error: cannot create the output directory: File exists"))
        let underFile = try ExecutableRun(["convert", input.url.path, "-o", out.path("file/deeper")])
        #expect(underFile.status == 1)
        #expect(underFile.stderr.contains(out.path("file/deeper") + ": error: cannot create the output directory: Not a directory"))
        let fresh = try ExecutableRun(["convert", input.url.path, "-o", out.path("a/b/c")])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.path("a/b/c/forms.csv")))
    }

    @Test func csvSheetsHoldTheSameValuesAsTheJSON() throws {
        let out = try TemporaryDirectory()
        let files = try sampleTextFiles().map(\.path)
        let run = try ExecutableRun(["convert"] + files + ["-o", out.url.path, "--headers", "en", "--no-bom", "--format", "json,csv", "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let indicators = try StrictCSVParser.table(String(contentsOfFile: out.path("indicators.csv"), encoding: .utf8))
        let forms = try StrictCSVParser.table(String(contentsOfFile: out.path("forms.csv"), encoding: .utf8))
        let lines = try String(contentsOfFile: out.path("forms.jsonl"), encoding: .utf8).split(separator: "\n")
        var indicatorRow = 0, formRow = 0
        for file in files {
            let document = try jsonObject(out.path((file as NSString).lastPathComponent + ".json"))
            let jsonForms = try #require(document["forms"] as? [[String: Any]])
            for (formIndex, form) in jsonForms.enumerated() {
                let csvForm = try #require(forms.count > formRow ? forms[formRow] : nil)
                #expect(csvForm["file"] == file && csvForm["formIndex"] == String(formIndex))
                #expect(csvForm["kind"] == form["kind"] as? String)
                let total = (form["total"] as? [String: Any])?["score"] as? [String: Any]
                #expect(csvForm["totalScore"] == (total?["number"] as? NSNumber).map { CSVNumber.text($0.doubleValue) } ?? "")
                let line = try #require(JSONSerialization.jsonObject(with: Data(lines[formRow].utf8)) as? [String: Any])
                #expect(line["file"] as? String == file && line["formIndex"] as? Int == formIndex)
                formRow += 1
                for (index, indicator) in (form["indicators"] as? [[String: Any]] ?? []).enumerated() {
                    let row = try #require(indicators.count > indicatorRow ? indicators[indicatorRow] : nil)
                    indicatorRow += 1
                    #expect(row["file"] == file && row["formIndex"] == String(formIndex) && row["indicatorIndex"] == String(index))
                    #expect(row["level3"] == (indicator["level3"] as? String ?? ""))
                    let score = (indicator["score"] as? [String: Any])?["number"] as? NSNumber
                    #expect(row["score"] == score.map { CSVNumber.text($0.doubleValue) } ?? "")
                    let target = indicator["target"] as? [String: Any]
                    #expect(row["targetText"] == (target?["text"] as? String ?? ""))
                    #expect(row["targetUnit"] == (target?["unit"] as? String ?? ""))
                }
            }
        }
        #expect(indicatorRow == indicators.count && indicatorRow > 100)
        #expect(formRow == forms.count && formRow == lines.count)
    }

    @Test func defaultCSVHasByteOrderMarkChineseHeadersAndCRLF() throws {
        let out = try TemporaryDirectory()
        let run = try ExecutableRun(["convert", TestPaths.sample("000_5320e8de541ccc4b.txt"), "-o", out.url.path])
        #expect(run.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: out.path("indicators.csv")))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("文件,表序号,类型,年度,项目名称,单位名称,"))
        #expect(text.contains("三级指标") && text.hasSuffix("\r\n"))
        #expect(try StrictCSVParser.parse(text).count == 1 + 36)
    }

    @Test func schemaCommandPrintsTheCommittedFile() throws {
        let run = try ExecutableRun(["schema"])
        #expect(run.status == 0)
        #expect(run.stdout == (try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("schema/selfeval.schema.json"))))
    }

    @Test(.enabled(if: Python.hasJSONSchema, "python3 with jsonschema is missing (Scripts/setup installs it)"))
    func everySampleOutputValidatesAgainstTheSchema() throws {
        let out = try TemporaryDirectory()
        let run = try ExecutableRun(["convert", TestPaths.sampleDocs.path, "-o", out.url.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let script = """
        import glob, json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        files = sorted(glob.glob(sys.argv[2] + "/*.json"))
        bad = 0
        for path in files:
            document = json.load(open(path, encoding="utf-8"))
            for error in validator.iter_errors(document):
                bad += 1
                print(path, list(error.absolute_path), error.message[:300])
            if not document["forms"] or not document["forms"][0]["indicators"]:
                continue
            broken = json.loads(json.dumps(document))
            broken["forms"][0]["indicators"][0]["target"] = {"number": 1}
            broken["forms"][0]["kind"] = "survey"
            if validator.is_valid(broken):
                bad += 1
                print(path, "a broken document passed")
        print(len(files), "documents,", bad, "problems")
        sys.exit(1 if bad or not files else 0)
        """
        let check = try PythonRun(["-c", script, TestPaths.packageRoot.appendingPathComponent("schema/selfeval.schema.json").path, out.url.path])
        #expect(check.status == 0, "\(check.output)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.url.path).filter { $0.hasSuffix(".json") }.count
        #expect(written >= (try sampleTextFiles().count))
        #expect(check.output.contains("\(written) documents, 0 problems"))
    }

    @Test func checkReportsTheFailingTotalAndExitsOne() throws {
        let run = try ExecutableRun(["check", TestPaths.sample("000_5320e8de541ccc4b.txt")])
        #expect(run.status == 1)
        #expect(run.output.contains(": form 1 (城乡居保参保乡镇考核): total-score: "))
        #expect(run.output.contains("(expected 75, found 85)"))
        #expect(run.output.contains("checked 5 forms in 1 file: "))
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["convert", "--format", "xml", "a.txt"], ["convert", "--jobs", "0", "a.txt"], ["convert"],
                          ["convert", "--max-input-bytes", "lots", "a.txt"], ["frobnicate"],
                          ["convert", TestPaths.sampleDocs.path]] {
            let run = try ExecutableRun(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("Error:"), "\(arguments)")
        }
    }

    @Test func strictFailsOnFailedChecks() throws {
        let file = TestPaths.sample("000_5320e8de541ccc4b.txt")
        #expect(try ExecutableRun(["convert", file]).status == 0)
        let strict = try ExecutableRun(["convert", file, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("--strict"))
    }

    @Test func outputsDoNotDependOnTheNumberOfJobs() throws {
        let one = try TemporaryDirectory(), four = try TemporaryDirectory()
        let inputs = try sampleTextFiles().map(\.path)
        let formats = ["--format", "json,jsonl,csv"]
        #expect(try ExecutableRun(["convert"] + inputs + ["-o", one.url.path, "--jobs", "1"] + formats).status == 0)
        #expect(try ExecutableRun(["convert"] + inputs + ["-o", four.url.path, "--jobs", "4"] + formats).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: one.url.path).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: four.url.path).sorted()))
        #expect(names.count == inputs.count + 4)
        for name in names {
            #expect(try Data(contentsOf: one.url.appendingPathComponent(name)) == Data(contentsOf: four.url.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func standardInputIsReadWithTheGivenFormat() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sample("000_5320e8de541ccc4b.txt")))
        let run = try ExecutableRun(["convert", "-", "--input-format", "cells"], stdin: data)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let source = try #require(document["source"] as? [String: Any])
        #expect(source["path"] as? String == "<stdin>" && source["format"] as? String == "cells")
        #expect((document["forms"] as? [Any])?.count == 5)
    }

    @Test func directoriesSkipHiddenAndLockFilesAndSharedNamesAreNumbered() throws {
        let input = try TemporaryDirectory()
        let sample = URL(fileURLWithPath: TestPaths.sample("004_6177011436b552d0.txt"))
        for path in ["a/form.txt", "b/form.txt", ".hidden/x.txt", "a/.y.txt", "a/~$form.docx", "a/notes.pdf"] {
            try FileManager.default.createDirectory(at: input.url.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: sample, to: input.url.appendingPathComponent(path))
        }
        let out = try TemporaryDirectory()
        let run = try ExecutableRun(["convert", input.url.path, "-o", out.url.path, "--format", "json,jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.url.path).sorted() == ["form.txt-2.json", "form.txt.json", "forms.jsonl"])
        #expect(run.stderr.contains("b/form.txt: note: shares the file name form.txt with "))
        let second = try jsonObject(out.path("form.txt-2.json"))
        #expect((second["source"] as? [String: Any])?["path"] as? String == input.path("b/form.txt"))
        #expect(run.stderr.contains("converted 2 of 2 files"))
    }
}
