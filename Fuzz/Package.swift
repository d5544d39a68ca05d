// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for selfeval, kept out of the main package so that the fuzzer and
/// sanitizer flags never reach the normal build. Build and run them with `Scripts/fuzz`.
let targets = ["cells", "tsv", "markdown", "docx-xml", "zip", "pipeline"]

let package = Package(
    name: "selfeval-fuzz",
    dependencies: [.package(name: "selfeval", path: "..")],
    targets: [
        .systemLibrary(name: "CLibFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CLibFuzzer", .product(name: "SelfEval", package: "selfeval")]
        ),
    ] + targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: ["FuzzSupport", .product(name: "SelfEval", package: "selfeval")]
        )
    },
    swiftLanguageModes: [.v6]
)
