// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "selfeval",
    products: [
        .library(name: "SelfEval", targets: ["SelfEval"]),
        .executable(name: "selfeval", targets: ["selfeval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(
            name: "CZlibSystem",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "CSHA256"),
        .target(
            name: "SelfEval",
            dependencies: ["CLibXML2", "CZlibSystem", "CSHA256"]
        ),
        .executableTarget(
            name: "selfeval",
            dependencies: ["SelfEval", "CMalloc", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "SelfEvalTests",
            dependencies: ["SelfEval", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
