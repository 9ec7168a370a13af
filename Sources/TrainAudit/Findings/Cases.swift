/// Findings that share a root cause form a case, read and ranked together: an auditor who
/// pulls one person's paper sees all that person's findings at once, and a typo in an ID
/// cannot push a fraud finding down the list.
///
/// The case of a finding (its `case` key, in this order):
/// - `person:<ID>`: a finding about one person (every code, the ID checks too, so an ID
///   typo and the findings it causes are one case);
/// - `class:<class>`: a finding about a class and no one person (class size, schedules,
///   bursts and copied sheets in the class);
/// - `file:<file>`: a table-quality (DQ) finding about no person and no class;
/// - `finding:<fingerprint>`: anything else (a shared account across classes, a county's
///   target) is a case of its own.
///
/// Order: cases by their score (the best member's), members by the finding order
/// (`Ranking.precedes`). A case of data-quality findings only (ID and DQ codes below high) ranks
/// below every case holding a finding of another family (fraud, ineligibility, money) of
/// the same or higher severity, whatever the scores: a bad check digit is worth fixing,
/// but not before a fraud of equal weight. Ties go to the more severe case, then to the
/// case with a substantive finding, then to the order of the cases' first members: the
/// same findings always come out in the same order.
public enum Cases {
    public static func key(_ f: Finding) -> String {
        if let id = f.person?.id, !id.isEmpty { return "person:" + id }
        if let c = f.classID, !c.isEmpty { return "class:" + c }
        if Family(code: f.code) == .DQ, let file = f.evidence.first?.file { return "file:" + file }
        return "finding:" + f.fingerprint
    }

    /// Identity (ID) and table-quality (DQ) findings below high: a data problem, not a
    /// misuse of funds. One its check rates high or critical is more than a typo (ID008: one
    /// ID under other names is how impersonation shows; DQ001: a ledger that could not be
    /// checked at all), and is ranked as any other.
    public static func isDataQuality(_ f: Finding) -> Bool {
        let family = Family(code: f.code)
        return (family == .ID || family == .DQ) && f.severity < .high
    }

    /// `findings` (already in finding order, keys set) reordered case by case.
    static func order(_ findings: [Finding]) -> [Finding] {
        struct Case {
            var first: Int
            var members: [Finding] = []
            var score: Double = 0
            /// The highest severity of a non-data-quality member; nil: data quality only.
            var substantive: Severity?
            var effective: Double = 0
            var severity: Severity = .info
        }
        var index: [String: Int] = [:]
        var cases: [Case] = []
        for (i, f) in findings.enumerated() {
            let at: Int
            if let known = index[f.caseKey] { at = known } else {
                at = cases.count
                index[f.caseKey] = at
                cases.append(Case(first: i, score: f.score))
            }
            cases[at].members.append(f)
            cases[at].score = max(cases[at].score, f.score)
            cases[at].severity = max(cases[at].severity, f.severity)
            if !isDataQuality(f) { cases[at].substantive = max(cases[at].substantive ?? f.severity, f.severity) }
        }
        // The lowest score among cases with a substantive finding at or above each severity.
        var floor: [Severity: Double] = [:]
        for level in Severity.allCases {
            floor[level] = cases.filter { $0.substantive.map { $0 >= level } ?? false }.map(\.score).min()
        }
        for i in cases.indices {
            cases[i].effective = cases[i].score
            if cases[i].substantive == nil {
                if let cap = floor[cases[i].severity] { cases[i].effective = min(cases[i].score, cap) }
            }
        }
        cases.sort { a, b in
            if a.effective != b.effective { return a.effective > b.effective }
            if a.severity != b.severity { return a.severity > b.severity }
            if (a.substantive == nil) != (b.substantive == nil) { return a.substantive != nil }
            if a.score != b.score { return a.score > b.score }
            return a.first < b.first
        }
        return cases.flatMap(\.members)
    }
}
