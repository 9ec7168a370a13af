// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "trainaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trainaudit", targets: ["trainaudit"]),
        .library(name: "TrainAudit", targets: ["TrainAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // libpcre2-8 through pkg-config (Debian: libpcre2-dev).
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // libxlsxwriter through pkg-config (Debian: libxlsxwriter-dev): the findings workbook.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "TrainAudit",
            dependencies: [
                "CPCRE2",
                "CXLSXWriter",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "trainaudit",
            dependencies: [
                "TrainAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Seeded generator of province-scale data with planted cases, for the benchmark.
        .executableTarget(
            name: "corpusgen",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "TrainAuditTests",
            dependencies: ["TrainAudit"]
        ),
    ]
)
