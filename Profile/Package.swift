// swift-tools-version:6.0
import PackageDescription

/// A single-threaded driver of the whole pipeline for valgrind's callgrind, which dies on the
/// worker threads of `selfeval convert`. Kept out of the main package; run it with `Scripts/profile`.
let package = Package(
    name: "selfeval-profile",
    dependencies: [.package(name: "selfeval", path: "..")],
    targets: [
        .executableTarget(
            name: "profile-pipeline",
            dependencies: [.product(name: "SelfEval", package: "selfeval")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
