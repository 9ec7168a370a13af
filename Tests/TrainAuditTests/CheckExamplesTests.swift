import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Every check runs on its own examples (SwiftLint's way: the examples are the tests).
struct CheckExamplesTests {
    static let cases: [String] = AllChecks.all.flatMap { c in c.examples.indices.map { "\(c.info.code)#\($0)" } }

    @Test("check examples", arguments: cases)
    func example(_ key: String) throws {
        let parts = key.split(separator: "#")
        let check = try #require(AllChecks.check(String(parts[0])))
        let example = check.examples[Int(parts[1])!]
        let dir = try writeTables(example.tables)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let engine = try Engines.pack(example.pack)
        let result = engine.scan([dir], asOf: testToday, checks: [check])
        #expect(result.skipped.isEmpty, "\(key) \(example.name): skipped: \(result.skipped.map { $0.reason.en })")
        let mine = result.findings.filter { $0.code == check.info.code }
        #expect(mine.count == example.expected,
                "\(key) \(example.name): expected \(example.expected) finding(s), got \(mine.count): \(mine.map { $0.message.en })")
    }

    @Test func everyCheckHasTriggeringAndPassingExamples() {
        for c in AllChecks.all {
            #expect(c.examples.contains { $0.expected > 0 }, "\(c.info.code) has no triggering example")
            #expect(c.examples.contains { $0.expected == 0 }, "\(c.info.code) has no passing example")
        }
    }

    @Test func codesAreUniqueAndWellFormed() throws {
        let codes = AllChecks.all.map(\.info.code)
        #expect(Set(codes).count == codes.count)
        let shape = try Pattern("^(REG|DUP|SCH|PRX|CLS|ID|PAY|TGT|DQ)[0-9]{3}$")
        for c in codes { #expect(shape.matches(c), "\(c)") }
        for c in AllChecks.all { #expect(!c.info.source.isEmpty, "\(c.info.code) cites no source") }
    }
}
