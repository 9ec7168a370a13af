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

    /// The check list is written by hand (AllChecks and each family's list): a check type
    /// left out of it would neither run nor be tested. Every type the checks module
    /// declares as a check (conforming to `Check` or a protocol refining it) must be in it.
    @Test func everyCheckTypeIsRegistered() throws {
        let folder = Repo.root.appendingPathComponent("Sources/TrainAuditChecks")
        var sources: [String] = []
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "swift" { sources.append(try String(contentsOf: url, encoding: .utf8)) }
        }
        #expect(sources.count > 50)
        let text = sources.joined(separator: "\n")
        // Protocols that refine Check (ReviewCheck, CellProblemCheck, …), then the types.
        var protocols: Set<String> = ["Check"]
        let refining = try Regex(#"protocol\s+(\w+)\s*:\s*([\w\s,&]+)\{"#)
        for m in text.matches(of: refining) {
            let parents = m.output[2].substring.map { $0.split(whereSeparator: { ",& \n".contains($0) }).map(String.init) } ?? []
            if parents.contains(where: protocols.contains), let name = m.output[1].substring { protocols.insert(String(name)) }
        }
        #expect(protocols.isSuperset(of: ["ReviewCheck", "CellProblemCheck", "IDIssueCheck"]))
        let declaration = try Regex(#"(?m)^(?:public\s+)?(?:struct|final\s+class|class|enum)\s+(\w+)\s*:\s*([\w\s,&]+)\{"#)
        var declared: Set<String> = []
        for m in text.matches(of: declaration) {
            let parents = m.output[2].substring.map { $0.split(whereSeparator: { ",& \n".contains($0) }).map(String.init) } ?? []
            if parents.contains(where: protocols.contains), let name = m.output[1].substring { declared.insert(String(name)) }
        }
        #expect(declared.count >= 55, "found \(declared.count) check types")
        let registered = Set(AllChecks.all.map { String(describing: type(of: $0)) })
        let missing = declared.subtracting(registered)
        #expect(missing.isEmpty, "check types not in AllChecks.all: \(missing.sorted())")
    }

    @Test func codesAreUniqueAndWellFormed() throws {
        let codes = AllChecks.all.map(\.info.code)
        #expect(Set(codes).count == codes.count)
        let shape = try Pattern("^(REG|DUP|SCH|PRX|CLS|ID|PAY|TGT|DQ)[0-9]{3}$")
        for c in codes { #expect(shape.matches(c), "\(c)") }
        for c in AllChecks.all { #expect(!c.info.source.isEmpty, "\(c.info.code) cites no source") }
    }
}
