import Foundation
@testable import TrainAudit

/// Fixture files written by Tests/Fixtures/ingest/make_fixtures.py.
enum IngestFixtures {
    static let folder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.lastPathComponent != "Tests" && url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("Fixtures/ingest")
    }()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// All rows of a sheet as (row number, cells).
    static func rows(_ source: any SheetSource) throws -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        try source.forEachRow { out.append(($0.number, $0.cells)); return true }
        return out
    }

    static func rawRows(_ source: any SheetSource) throws -> [RawRow] {
        var out: [RawRow] = []
        try source.forEachRow { out.append($0); return true }
        return out
    }

    /// Compares rows element by element (tuples of arrays are not Equatable).
    static func same(_ a: [(Int, [String])], _ b: [(Int, [String])]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("trainaudit-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
