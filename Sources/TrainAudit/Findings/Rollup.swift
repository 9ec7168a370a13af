import Foundation

/// What findings roll up by (issue 11 §1): where an inspection team goes first.
public enum RollupDimension: String, Sendable, CaseIterable {
    case institution, `class`, county, town, department

    public var title: Localized {
        switch self {
        case .institution: return Localized(zh: "培训机构", en: "institution")
        case .class: return Localized(zh: "培训班", en: "class")
        case .county: return Localized(zh: "县区", en: "county")
        case .town: return Localized(zh: "乡镇", en: "town")
        case .department: return Localized(zh: "实施部门", en: "department")
        }
    }
}

/// One unit of a roll-up: its trainees, the findings naming it, money paid and at risk,
/// and the risk score that ranks it.
public struct UnitRollup: Sendable {
    public var by: RollupDimension
    /// nil: the findings and records that name no unit (blank cell, or no person to follow).
    public var unit: String?
    /// Distinct trainees on the unit's rosters.
    public var trainees: Int
    /// Distinct people named by the unit's findings.
    public var flagged: Int
    /// Findings per code.
    public var findings: [String: Int]
    public var bySeverity: [Severity: Int]
    /// Money paid to the unit's trainees (payment ledger rows; fen).
    public var paid: Int64
    /// Money at risk in the unit (fen): each payment counted once, in the unit of the class
    /// it pays for (`PaymentAttribution`), so the units add up to the run's money at risk.
    public var atRisk: Int64
    public var score: Double
    /// The three parts of the score, each 0…1 (`UnitRollup.formula`).
    public var evidence: Double
    public var flaggedShare: Double
    public var money: Double
    /// The fingerprints of the unit's findings, in rank order.
    public var fingerprints: [String]

    public var findingCount: Int { findings.values.reduce(0, +) }

    public var families: [Family: Int] {
        var out: [Family: Int] = [:]
        for (code, n) in findings { out[Family(code: code), default: 0] += n }
        return out
    }

    /// The most frequent codes, most first (ties by code), at most `n`.
    public func topCodes(_ n: Int = 3) -> [(code: String, count: Int)] {
        findings.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map { ($0.key, $0.value) }
    }

    /// How the score is made, for help texts and the README.
    public static let formula = Localized(
        zh: "风险分 = 100 ×（0.5 × 证据 + 0.25 × 问题学员占比 + 0.25 × 金额），证据 = 1 − ∏(1 − 各问题分数/100)（若每个问题的分数是其属实的概率，至少一项属实的概率），问题学员占比 = 有问题学员 / 学员（最多 1），金额 = log10(1 + 涉及元) / log10(1 + 100,000)（最多 1）",
        en: "score = 100 × (0.5 × evidence + 0.25 × flagged share + 0.25 × money), where evidence = 1 − ∏(1 − finding score/100) (the chance that at least one finding holds, were each score its probability), flagged share = flagged / trainees (at most 1), money = log10(1 + yuan at risk) / log10(1 + 100,000) (at most 1)")

    static func score(findingScores: [Double], flagged: Int, trainees: Int, atRisk: Int64) -> (Double, Double, Double, Double) {
        var clear = 1.0
        for s in findingScores { clear *= 1 - max(0, min(100, s)) / 100 }
        let evidence = 1 - clear
        let share = trainees > 0 ? min(1, Double(flagged) / Double(trainees)) : 0
        let money = atRisk > 0 ? min(1, log10(1 + Double(atRisk) / 100) / log10(1 + 100_000)) : 0
        let raw = 100 * (0.5 * evidence + 0.25 * share + 0.25 * money)
        return ((raw * 10).rounded() / 10, evidence, share, money)
    }
}

/// Rolls findings up by a unit. The findings of a unit are exactly the findings naming it:
/// their `institution`, `class` or `county` field; for `town` (findings carry none) the
/// person's 乡(镇) in the poverty registry, or, for a finding about a class and no person,
/// the registry town the class's 培训地点 names; for `department` the 实施部门 of the
/// person's enrolment in the finding's class (any enrolment when the finding names no
/// class), or the one department of the class's roster. A finding naming no unit goes to
/// the blank unit, so the units partition the findings.
public struct Rollup {
    public let data: AuditData
    public let by: RollupDimension
    /// Registry towns (for class locations), longest first.
    private let towns: [String]
    /// The class each payment pays for (no payment rows kept: `rows` looks up those it counts).
    private let attribution: PaymentAttribution

    public init(data: AuditData, by: RollupDimension) {
        self.data = data
        self.by = by
        attribution = PaymentAttribution(data: data, rows: [])
        if by == .town {
            var set = Set<String>()
            for r in data.registry { if let t = r.town, !t.isEmpty { set.insert(t) } }
            towns = set.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        } else {
            towns = []
        }
    }

