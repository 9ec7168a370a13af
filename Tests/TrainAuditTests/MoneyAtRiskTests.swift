import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Money at risk (issue 9 §6): each finding names the payment rows it counts, and a sum
/// over unique payment rows of the JSON Lines, overall and by institution, is the
/// summary's money at risk and `rollup --by institution`'s at_risk.
struct MoneyAtRiskTests {
    static let args = ["--pack", "guyuan", "--as-of", "2026-11-23", "--min-severity", "info", "--format", "jsonl", "corpus/demo"]

    static func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// Yuan as JSON gives it (1600 or 1600.5) → fen.
    static func fen(_ v: Any?) -> Int64? {
        guard let d = (v as? NSNumber)?.doubleValue else { return nil }
        return Int64((d * 100).rounded())
    }

    @Test func uniquePaymentRowsAddUpToTheSummaryAndTheRollupByInstitution() throws {
        let cli = CommandLineTests()
        let scan = try cli.run(["scan", "--fail-on", "never"] + Self.args)
        let findings = try Self.objects(scan.stdout)
        #expect(findings.count > 60)
        // Each payment once, by (file, sheet, row); its institution is the one it was given.
        var seen = Set<String>()
        var total: Int64 = 0
        var byInstitution: [String: Int64] = [:]
        for f in findings {
            let payments = try #require(f["payments"] as? [[String: Any]], "every finding has a payments array")
            if !(f["amount"] is NSNull) { #expect(!payments.isEmpty, "\(f["code"]!) has an amount and names its payment rows") }
            for p in payments {
                let key = "\(p["file"]!)|\(p["sheet"]!)|\(p["row"]!)"
                guard seen.insert(key).inserted else { continue }
                let amount = Self.fen(p["amount"]) ?? 0
                total += amount
                byInstitution[(p["institution"] as? String) ?? "", default: 0] += amount
            }
        }
        let summary = Self.matches("涉及补贴 ([0-9.]+) 元", scan.stderr)
        #expect(summary.map { Int64((Double($0)! * 100).rounded()) } == [total], "summary \(summary), payments \(total)")
        let rollup = try Self.objects(try cli.run(["rollup", "--by", "institution"] + Self.args).stdout)
        var atRisk: [String: Int64] = [:]
        for row in rollup { if let a = Self.fen(row["at_risk"]), a != 0 { atRisk[(row["unit"] as? String) ?? ""] = a } }
        #expect(atRisk == byInstitution.filter { $0.value != 0 })
        #expect(atRisk.values.reduce(0, +) == total)
        // The trainee on two institutions' rosters (DUP003 and SCH001 count the same
        // payment): it is at risk in the institution of the class it pays for only.
        let dup003 = try #require(findings.first { $0["code"] as? String == "DUP003" })
        let paid = try #require((dup003["payments"] as? [[String: Any]])?.first)
        #expect(paid["institution"] as? String == dup003["institution"] as? String)
        #expect(paid["class"] as? String == dup003["class"] as? String)
    }

    @Test func classFindingsNameTheirPaymentRows() throws {
        let cli = CommandLineTests()
        let findings = try Self.objects(try cli.run(["scan", "--fail-on", "never", "--select", "CLS001,CLS003"] + Self.args).stdout)
        #expect(findings.count == 2)
        for f in findings {
            let payments = try #require(f["payments"] as? [[String: Any]])
            #expect(!payments.isEmpty)
            #expect(payments.compactMap { Self.fen($0["amount"]) }.reduce(0, +) == Self.fen(f["amount"]))
            #expect(payments.allSatisfy { $0["class"] as? String == f["class"] as? String })
        }
    }

    @Test func aPaymentNamingNoClassGoesToTheLatestClassStartedBeforeIt() throws {
        let roster = """
        姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构
        马小军,642223199001010014,中式面点师,初级,2019-03-01,2019-03-25,1600,YZ-2019-03,甲学校
        马小军,642223199001010014,电工,初级,2019-06-01,2019-06-25,1600,YZ-2019-06,乙学校
        """
        let payments = """
        姓名,身份证号码,发放金额,发放日期,补贴项目
        马小军,642223199001010014,1600,2019-04-10,培训补贴
        马小军,642223199001010014,1600,2019-07-10,培训补贴
        马小军,642223199001010014,1600,,培训补贴
        """
        let dir = try writeTables([("roster.csv", roster), ("payments.csv", payments)])
        let data = try Engines.pack("guyuan").load([dir]).data
        let attribution = PaymentAttribution(data: data)
        let classes = data.payments.map { attribution.classID(of: $0) }
        #expect(classes == ["YZ-2019-03", "YZ-2019-06", "YZ-2019-03"])
        #expect(data.payments.map { attribution.institution(of: $0) } == ["甲学校", "乙学校", "甲学校"])
    }

    static func matches(_ pattern: String, _ text: String) -> [String] {
        MaskedOutputTests.matches(pattern, in: text, group: 1)
    }
}
