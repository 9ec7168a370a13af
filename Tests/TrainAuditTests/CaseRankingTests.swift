import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Related findings are one case and ranking ranks cases (issue 9 §6).
struct CaseRankingTests {
    static func finding(_ code: String, _ severity: Severity, confidence: Double, person: String? = nil,
                        classID: String? = nil, file: String = "a.csv", row: Int = 1) -> Finding {
        Finding(code: code, severity: severity, title: Localized(zh: code, en: code), message: Localized(zh: code, en: code),
                subject: "\(code)|\(person ?? "")|\(classID ?? "")|\(row)", evidence: [SourceRef(file: file, row: row)],
                confidence: confidence, person: person.map { PersonRef(id: $0, name: "某人") }, classID: classID)
    }

    @Test func theKeyIsThePersonElseTheClassElseTheTableElseTheFinding() {
        let ranked = Ranking.rank([
            Self.finding("REG001", .high, confidence: 1, person: "640422199001010017", classID: "XJ-1"),
            Self.finding("CLS001", .high, confidence: 1, classID: "XJ-1"),
            Self.finding("DQ002", .low, confidence: 1, file: "发放.csv"),
            Self.finding("DUP005", .high, confidence: 1),
        ])
        let keys = Dictionary(uniqueKeysWithValues: ranked.map { ($0.code, $0.caseKey) })
        #expect(keys["REG001"] == "person:640422199001010017")
        #expect(keys["CLS001"] == "class:XJ-1")
        #expect(keys["DQ002"] == "file:发放.csv")
        #expect(keys["DUP005"] == "finding:" + ranked.first { $0.code == "DUP005" }!.fingerprint)
    }

    @Test func casesRankByTheirBestFindingAndStayTogether() {
        let a = "640422199001010017", b = "640422199001010025"
        let ranked = Ranking.rank([
            Self.finding("PAY005", .medium, confidence: 1, person: a),            // 30
            Self.finding("REG002", .critical, confidence: 0.9, person: b),       // 54
            Self.finding("REG003", .medium, confidence: 0.8, person: b),         // 24
            Self.finding("SCH001", .high, confidence: 1, person: a, row: 2),     // 48
        ])
        #expect(ranked.map(\.code) == ["REG002", "REG003", "SCH001", "PAY005"])
    }

    @Test func aDataQualityCaseRanksBelowFraudOfTheSameOrHigherSeverity() {
        let ranked = Ranking.rank([
            Self.finding("ID008", .high, confidence: 1, person: "640422199001010017"),   // 48, high: as any other
            Self.finding("PRX001", .high, confidence: 0.6, classID: "XJ-2"),             // 28.8
            Self.finding("ID001", .medium, confidence: 1, person: "640422199001010033"), // 30, data quality
            Self.finding("TGT002", .low, confidence: 1, file: "t.xlsx"),                 // 15
            Self.finding("REG005", .medium, confidence: 0.4, person: "640422199001010025"), // 12
        ])
        // ID008 (one ID under other names, high) keeps its place by score; ID001 (medium) goes
        // after the medium REG005, so below the low TGT002 that outscores REG005.
        #expect(ranked.map(\.code) == ["ID008", "PRX001", "TGT002", "REG005", "ID001"])
    }

    @Test func theOrderIsTheSameWhateverTheChecksReturnedFirst() {
        var findings = (0..<40).map { i in
            Self.finding(["REG001", "ID001", "DQ002", "SCH001", "PRX005"][i % 5], Severity.allCases[i % 5],
                         confidence: Double(i % 3 + 1) / 3, person: i % 4 == 0 ? nil : "6404221990010100\(i % 7)",
                         classID: i % 2 == 0 ? "XJ-\(i % 3)" : nil, row: i)
        }
        let once = Ranking.rank(findings).map(\.fingerprint)
        var generator = SplitMix64(seed: 7)
        for _ in 0..<5 {
            findings.shuffle(using: &generator)
            #expect(Ranking.rank(findings).map(\.fingerprint) == once)
        }
    }

    @Test func theDemoComesOutCaseByCaseWithTheBaselineFingerprints() throws {
        let cli = CommandLineTests()
        let r = try cli.run(cli.demo + ["--min-severity", "info", "--fail-on", "never"])
        let findings = try MoneyAtRiskTests.objects(r.stdout)
        var closed = Set<String>(), current = ""
        for f in findings {
            let key = try #require(f["case"] as? String)
            if key != current {
                #expect(!closed.contains(key), "case \(key) is contiguous")
                closed.insert(current)
                current = key
            }
            if let id = (f["person"] as? [String: Any])?["id"] as? String { #expect(key == "person:" + id) }
        }
        // A typo is one case, and one finding: its right ID is inferred from the registry
        // (IDRepair), so it is no longer also "not in the registry" and a ghost trainee.
        let typo = findings.filter { $0["case"] as? String == "person:640422199607027777" }.compactMap { $0["code"] as? String }
        #expect(typo == ["ID001"])
        // It names the ID inferred for it.
        let inferred = findings.filter { ($0["message"] as? String)?.contains("系推定：640422199607026777") == true }
        #expect(inferred.contains { $0["code"] as? String == "ID001" })
        // No data-quality case above a case with a substantive finding of its severity or higher.
        // (Data quality: ID and DQ codes below high; ID008, one ID under other names, is high.)
        let ranks: [Severity] = [.medium, .low, .info]
        for level in ranks {
            let substantive = findings.lastIndex { f in
                let code = f["code"] as! String, severity = Severity(name: f["severity"] as! String)!
                return (!(code.hasPrefix("ID") || code.hasPrefix("DQ")) || severity >= .high) && severity >= level
            }
            let dataQuality = findings.firstIndex { f in
                let key = f["case"] as! String
                let members = findings.filter { $0["case"] as? String == key }
                return members.allSatisfy { ($0["code"] as! String).hasPrefix("ID") || ($0["code"] as! String).hasPrefix("DQ") }
                    && members.contains { Severity(name: $0["severity"] as! String)! == level }
                    && members.allSatisfy { Severity(name: $0["severity"] as! String)! <= level }
            }
            if let s = substantive, let d = dataQuality { #expect(d > s, "\(level.name): data quality at \(d), substantive at \(s)") }
        }
    }
}
