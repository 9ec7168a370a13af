import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

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

    /// `text` in GB18030, through iconv.
    static func gb18030(_ text: String) -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")!
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let written = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count, outLeft = outBuf.count
                _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return outBuf.count - outLeft
            }
        }
        return Array(output[..<written])
    }
}
