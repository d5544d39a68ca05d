import FuzzSupport
@testable import SelfEval

/// Opens the bytes as a DOCX package and inflates every part the reader may ask for.
@main enum FuzzZip {
    static let parts = ["_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "[Content_Types].xml"]

    static func main() {
        FuzzDriver.run { start, count in
            let data = FuzzDriver.data(start, count)
            guard var archive = try? DOCXArchive(data, file: "fuzz.docx", limits: FuzzDriver.limits) else { return 0 }
            for part in FuzzZip.parts {
                _ = try? archive.part(part)
            }
            return 0
        }
    }
}