    private func blankless(_ s: String?) -> String? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return s
    }

    /// The unit of a roster line.
    public func unit(of line: RosterLine) -> String? {
        switch by {
        case .institution: return blankless(line.institution)
        case .class: return blankless(line.classID)
        case .county: return blankless(line.county)
        case .town: return line.id.id.flatMap { blankless(data.trainee($0).registryEntry?.town) }
        case .department: return blankless(line.record.department)
        }
    }

    /// The unit a finding names.
    public func unit(of f: Finding) -> String? {
        switch by {
        case .institution: return blankless(f.institution)
        case .class: return blankless(f.classID)
        case .county: return blankless(f.county)
        case .town:
            if let id = f.person.flatMap({ ResidentID($0.id) }) {
                return blankless(data.trainee(id).registryEntry?.town)
            }
            guard f.person == nil, let location = data.trainingClass(f.classID)?.location else { return nil }
            return towns.first { location.contains($0) }
        case .department:
            if let id = f.person.flatMap({ ResidentID($0.id) }) {
                let lines = data.trainee(id).roster.filter { f.classID == nil || $0.classID == f.classID }
                return lines.lazy.compactMap { self.blankless($0.record.department) }.first
            }
            guard f.person == nil, let view = data.trainingClass(f.classID) else { return nil }
            let departments = Set(data.roster(of: view).compactMap { blankless($0.record.department) })
            return departments.count == 1 ? departments.first : nil
        }
    }

    /// The unit of a payment: that of the class it pays for (`PaymentAttribution`), through
    /// the payee's roster line in it, else the class register; for town the payee's
    /// registry town.
    func unit(of p: Payment) -> String? {
        if by == .town { return p.id.id.flatMap { blankless(data.trainee($0).registryEntry?.town) } }
        if let line = attribution.rosterLine(of: p) { return unit(of: line) }
        guard let c = attribution.classID(of: p) else { return nil }
        let view = data.trainingClass(c)
        switch by {
        case .institution: return blankless(view?.institution)
        case .class: return blankless(c)
        case .county: return blankless(view?.county)
        case .town, .department: return nil
        }
    }

    /// One row per unit, ranked by score, then money at risk, then findings, then name; the
    /// blank unit (when anything names no unit) last whatever its score: it is no place to go.
    public func rows(_ findings: [Finding]) -> [UnitRollup] {
        struct Acc {
            var trainees = Set<String>()
            var findings: [Finding] = []
            var paid: Int64 = 0
        }
        var acc: [String?: Acc] = [:]
        for line in data.rosterLines {
            let key = line.id.id?.description ?? "row \(line.source.label)"
            acc[unit(of: line), default: Acc()].trainees.insert(key)
        }
        for p in data.payments {
            if let a = p.amount { acc[unit(of: p), default: Acc()].paid += a }
        }
        for f in findings { acc[unit(of: f), default: Acc()].findings.append(f) }
        let paid = RunSummary.paidAmounts(data)
        // Each payment at risk in the unit of the class it pays for, even when a finding of
        // another unit counts it too (one trainee on two institutions' rosters).
        let counted = PaymentAttribution(data: data, rows: Set(findings.flatMap(\.paymentRefs)))
        let risk = RunSummary.moneyAtRisk(findings, paid: paid, paymentUnit: { ref in counted.payment(ref).flatMap(unit(of:)) },
                                          findingUnit: { unit(of: $0) })
        for u in risk.keys where acc[u] == nil { acc[u] = Acc() }
        var out: [UnitRollup] = []
        for (unit, a) in acc {
            var codes: [String: Int] = [:], severities: [Severity: Int] = [:]
            for f in a.findings { codes[f.code, default: 0] += 1; severities[f.severity, default: 0] += 1 }
            let flagged = Set(a.findings.compactMap { $0.person?.id }).count
            let atRisk = risk[unit] ?? 0
            let (score, evidence, share, money) = UnitRollup.score(findingScores: a.findings.map(\.score), flagged: flagged,
                                                                   trainees: a.trainees.count, atRisk: atRisk)
            out.append(UnitRollup(by: by, unit: unit, trainees: a.trainees.count, flagged: flagged, findings: codes,
                                  bySeverity: severities, paid: a.paid, atRisk: atRisk, score: score, evidence: evidence,
                                  flaggedShare: share, money: money, fingerprints: a.findings.map(\.fingerprint)))
        }
        return out.sorted { a, b in
            if (a.unit == nil) != (b.unit == nil) { return b.unit == nil }
            if a.score != b.score { return a.score > b.score }
            if a.atRisk != b.atRisk { return a.atRisk > b.atRisk }
            if a.findingCount != b.findingCount { return a.findingCount > b.findingCount }
            switch (a.unit, b.unit) {
            case let (x?, y?): return x < y
            case (nil, _): return false
            case (_, nil): return true
            }
        }
    }
}

extension UnitRollup {
    /// One JSON Lines row: at least by, unit, trainees, flagged, findings (code → count),
    /// paid, at_risk, score (issue 11), plus how the score was made.
    public func jsonLine(rank: Int) -> String {
        let q = JSONLWriter.json
        var s = "{\"by\":" + q(by.rawValue) + ",\"unit\":" + (unit.map(q) ?? "null") + ",\"rank\":\(rank)"
        s += ",\"trainees\":\(trainees),\"flagged\":\(flagged)"
        s += ",\"findings\":{" + findings.sorted { $0.key < $1.key }.map { q($0.key) + ":\($0.value)" }.joined(separator: ",") + "}"
        s += ",\"families\":{" + Family.allCases.compactMap { f in families[f].map { q(f.rawValue) + ":\($0)" } }.joined(separator: ",") + "}"
        s += ",\"severities\":{" + Severity.allCases.reversed().compactMap { v in bySeverity[v].map { q(v.name) + ":\($0)" } }.joined(separator: ",") + "}"
        s += ",\"paid\":" + Money.yuan(paid) + ",\"at_risk\":" + Money.yuan(atRisk)
        s += ",\"score\":" + JSONLWriter.number(score)
        s += ",\"score_factors\":{\"evidence\":" + JSONLWriter.number(evidence) + ",\"flagged_share\":" + JSONLWriter.number(flaggedShare)
            + ",\"money\":" + JSONLWriter.number(money) + "}"
        s += ",\"top_codes\":[" + topCodes().map { q($0.code) }.joined(separator: ",") + "]"
        s += ",\"fingerprints\":[" + fingerprints.map(q).joined(separator: ",") + "]}"
        return s
    }
}
