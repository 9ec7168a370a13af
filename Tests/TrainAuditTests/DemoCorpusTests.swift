import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// The demo county (corpus/demo): every planted case in expected.jsonl is found, and
/// nothing at medium or above is flagged beyond them. expected.jsonl was written by the
/// corpus generator as it planted the cases (corpus/make_demo.py), not from a run.
struct DemoCorpusTests {
    struct Expected {
        let json: [String: Any]
        var code: String { json["code"] as? String ?? "" }
        var line: String

        /// Whether `f` is the finding this line describes: same code, and the person,
        /// class, file, sheet and row where the line gives them.
        func matches(_ f: Finding) -> Bool {
            guard f.code == code else { return false }
            let persons = (json["persons"] as? [String]) ?? []
            // A table-quality finding groups rows without naming a person: its row identifies it.
            let locatedByRow = f.person == nil && json["row"] != nil
            if let person = json["person"] as? String, !locatedByRow {
                let id = f.person?.id
                if !(id == person || (id != nil && persons.contains(id!)) || (id == nil && !persons.isEmpty)) { return false }
            }
            let classes = (json["classes"] as? [String]) ?? []
            if let c = json["class"] as? String, let fc = f.classID, fc != c, !classes.contains(fc) { return false }
            if let file = json["file"] as? String {
                let ev = f.evidence.filter { ($0.file as NSString).lastPathComponent == file }
                if ev.isEmpty { return false }
                if let sheet = json["sheet"] as? String, !ev.contains(where: { $0.sheet == sheet }) { return false }
                if let row = json["row"] as? Int, !ev.contains(where: { $0.row == row }) { return false }
            }
            return true
        }
    }

    static func load() throws -> (expected: [Expected], findings: [Finding]) {
        let text = try String(contentsOfFile: Repo.path("corpus/demo/expected.jsonl"), encoding: .utf8)
        let expected = try text.split(separator: "\n").map { line in
            Expected(json: try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any], line: String(line))
        }
        let result = try Engines.pack("guyuan").scan([Repo.path("corpus/demo")], asOf: testToday)
        return (expected, result.findings)
    }

    @Test func everyPlantedCaseIsFound() throws {
        let (expected, findings) = try Self.load()
        #expect(expected.count > 40)
        for e in expected {
            #expect(findings.contains(where: e.matches), "not found: \(e.line)")
        }
    }

    /// One institution sends its ledger as Excel 97-2003 .xls (issue 14): its trainees are
    /// read from it, with its sheet and rows as evidence.
    @Test func theInstitutionsXLSLedgerIsRead() throws {
        let (_, findings) = try Self.load()
        let xls = "宁夏卫安保安服务有限公司2019年培训台账.xls"
        let reg003 = findings.first { $0.code == "REG003" && $0.classID == "XJ-2019-15" }
        #expect(reg003?.evidence.contains {
            ($0.file as NSString).lastPathComponent == xls && $0.sheet == "保安员班" && $0.row == 5
        } == true)
        #expect(findings.contains { $0.code == "SCH008" && $0.classID == "XJ-2019-15" })
    }

    @Test func nothingElseAtMediumOrAbove() throws {
        let (expected, findings) = try Self.load()
        for f in findings where f.severity >= .medium {
            #expect(expected.contains { $0.matches(f) },
                    "unexpected \(f.code) \(f.severity.name): \(f.message.en) \(f.evidence.first?.label ?? "")")
        }
    }
}
