// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "trainaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "trainaudit", targets: ["trainaudit"]),
        .library(name: "TrainAudit", targets: ["TrainAudit", "TrainAuditCore", "TrainAuditChecks"]),
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
        // glibc's <malloc.h> (mallopt), for the executable's allocator settings; empty elsewhere.
        .systemLibrary(name: "CMalloc"),
        // The compiler's prefetch hint, for walks that jump about a big table of records.
        .systemLibrary(name: "CPrefetch"),
        // The core: ingest, normalise, typed records and their indexes, rule packs. Its
        // storage encodings are internal; what it makes public is the checks' domain view.
        .target(
            name: "TrainAuditCore",
            dependencies: [
                "CPCRE2", "CPrefetch",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The loader's per-row state lives in class properties (a sheet's recent codes and
            // names), and Swift checks every access to one at run time for overlapping
            // writes: 7 % of a load's instructions (callgrind). Release builds leave those
            // checks out (the compiler's static checks stay); debug builds and tests keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // The checks: they see the core's domain views only.
        .target(
            name: "TrainAuditChecks",
            dependencies: ["TrainAuditCore"]
        ),
        // The engine that runs the checks, the workflow on findings and the writers; it
        // re-exports the two modules below it.
        .target(
            name: "TrainAudit",
            dependencies: ["TrainAuditCore", "TrainAuditChecks", "CXLSXWriter"]
        ),
        .executableTarget(
            name: "trainaudit",
            dependencies: [
                "TrainAudit", "CMalloc",
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
            dependencies: ["TrainAudit", "TrainAuditCore", "TrainAuditChecks",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)
