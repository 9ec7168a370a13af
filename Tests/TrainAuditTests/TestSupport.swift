import Foundation
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Paths inside the repository, from this file's place in it.
enum Repo {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var rules: String { root.appendingPathComponent("rules").path }
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Engines per pack, loaded once.
enum Engines {
    nonisolated(unsafe) private static var cache: [String: Engine] = [:]
    private static let lock = NSLock()

    static func pack(_ name: String) throws -> Engine {
        lock.lock()
        defer { lock.unlock() }
        if let e = cache[name] { return e }
        let e = try Engine(rulesDirectory: Repo.rules, pack: name)
        cache[name] = e
        return e
    }
}

/// Writes CSV texts into a fresh temporary folder and returns it. A U+FFFF in a text (a
/// noncharacter no real table holds) is written as the byte 0xFF, which is never valid
/// UTF-8: a damaged byte.
func writeTables(_ tables: [(file: String, csv: String)]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trainaudit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for t in tables {
        var bytes: [UInt8] = []
        for scalar in t.csv.unicodeScalars {
            if scalar == "\u{FFFF}" { bytes.append(0xFF) } else { bytes.append(contentsOf: String(scalar).utf8) }
        }
        try Data(bytes).write(to: dir.appendingPathComponent(t.file))
    }
    return dir.path
}

/// The fixed "today" of tests, so checks that compare with now are deterministic.
let testToday = Day(year: 2026, month: 11, day: 23)!
