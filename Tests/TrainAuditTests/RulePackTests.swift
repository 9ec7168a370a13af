import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

struct RulePackTests {
    /// A folder holding the given packs.
    func packs(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name + ".yaml"), atomically: true, encoding: .utf8) }
        return dir.path
    }

    @Test func guyuanInheritsFromNingxiaAndNational() throws {
        let s = try RulePack.load("guyuan", directory: Repo.rules)
        #expect(s.chain == ["national", "ningxia", "guyuan"])
        #expect(s[.maxClassSize]?.value == 50)
        #expect(s[.maxClassSize]?.pack == "guyuan")
        #expect(s[.minPracticalShare]?.value == 0.6667)  // guyuan's 2/3 overrides ningxia's 60%
        #expect(s[.minAge]?.value == 16)                 // from national
        #expect(s[.minAge]?.pack == "national")
        #expect(s[.courseLength]?.value.count == 2)
        #expect(s[.subsidyStandards]?.value.first?.maxAmount == 80_000)
    }

    @Test func everyShippedPackLoadsAndCitesItsSources() throws {
        let names = RulePack.available(directory: Repo.rules)
        #expect(Set(names).isSuperset(of: ["national", "ningxia", "guyuan", "gansu", "dongxiang", "luzhou"]))
        for name in names {
            let s = try RulePack.load(name, directory: Repo.rules)
            #expect(s.chain.first == "national", "\(name)")
        }
        let gansu = try RulePack.load("gansu", directory: Repo.rules)
        #expect(gansu[.courseLength]?.value.first?.minHours == 80)
        #expect(try RulePack.load("dongxiang", directory: Repo.rules)[.minPracticalShare]?.value == 0.7)
        #expect(try RulePack.load("ningxia", directory: Repo.rules)[.minPracticalShare]?.value == 0.6)
    }

    @Test func unknownKeyIsRefusedWithFileAndLine() throws {
        let dir = try packs(["p": """
        name: p
        settings:
          max_class_size: {value: 50, source: {default: {zh: 理由, en: why}}}
          max_clas_size: {value: 40, source: {default: {zh: 理由, en: why}}}
        """])
        #expect {
            try RulePack.load("p", directory: dir)
        } throws: { e in
            let e = e as! RulePack.LoadError
            return e.line == 4 && e.file.hasSuffix("p.yaml") && e.message.contains("max_clas_size")
        }
    }

    @Test func wrongTypeIsRefusedWithLine() throws {
        let dir = try packs(["p": """
        name: p
        settings:
          max_class_size:
            value: fifty
            source: {default: {zh: 理由, en: why}}
        """])
        #expect {
            try RulePack.load("p", directory: dir)
        } throws: { e in
            let e = e as! RulePack.LoadError
            return e.line == 4 && e.message.contains("whole number")
        }
    }

    @Test func aSettingWithoutSourceIsRefused() throws {
        let dir = try packs(["p": "name: p\nsettings:\n  max_class_size: {value: 50}\n"])
        #expect(throws: RulePack.LoadError.self) { try RulePack.load("p", directory: dir) }
    }

    @Test func extendsCycleIsRefused() throws {
        let dir = try packs(["a": "name: a\nextends: b\n", "b": "name: b\nextends: a\n"])
        #expect {
            try RulePack.load("a", directory: dir)
        } throws: { e in
            (e as! RulePack.LoadError).message.contains("cycle")
        }
    }

    @Test func badPatternIsRefused() throws {
        let dir = try packs(["p": "name: p\nsettings:\n  patterns.driving_course: {value: '机动车(驾驶', source: {default: {zh: 理由, en: why}}}\n"])
        #expect {
            try RulePack.load("p", directory: dir)
        } throws: { e in
            (e as! RulePack.LoadError).line == 3
        }
    }

    @Test func aMissingThresholdSkipsTheCheckWithAReason() throws {
        let dir = try packs(["bare": "name: bare\nsettings:\n  eligible_age.min: {value: 16, source: {default: {zh: 理由, en: why}}}\n"])
        for f in ["columns.yaml", "regions.tsv"] {
            try FileManager.default.copyItem(atPath: Repo.rules + "/" + f, toPath: dir + "/" + f)
        }
        let engine = try Engine(rulesDirectory: dir, pack: "bare")
        let tables = try writeTables([("roster.csv", "\(rosterHeader)\n马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n")])
        let result = engine.scan([tables], asOf: testToday)
        let cls = try #require(result.skipped.first { $0.code == "CLS001" })
        #expect(cls.reason.en.contains("max_class_size"))
        #expect(result.ran.contains("ID001"))
    }
}
