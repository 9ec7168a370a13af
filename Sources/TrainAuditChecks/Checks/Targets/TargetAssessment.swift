import TrainAuditCore
/// Per county and year of the task table (任务分解表, seed 000 附件2): how many trainees
/// the ledgers report, how many remain once people with a high or critical finding are
/// set aside, and the score seed 000 gives for it. The TGT checks read it.
struct TargetAssessment {
    var target: TaskTarget
    /// Distinct trainees of the county and year in the ledgers.
    var reported: Int
    /// Of them, those with no high or critical finding about them.
    var clean: Int
    /// Trainees with a 就业去向, and of them those in work (not the pack's `not_employed`).
    var withEmployment: Int
    var employed: Int

    /// Completion in percent (0 when the target is 0 or unknown).
    static func percent(_ count: Int, of target: Int) -> Double {
        target > 0 ? Double(count) * 100 / Double(target) : 0
    }

    /// Seed 000 一(一): 完成年度目标任务的计80分，每减少1个百分点扣1分 (no less than 0).
    static func score(_ count: Int, of target: Int) -> Double {
        max(0, 80 - max(0, 100 - percent(count, of: target)))
    }

    /// 94.8 for messages (one decimal, none when whole).
    static func show(_ d: Double) -> String {
        let r = (d * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// A county name as tables write it differently: 西吉县, 西吉, 西吉 县 agree.
    static func countyKey(_ name: String) -> String {
        var k = CheckText.key(name)
        if k.count > 2, let last = k.last, "县区市旗".contains(last) { k.removeLast() }
        return k
    }

    /// The assessment of every task-table row that the ledgers have trainees for, in the
    /// table's order. `findings` are the other checks' findings (people with a high or
    /// critical one are set aside).
    static func all(_ audit: Audit, findings: [Finding]) -> [TargetAssessment] {
        let data = audit.data
        let flagged = Set(findings.filter { $0.severity >= .high }.compactMap { $0.person?.id })
        let notEmployed = audit.settings[.notEmployed]?.value
        // Trainees by county key and year, each person once (by ID, or by name).
        struct Trainee { var flagged: Bool; var employment: String? }
        var byCounty: [String: [Int?: [HeadKey: Trainee]]] = [:]
        for line in data.rosterLines {
            let e = line.record
            let county = line.county ?? e.id.id.flatMap { data.trainee($0).registryEntry?.county }
            guard let county else { continue }
            let year = line.start?.year
            let head = HeadKey(e.id, name: e.name)
            var t = byCounty[countyKey(county), default: [:]][year, default: [:]][head]
                ?? Trainee(flagged: false, employment: nil)
            if let id = e.id.id, flagged.contains(id.description) { t.flagged = true }
            if t.employment == nil { t.employment = e.employment }
            byCounty[countyKey(county), default: [:]][year, default: [:]][head] = t
        }
        var out: [TargetAssessment] = []
        for target in data.targets {
            guard let years = byCounty[countyKey(target.county)] else { continue }
            // A row without a year counts every year's trainees.
            let people = target.year.map { Array((years[$0] ?? [:]).values) } ?? years.values.flatMap(\.values)
            guard !people.isEmpty else { continue }
            let known = people.compactMap(\.employment)
            let employed = known.filter { text in !(notEmployed?.matches(text) ?? false) }.count
            out.append(TargetAssessment(target: target, reported: people.count,
                                        clean: people.filter { !$0.flagged }.count,
                                        withEmployment: known.count, employed: employed))
        }
        return out
    }

    var place: String { target.year.map { "\(target.county)\($0)年" } ?? target.county }
    var placeEn: String { target.year.map { "\(target.county) \($0)" } ?? target.county }
    var subject: String { "\(Self.countyKey(target.county))|\(target.year.map(String.init) ?? "")" }

    /// "任务 460 人，报告 436 人（94.8%，得分 74.8）" and its English.
    func progress(_ count: Int) -> Localized {
        let goal = target.target ?? 0
        let pct = Self.show(Self.percent(count, of: goal)), score = Self.show(Self.score(count, of: goal))
        return Localized(zh: "\(count) 人（完成 \(pct)%，得分 \(score)）", en: "\(count) (\(pct)%, score \(score))")
    }
}

/// A check that reads the other checks' findings; the engine runs it after them.
public protocol ReviewCheck: Check {
    func review(_ audit: Audit, findings: [Finding]) -> [Finding]
}

extension ReviewCheck {
    /// A review check finds nothing on its own.
    public func run(_ audit: Audit) -> [Finding] { [] }
}

extension Check {
    /// A finding about one county and year of the task table.
    func targetFinding(_ message: Localized, _ a: TargetAssessment, confidence: Double = 1) -> Finding {
        finding(message, subject: a.subject, evidence: [a.target.source], confidence: confidence, county: a.target.county)
    }
}

/// The task table and a ledger for the TGT examples: 西吉县 2019, target 3.
enum TargetExamples {
    static func targets(_ target: Int) -> (String, String) {
        ("2019年任务分解表.csv", "序号,区县,年度,培训人数\n1,西吉县,2019,\(target)\n2,隆德县,2019,100\n")
    }
    static let header = "姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号,县区,就业去向"
    static let people = [("马小军", "640422199001010017"), ("李梅", "642223198802020023"), ("白雪", "642223199208080204"), ("马强", "642223199001010014")]
    static func roster(_ n: Int, employment: [String] = []) -> (String, String) {
        let lines = people.prefix(n).enumerated().map { k, p in
            "\(p.0),\(p.1),农村电商,2019-03-01,2019-03-25,GY-2019-01,西吉县,\(k < employment.count ? employment[k] : "")"
        }
        return ("roster.csv", ([header] + lines).joined(separator: "\n") + "\n")
    }
}
