import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Issue 11 on the demo county: the roll-up adds up to the scan, the sample is
/// reproducible and holds the critical/high people, a filled-in call sheet round-trips
/// through scan --verified, diff is the fingerprint set differences, and the run record
/// names every input with its digest.
struct WorkflowTests {
    static let asOf = Day(year: 2026, month: 11, day: 23)!

    /// The demo scanned once in process (guyuan, fixed as-of day).
    static let demo: ScanResult = {
        let engine = try! Engines.pack("guyuan")
        return engine.scan([Repo.path("corpus/demo")], asOf: asOf)
    }()

    /// What scan shows by default (--min-severity low).
    static var shown: [Finding] { demo.findings.filter { $0.severity >= .low } }

    /// The built binary run on the demo.
    func trainaudit(_ args: [String]) throws -> Tool.Result {
        let path = try #require(CommandLineTests.binary, "swift build --build-tests builds the trainaudit product")
        return try Tool.run(path, args)
    }

    func temp(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trainaudit-wf-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    static func lines(_ data: Data) -> [[String: Any]] {
        String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    var scanArgs: [String] { ["scan", "--pack", "guyuan", "--as-of", "2026-11-23", "--format", "jsonl", "--fail-on", "never"] }

    // MARK: generator

    @Test func splitMix64MatchesTheReferenceOutputs() {
        // Vigna's splitmix64.c from state 0: the first outputs.
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        var h = SplitMix64(seed: 1), k = SplitMix64(seed: 2)
        #expect(h.next() != k.next())
    }

    // MARK: roll-up

    @Test(arguments: ["institution", "class", "county"])
    func rollupFindingsPerUnitAreTheScansFindingsNamingIt(by: String) throws {
        let scan = try trainaudit(scanArgs + [Repo.path("corpus/demo")])
        let rollup = try trainaudit(["rollup", "--by", by, "--pack", "guyuan", "--as-of", "2026-11-23", "--format", "jsonl", Repo.path("corpus/demo")])
        #expect(rollup.status == 0)
        let findings = Self.lines(scan.stdout), rows = Self.lines(rollup.stdout)
        try #require(findings.count > 40 && !rows.isEmpty)
        let field = by == "class" ? "class" : by
        var expected: [String: [String: Int]] = [:]
        for f in findings { expected[(f[field] as? String) ?? "\u{0}", default: [:]][f["code"] as! String, default: 0] += 1 }
        var seen = Set<String>()
        for r in rows {
            for key in ["by", "unit", "trainees", "flagged", "findings", "paid", "at_risk", "score"] { #expect(r.keys.contains(key), "\(key) in \(r)") }
            #expect(r["by"] as? String == by)
            let unit = (r["unit"] as? String) ?? "\u{0}"
            seen.insert(unit)
            let codes = try #require(r["findings"] as? [String: Int])
            #expect(codes == (expected[unit] ?? [:]), "unit \(unit)")
        }
        #expect(Set(expected.keys).isSubset(of: seen))
        let total = rows.map { ($0["findings"] as! [String: Int]).values.reduce(0, +) }.reduce(0, +)
        #expect(total == findings.count)
        // Ranked by score; the blank unit (no place to go) last.
        let named = rows.filter { !($0["unit"] is NSNull) }
        let scores = named.map { ($0["score"] as! NSNumber).doubleValue }
        #expect(scores == scores.sorted(by: >))
        #expect(rows.prefix(named.count).allSatisfy { !($0["unit"] is NSNull) })
        #expect(rows.map { $0["rank"] as? Int } == Array(1...rows.count))
    }

    @Test(arguments: RollupDimension.allCases)
    func rollupMoneyAddsUpToTheSummaryInEveryDimension(by: RollupDimension) {
        let data = Self.demo.data, findings = Self.demo.findings
        let rollup = Rollup(data: data, by: by)
        let rows = rollup.rows(findings)
        let paid = RunSummary.paidAmounts(data)
        // Every finding in exactly one row.
        #expect(rows.map(\.findingCount).reduce(0, +) == findings.count)
        #expect(Set(rows.flatMap(\.fingerprints)) == Set(findings.map(\.fingerprint)))
        // Each payment at risk once, in the unit of the class it pays for (not in every unit
        // whose findings count it: a trainee on two institutions' rosters).
        #expect(findings.allSatisfy { $0.amount == nil || !$0.paymentRefs.isEmpty }, "the demo's amounts come from payment rows")
        let payments = Dictionary(data.payments.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        var expected: [String?: Int64] = [:], seen = Set<SourceRef>()
        for f in findings {
            for ref in f.paymentRefs where seen.insert(ref).inserted {
                expected[payments[ref].flatMap { rollup.unit(of: $0) }, default: 0] += paid[ref] ?? 0
            }
        }
        for r in rows { #expect(r.atRisk == expected[r.unit] ?? 0, "\(r.unit ?? "blank")") }
        // Every payment paid to one unit: the paid column adds up to the ledger.
        #expect(rows.map(\.paid).reduce(0, +) == data.payments.compactMap(\.amount).reduce(0, +))
        // So money at risk adds up to the summary's.
        #expect(rows.map(\.atRisk).reduce(0, +) == RunSummary.moneyAtRisk(findings, paid: paid))
    }

    @Test func rollupByCountyOnOneCountyAddsUpToTheSummary() {
        let rows = Rollup(data: Self.demo.data, by: .county).rows(Self.demo.findings)
        #expect(rows.compactMap(\.unit) == ["西吉县"])
        #expect(rows.map(\.atRisk).reduce(0, +) == RunSummary.moneyAtRisk(Self.demo.findings, data: Self.demo.data))
    }

    @Test func rollupByTownFollowsThePersonToTheRegistry() throws {
        let data = Self.demo.data
        let rollup = Rollup(data: data, by: .town)
        let dead = try #require(Self.demo.findings.first { $0.code == "REG002" && $0.person?.id == "640422197702218786" })
        let town = try #require(data.trainee(ResidentID("640422197702218786")!).registryEntry?.town)
        #expect(rollup.unit(of: dead) == town)
        let row = try #require(rollup.rows(Self.demo.findings).first { $0.unit == town })
        #expect(row.fingerprints.contains(dead.fingerprint))
        #expect(row.trainees > 0)
    }

    @Test func rollupScoreIsTheDocumentedFormula() {
        let (score, evidence, share, money) = UnitRollup.score(findingScores: [50, 50], flagged: 1, trainees: 4, atRisk: 100_000 * 100)
        #expect(abs(evidence - 0.75) < 1e-9)
        #expect(share == 0.25)
        #expect(money == 1)
        #expect(score == 68.8)  // 100 × (0.375 + 0.0625 + 0.25)
    }

    // MARK: sample

    func sample(_ extra: [String], pack: String = "guyuan") throws -> Tool.Result {
        try trainaudit(["sample", "--pack", pack, "--as-of", "2026-11-23"] + extra + [Repo.path("corpus/demo")])
    }

    @Test func sampleIsTheSameForASeedAndAnotherForAnother() throws {
        let a = temp("a.csv"), b = temp("b.csv"), c = temp("c.csv")
        #expect(try sample(["--seed", "7", "-o", a]).status == 0)
        #expect(try sample(["--seed", "7", "-o", b]).status == 0)
        #expect(try sample(["--seed", "8", "-o", c]).status == 0)
        let (da, db, dc) = (FileManager.default.contents(atPath: a)!, FileManager.default.contents(atPath: b)!, FileManager.default.contents(atPath: c)!)
        #expect(da == db)
        #expect(da != dc)
        #expect(da.starts(with: [0xEF, 0xBB, 0xBF]))  // CSV for Excel: BOM
        let head = String(decoding: da, as: UTF8.self).split(separator: "\r\n").first.map(String.init) ?? ""
        for column in ["姓名", "电话", "身份证号", "培训班", "培训机构", "培训时间", "培训职业", "核实结果", "备注", "指纹"] { #expect(head.contains(column)) }
    }

    @Test func sampleHoldsEveryoneWithACriticalOrHighFindingAndReachesTheRate() throws {
        let r = try sample(["--seed", "3", "--format", "jsonl"])
        #expect(r.status == 0)
        let rows = Self.lines(r.stdout)
        let people = Set(rows.compactMap { ($0["person"] as? [String: Any])?["id"] as? String })
        let forced = Set(Self.demo.findings.filter { $0.severity >= .high }.compactMap { $0.person?.id })
        try #require(!forced.isEmpty)
        #expect(forced.isSubset(of: people))
        #expect(rows.count == people.count)  // one line per person
        // guyuan inherits national's default phone_spot_check_rate 0.3.
        let trainees = Set(Self.demo.data.enrollments.compactMap { $0.id.id?.description ?? $0.id.raw }).count
        #expect(rows.count >= Int((0.3 * Double(trainees)).rounded(.up)))
        #expect(rows.count < trainees)
        // Each row carries the fingerprints of the person's findings that the scan shows
        // (the default --min-severity low: info findings are not drawn on).
        let byPerson = Dictionary(grouping: Self.demo.findings.filter { $0.person != nil && $0.severity >= .low }, by: { $0.person!.id })
        for row in rows {
            let id = (row["person"] as! [String: Any])["id"] as! String
            #expect(Set(row["fingerprints"] as! [String]) == Set((byPerson[id] ?? []).map(\.fingerprint)))
            #expect(!(row["questions"] as! [String]).isEmpty)
        }
    }

    @Test func everyClassOnlyWhereThePackAsksForIt() {
        // dongxiang (seed 004 三(六) 每期培训班至少抽查一次) against guyuan, at a rate too low to reach every class.
        let data = Self.demo.data
        let dongxiang = try! Engines.pack("dongxiang")
        #expect(dongxiang.settings[.spotCheckEveryClass]?.value == true)
        #expect(try! Engines.pack("guyuan").settings[.spotCheckEveryClass] == nil)
        func classesReached(_ everyClass: Bool) -> (reached: Int, all: Int) {
            let result = SpotCheck(data: data, lang: .zh).draw(findings: Self.demo.findings, rate: 0.01, seed: 5, everyClass: everyClass)
            let chosen = Set(result.rows.map(\.personID))
            var classes: [String: Bool] = [:]
            for (i, e) in data.enrollments.enumerated() {
                let key = e.id.id?.description ?? e.id.raw
                classes[data.enrollmentClass[i]] = (classes[data.enrollmentClass[i]] ?? false) || chosen.contains(key)
            }
            return (classes.values.filter { $0 }.count, classes.count)
        }
        let with = classesReached(true), without = classesReached(false)
        #expect(with.reached == with.all)
        #expect(without.reached < without.all)
    }

    @Test func splitByCountyWritesOneFilePerCounty() throws {
        let dir = try writeTables([("培训台账.csv", """
            序号,姓名,身份证号码,培训职业,培训期限,班级编号,培训机构,县区
            1,田芳春,640422196210212885,中式烹调师,2019.3.4-2019.3.28,A-01,甲学校,西吉县
            2,冯娟梅,640422196501123348,中式烹调师,2019.3.4-2019.3.28,A-01,甲学校,西吉县
            3,何山,640422195311064012,电焊工,2019.4.8-2019.5.2,B-01,乙学校,隆德县

            """)])
        let out = temp("名单")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let r = try trainaudit(["sample", "--rate", "1", "--split", "county", "--format", "csv", "-o", out, dir])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["抽查名单_西吉县.csv", "抽查名单_隆德县.csv"])
        let lines = try files.map { try String(contentsOfFile: out + "/" + $0, encoding: .utf8).split(separator: "\r\n").count }
        #expect(lines == [3, 2])  // header + people
        let pattern = try trainaudit(["sample", "--rate", "1", "--split", "county", "-o", temp("x") + "_{county}.jsonl", dir])
        #expect(pattern.status == 0)
        #expect(try trainaudit(["sample", "--split", "county", "-o", temp("plain.xlsx"), dir]).status == 2)
    }

    // MARK: scan --verified

    func fill(_ sheet: String, into filled: String) throws -> [String: Any] {
        let r = try Tool.run("/usr/bin/env", ["python3", Repo.path("Tests/Fixtures/workflow/fill_call_sheet.py"), sheet, filled])
        try #require(r.status == 0, "python3 with openpyxl fills the sheet (scripts/setup installs openpyxl): \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
    }

    @Test(arguments: ["csv", "xlsx"])
    func aFilledInCallSheetRoundTripsThroughVerified(ext: String) throws {
        let sheet = temp("抽查名单.\(ext)"), filled = temp("已核实.\(ext)")
        #expect(try sample(["--seed", "11", "-o", sheet]).status == 0)
        let wrote = try fill(sheet, into: filled)
        let refuted = Set(wrote["refuted"] as! [String]), confirmed = Set(wrote["confirmed"] as! [String])
        let unverifiable = Set(wrote["unverifiable"] as! [String])
        try #require(!refuted.isEmpty && !confirmed.isEmpty && !unverifiable.isEmpty)
        let plain = Self.lines(try trainaudit(scanArgs + [Repo.path("corpus/demo")]).stdout)
        let r = try trainaudit(scanArgs + ["--verified", filled, Repo.path("corpus/demo")])
        #expect(r.status == 0)
        let out = Self.lines(r.stdout)
        let fps = out.map { $0["fingerprint"] as! String }
        // Refuted: gone, and only they are.
        #expect(Set(fps).isDisjoint(with: refuted))
        #expect(Set(fps) == Set(plain.map { $0["fingerprint"] as! String }).subtracting(refuted))
        // Confirmed: marked, and ranked above every unverified finding.
        let marks = out.map { $0["verified"] as? String }
        #expect(out.filter { confirmed.contains($0["fingerprint"] as! String) }.allSatisfy { $0["verified"] as? String == "confirmed" })
        let firstOther = try #require(marks.firstIndex { $0 != "confirmed" })
        #expect(marks[..<firstOther].count == confirmed.count)
        #expect(!marks[firstOther...].contains("confirmed"))
        // 无法核实: kept and marked.
        #expect(out.filter { unverifiable.contains($0["fingerprint"] as! String) }.count == unverifiable.count)
        #expect(out.filter { unverifiable.contains($0["fingerprint"] as! String) }.allSatisfy { $0["verified"] as? String == "unverifiable" })
        #expect(out.filter { $0["verified"] is NSNull }.count == out.count - confirmed.count - unverifiable.count)
        // The summary counts them, with the notes; the unknown fingerprint and the bad row are reported.
        #expect(r.stderr.contains("不属实 \(refuted.count) 项"))
        #expect(r.stderr.contains("属实 \(confirmed.count) 项"))
        #expect(r.stderr.contains("电话核实第1户"))
        #expect(r.stderr.contains("ffffffffffffffff"))
        #expect(r.stderr.contains("无法读取 1 行"))
        #expect(r.stderr.contains("也许"))
    }

    @Test func verifiedReadsJSONLinesAndRefusesAFileThatIsNoCallSheet() throws {
        let top = try #require(Self.shown.last)
        let file = temp("verdicts.jsonl")
        try "{\"fingerprint\":\"\(top.fingerprint)\",\"result\":\"属实\",\"note\":\"\"}\n{\"fingerprint\":\"0000000000000000\",\"result\":\"不属实\"}\nnot json\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let r = try trainaudit(scanArgs + ["--verified", file, Repo.path("corpus/demo")])
        let out = Self.lines(r.stdout)
        #expect(out.first?["fingerprint"] as? String == top.fingerprint)
        #expect(out.first?["verified"] as? String == "confirmed")
        #expect(r.stderr.contains("0000000000000000"))
        #expect(r.stderr.contains("verdicts.jsonl:3"))
        let bad = try trainaudit(scanArgs + ["--verified", Repo.path("corpus/demo/2019年开班备案表.xlsx"), Repo.path("corpus/demo")])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("核实结果"))
    }

    // MARK: diff and baseline

    @Test func diffIsTheFingerprintSetDifferences() throws {
        let old = temp("old.jsonl"), new = temp("new.jsonl")
        let a = try trainaudit(scanArgs + ["--select", "REG,DUP,SCH", Repo.path("corpus/demo")])
        let b = try trainaudit(scanArgs + ["--select", "DUP,SCH,PRX", Repo.path("corpus/demo")])
        try a.stdout.write(to: URL(fileURLWithPath: old))
        try b.stdout.write(to: URL(fileURLWithPath: new))
        let fa = Set(Self.lines(a.stdout).map { $0["fingerprint"] as! String }), fb = Set(Self.lines(b.stdout).map { $0["fingerprint"] as! String })
        try #require(!fa.subtracting(fb).isEmpty && !fb.subtracting(fa).isEmpty && !fa.intersection(fb).isEmpty)
        let d = try trainaudit(["diff", old, new, "--format", "jsonl"])
        #expect(d.status == 0)
        let rows = Self.lines(d.stdout)
        func with(_ s: String) -> Set<String> { Set(rows.filter { $0["status"] as? String == s }.map { $0["fingerprint"] as! String }) }
        #expect(with("new") == fb.subtracting(fa))
        #expect(with("open") == fa.intersection(fb))
        #expect(with("resolved") == fa.subtracting(fb))
        #expect(rows.count == fa.union(fb).count)
        #expect(d.stderr.contains("新增 \(fb.subtracting(fa).count)，仍存在 \(fa.intersection(fb).count)，已解决 \(fa.subtracting(fb).count)"))
        // Each line is the finding's own line with the status added.
        let newLines = String(decoding: b.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        let firstNew = try #require(String(decoding: d.stdout, as: UTF8.self).split(separator: "\n").first.map(String.init))
        #expect(newLines.contains(String(firstNew.dropLast(",\"status\":\"new\"}".count)) + "}"))
        // The same diff as TSV: a status column, one line per finding.
        let tsv = try trainaudit(["diff", old, new, "--format", "tsv"])
        #expect(String(decoding: tsv.stdout, as: UTF8.self).split(separator: "\n").count == rows.count + 1)
    }

    @Test func aBaselineThatIsNotFindingsIsRefusedAndTheSummarySaysWhatItHid() throws {
        for notFindings in [Repo.path("corpus/demo/2019年培训补贴发放明细.csv"), Repo.path("corpus/demo/README.md")] {
            let r = try trainaudit(scanArgs + ["--baseline", notFindings, Repo.path("corpus/demo")])
            #expect(r.status == 2, "\(notFindings)")
            #expect(r.stderr.contains("--baseline"))
            #expect(r.stdout.isEmpty)
            let d = try trainaudit(["diff", notFindings, notFindings])
            #expect(d.status == 2)
        }
        let base = temp("base.jsonl")
        let a = try trainaudit(scanArgs + ["--select", "REG", Repo.path("corpus/demo")])
        try a.stdout.write(to: URL(fileURLWithPath: base))
        let hidden = Self.lines(a.stdout).count
        let r = try trainaudit(scanArgs + ["--baseline", base, Repo.path("corpus/demo")])
        #expect(r.stderr.contains("隐藏了 \(hidden) 项"))
        #expect(Self.lines(r.stdout).count == Self.shown.count - hidden)
    }

    @Test func rollupAndSampleWorkbooksHoldTheRowsAndTheRunRecord() throws {
        let rollup = temp("按机构.xlsx"), sheet = temp("抽查名单.xlsx"), record = temp("run.json")
        #expect(try trainaudit(["rollup", "--pack", "guyuan", "--as-of", "2026-11-23", "--summary", record, "-o", rollup, Repo.path("corpus/demo")]).status == 0)
        #expect(try sample(["--seed", "2", "-o", sheet]).status == 0)
        let units = Self.lines(try trainaudit(["rollup", "--pack", "guyuan", "--as-of", "2026-11-23", "--format", "jsonl", Repo.path("corpus/demo")]).stdout)
        let people = Self.lines(try sample(["--seed", "2", "--format", "jsonl"]).stdout)
        let hash = try #require((try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: record)!) as? [String: Any])?["settings_sha256"] as? String)
        for (path, rows, first) in [(rollup, units.count, "按培训机构"), (sheet, people.count, "抽查名单")] {
            let r = try Tool.run("/usr/bin/env", ["python3", Repo.path("Tests/Fixtures/report/dump_xlsx.py"), path])
            try #require(r.status == 0, "python3 with openpyxl reads the workbook: \(r.stderr)")
            let d = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
            let sheets = d["sheets"] as! [[String: Any]]
            #expect(sheets.map { $0["name"] as! String } == [first, "运行记录"])
            #expect((sheets[0]["rows"] as! [Any]).count == rows + 1)
            #expect((d["formulas"] as! [Any]).isEmpty)
            let recordCells = (sheets[1]["rows"] as! [[[String: Any]]]).flatMap { $0.compactMap { $0["v"] as? String } }
            #expect(recordCells.contains(hash))
            #expect(recordCells.contains { $0.hasPrefix("trainaudit ") })
        }
    }

    // MARK: run record

    @Test func theRunRecordNamesEveryInputWithItsDigestAndRows() throws {
        let file = temp("run.json"), other = temp("run-luzhou.json")
        #expect(try trainaudit(scanArgs + ["--summary", file, Repo.path("corpus/demo")]).status == 0)
        #expect(try trainaudit(["rollup", "--pack", "luzhou", "--as-of", "2026-11-23", "--summary", other, "--format", "jsonl", Repo.path("corpus/demo")]).status == 0)
        let record = try #require(try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: file)!) as? [String: Any])
        let luzhou = try #require(try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: other)!) as? [String: Any])
        #expect(record["version"] as? String == ToolVersion.current)
        #expect(record["pack"] as? String == "guyuan")
        #expect(record["as_of"] as? String == "2026-11-23")
        #expect(record["findings"] as? Int == Self.shown.count)
        #expect(luzhou["command"] as? String == "rollup")
        #expect((record["settings_sha256"] as? String)?.count == 64)
        #expect(record["settings_sha256"] as? String != luzhou["settings_sha256"] as? String)
        let inputs = try #require(record["inputs"] as? [[String: Any]])
        let files = InputFiles.expand([Repo.path("corpus/demo")]).files
        #expect(inputs.count == files.count)
        for input in inputs {
            let path = try #require(input["path"] as? String)
            // The digest as sha256sum computes it, not as we do.
            let sum = try Tool.run("/usr/bin/env", ["sha256sum", path])
            #expect(String(decoding: sum.stdout, as: UTF8.self).hasPrefix((input["sha256"] as? String) ?? "-"))
            #expect((input["rows_read"] as? Int ?? 0) > 0)
        }
        let rows = inputs.map { $0["rows_read"] as! Int }.reduce(0, +)
        #expect(rows == Self.demo.reports.map(\.rowsRead).reduce(0, +))
    }
}
