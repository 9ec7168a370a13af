// swift-tools-version:6.0
// libFuzzer targets for TrainAudit's readers (see README.md). Build with
//   swift build --package-path fuzz -c release --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
// or simply `bash scripts/fuzz`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder's name, which differs between clones
// (wt-fuzz, main, a CI checkout): take it from where this manifest is.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", "CFuzzerDriver", .product(name: "TrainAudit", package: parent)],
        // GNU gold fails on these objects ("internal error in format_file_lineno");
        // the toolchain's lld links them.
        linkerSettings: [.unsafeFlags(["-use-ld=lld"])]
    )
}

let package = Package(
    name: "trainaudit-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: [.product(name: "TrainAudit", package: parent)]),
        fuzzTarget("fuzz_csv"),
        fuzzTarget("fuzz_xlsx"),
        fuzzTarget("fuzz_xls"),
        fuzzTarget("fuzz_header"),
        fuzzTarget("fuzz_rules"),
        fuzzTarget("fuzz_normalize"),
    ]
)
