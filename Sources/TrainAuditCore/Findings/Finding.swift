/// How bad a finding is, before confidence and money are weighed in.
public enum Severity: Int, Sendable, Comparable, CaseIterable {
    case info, low, medium, high, critical

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

    public var name: String {
        switch self {
        case .info: return "info"
        case .low: return "low"
        case .medium: return "medium"
        case .high: return "high"
        case .critical: return "critical"
        }
    }

    public init?(name: String) {
        guard let s = Severity.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = s
    }

    public var label: Localized {
        switch self {
        case .info: return Localized(zh: "提示", en: "info")
        case .low: return Localized(zh: "低", en: "low")
        case .medium: return Localized(zh: "中", en: "medium")
        case .high: return Localized(zh: "高", en: "high")
        case .critical: return Localized(zh: "严重", en: "critical")
        }
    }

    /// The severity factor of the score (Findings/Ranking.swift).
    public var weight: Double {
        switch self {
        case .info: return 0.05
        case .low: return 0.25
        case .medium: return 0.5
        case .high: return 0.8
        case .critical: return 1.0
        }
    }
}

/// The person a finding is about.
public struct PersonRef: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A payment row a finding counts, with its amount and the class and institution it pays
/// for (the payment's own class, else the class of the payee's enrolment it most likely
/// pays: `PaymentAttribution`). Filled by ranking from `paymentRefs`.
public struct PaymentAtRisk: Sendable, Hashable {
    public var source: SourceRef
    public var amount: Int64?
    public var classID: String?
    public var institution: String?

    public init(source: SourceRef, amount: Int64?, classID: String?, institution: String?) {
        self.source = source
        self.amount = amount
        self.classID = classID
        self.institution = institution
    }
}

/// One finding: what a check saw, with the evidence an auditor needs to pull the paper.
public struct Finding: Sendable {
    public var code: String
    public var severity: Severity
    public var title: Localized
    public var message: Localized
    public var person: PersonRef?
    public var classID: String?
    public var institution: String?
    public var county: String?
    /// The subsidy the finding puts in doubt, in fen.
    public var amount: Int64?
    /// How sure the evidence is, 0...1.
    public var confidence: Double
    /// The rows behind the finding, most telling first.
    public var evidence: [SourceRef]
    /// What the finding is about, independent of row positions (fingerprint input), e.g.
    /// the ID and class. Two findings of one code with the same subject are one finding.
    public var subject: String
    /// Payment rows whose money the finding puts in doubt: money at risk is counted once
    /// per payment across findings.
    public var paymentRefs: [SourceRef]
    /// Everyone a finding about several people concerns (a shared account or phone, a
    /// burst, a copied sheet), in the order the message names them; empty otherwise.
    public var people: [PersonRef] = []
    /// The classes a finding spans (two overlapping classes, a teacher's two classes).
    public var classes: [String] = []
    /// Filled by ranking: the payment rows of `paymentRefs` with their amounts and units.
    public var payments: [PaymentAtRisk] = []
    /// Filled by ranking: the root cause findings share (a person, a class, a table), so
    /// related findings are read and ranked together (Findings/Cases.swift).
    public var caseKey: String = ""
    /// Filled by ranking: names besides the person's and the people's that the message may
    /// show (their names in other tables, account holders, teachers), for `--mask`.
    public var otherNames: [String] = []
    /// Filled by ranking.
    public var score: Double = 0
    public var fingerprint: String = ""
    /// What a call sheet said about it (`scan --verified`); nil: not verified.
    public var verified: Verification?

    public init(code: String, severity: Severity, title: Localized, message: Localized,
                subject: String, evidence: [SourceRef], confidence: Double = 1,
                person: PersonRef? = nil, classID: String? = nil, institution: String? = nil,
                county: String? = nil, amount: Int64? = nil, paymentRefs: [SourceRef] = []) {
        self.code = code
        self.severity = severity
        self.title = title
        self.message = message
        self.subject = subject
        self.evidence = evidence
        self.confidence = confidence
        self.person = person
        self.classID = classID
        self.institution = institution
        self.county = county
        self.amount = amount
        self.paymentRefs = paymentRefs
    }
}
