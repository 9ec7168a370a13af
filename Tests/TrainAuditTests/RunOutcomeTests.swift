import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Nothing counted twice, and a run that could not do its job says so (issue 9 §5, §8).
struct RunOutcomeTests {
    let cli = CommandLineTests()
    let line = "马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01"

    @Test func aCopiedLedgerIsReadOnceAndReported() throws {
        let payments = "身份证号码,姓名,发放金额,发放日期,补贴项目,班级编号\n640422199001010017,马小军,1600,2019-04-15,培训补贴,XJ-2019-01\n"
        let dir = try writeTables([("台账.csv", "\(rosterHeader)\n\(line)\n"), ("发放明细.csv", payments),
                                   ("发放明细 - 副本.csv", payments)])
        let sub = dir + "/再次导出"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        try payments.write(toFile: sub + "/发放.csv", atomically: true, encoding: .utf8)
        // The folder, and one of its files again by name.
        let result = try Engines.pack("guyuan").scan([dir, dir + "/台账.csv"], asOf: testToday)
        #expect(result.data.payments.count == 1)
        #expect(result.data.enrollments.count == 1)
        #expect(result.findings.filter { $0.code == "DUP004" }.isEmpty)
        let copies = result.findings.filter { $0.code == "DQ011" }
        #expect(copies.count == 3)
        // The first in path order is read (再次导出/发放.csv sorts first: 再 < 发); the others are copies.
        #expect(Set(copies.map { $0.evidence[0].file }) == ["发放明细 - 副本.csv", "发放明细.csv", "\(dir)/台账.csv"])
        #expect(Set(copies.map { $0.evidence[1].file }) == ["再次导出/发放.csv", "台账.csv"])
    }

    @Test func filesOfEqualSizeButOtherBytesAreBothRead() throws {
        let a = "身份证号码,姓名,发放金额,发放日期,补贴项目,班级编号\n640422199001010017,马小军,1600,2019-04-15,培训补贴,XJ-2019-01\n"
        let b = a.replacingOccurrences(of: "1600", with: "1200")
        #expect(a.utf8.count == b.utf8.count)
        let dir = try writeTables([("a.csv", a), ("b.csv", b)])
        let run = try Engines.pack("national").load([dir])
        #expect(run.data.payments.count == 2)
        #expect(run.reports.allSatisfy { $0.copyOf == nil })
    }

    @Test func aLedgerWithoutAnIDColumnIsAHighFindingThatNamesTheAlias() throws {
        let dir = try writeTables([("台账.csv", "姓名,公民身份证件号,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号\n马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01\n")])
        let r = try cli.run(["scan", "--format", "jsonl", "--as-of", "2026-11-23", dir])
        let dq1 = r.stdout.split(separator: "\n").filter { $0.contains("\"code\":\"DQ001\"") }
        #expect(dq1.count == 1)
        #expect(dq1.first?.contains("\"severity\":\"high\"") == true)
        #expect(dq1.first?.contains("roster → id_number") == true)
        #expect(dq1.first?.contains("公民身份证件号") == true)
        // No line has a readable ID: the run could not do its job.
        #expect(r.status == 2)
        #expect(r.stderr.contains("没有一个可读的身份证号"))
    }

    @Test func headerOnlyTablesAreExitTwo() throws {
        let dir = try writeTables([("台账.csv", "\(rosterHeader)\n合计,,,,,0,0,\n")])
        let r = try cli.run(["scan", "--format", "jsonl", "--as-of", "2026-11-23", dir])
        #expect(r.status == 2)
        #expect(r.stderr.contains("都只有表头"))
        #expect(r.stdout.contains("\"code\":\"DQ010\""))
    }

    @Test func reviewChecksSeeEveryOtherFindingWhenSelectedAlone() throws {
        // TGT001 needs the REG001 finding about 白雪 even when only TGT001 is selected.
        let tables = [TargetExamples.targets(3), TargetExamples.roster(3), ("registry.csv", """
            县(市、区、旗),户编号,姓名,证件号码,与户主关系
            西吉县,H001,马小军,640422199001010017,户主
            西吉县,H002,李梅,642223198802020023,户主
            """)]
        let dir = try writeTables(tables)
        let engine = try Engines.pack("guyuan")
        let alone = engine.scan([dir], asOf: testToday, checks: [TargetMetWithFlaggedTrainees()])
        #expect(alone.findings.map(\.code) == ["TGT001"])
        #expect(alone.findings.first?.message.zh.contains("剔除 1 名") == true)
        let all = engine.scan([dir], asOf: testToday)
        #expect(all.findings.filter { $0.code == "TGT001" }.map(\.fingerprint) == alone.findings.map(\.fingerprint))
    }

    @Test func theAssessmentScoreFollowsSeed000() {
        // 完成年度目标任务的计80分，每减少1个百分点扣1分.
        #expect(TargetAssessment.score(460, of: 460) == 80)
        #expect(TargetAssessment.score(500, of: 460) == 80)
        #expect(abs(TargetAssessment.score(436, of: 460) - (80 - (100 - 43600.0 / 460))) < 1e-9)
        #expect(TargetAssessment.show(TargetAssessment.score(436, of: 460)) == "74.8")
        #expect(TargetAssessment.score(10, of: 460) == 0)
        #expect(TargetAssessment.countyKey("西吉县") == TargetAssessment.countyKey("西吉"))
        #expect(TargetAssessment.countyKey("原州区") == "原州")
    }
}
