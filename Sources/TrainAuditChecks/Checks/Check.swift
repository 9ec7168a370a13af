import TrainAuditCore
/// The check families of RULES.md.
public enum Family: String, Sendable, CaseIterable {
    case REG, DUP, SCH, PRX, CLS, ID, PAY, TGT, DQ

    public var title: Localized {
        switch self {
        case .REG: return Localized(zh: "非建档立卡对象", en: "non-registered trainees")
        case .DUP: return Localized(zh: "重复享受补贴", en: "duplicate subsidies")
        case .SCH: return Localized(zh: "不可能的时间安排", en: "impossible schedules")
        case .PRX: return Localized(zh: "考勤代签", en: "proxy sign-ins")
        case .CLS: return Localized(zh: "班级规模", en: "class size")
        case .ID: return Localized(zh: "身份证号质量", en: "identity data quality")
        case .PAY: return Localized(zh: "补贴发放", en: "payments")
        case .TGT: return Localized(zh: "任务与考核", en: "targets and assessment")
        case .DQ: return Localized(zh: "表格质量", en: "table quality")
        }
    }
}

/// What a check is: its code, titles, severity and the policy text it enforces.
public struct CheckInfo: Sendable {
    public let code: String
    public let severity: Severity
    public let title: Localized
    /// What it catches and why, for `trainaudit rules CODE`.
    public let summary: Localized
    /// The policy source: clauses of documents declared in rules/documents.yaml, or a
    /// default or other basis with why, in both languages.
    public let source: [PolicySource]
    /// Tables the check needs; without them it is skipped and the summary says so.
    public let needs: [TableKind]
    /// The settings (rule-pack thresholds and patterns) it needs; a pack missing one
    /// skips the check with a diagnostic.
    public let settings: [AnySettingKey]
    /// Settings it also reads when the pack sets them, and runs without.
    public let optionalSettings: [AnySettingKey]

    public var family: Family { Family(rawValue: String(code.prefix(while: { $0.isLetter }))) ?? .DQ }

    /// `settings: .minAge, .maxAge` and `optional: .trainingItem` list keys of SettingKeys.swift.
    public init<each Needed, each Extra>(code: String, severity: Severity, title: Localized, summary: Localized,
                source: [PolicySource], needs: [TableKind], settings: repeat SettingKey<each Needed>,
                optional: repeat SettingKey<each Extra>) {
        self.code = code
        self.severity = severity
        self.title = title
        self.summary = summary
        self.source = source
        self.needs = needs
        self.settings = AnySettingKey.list(repeat each settings)
        self.optionalSettings = AnySettingKey.list(repeat each optional)
    }
}

/// A check's own fixture: small tables as CSV text (file name → text; the table kind is
/// recognised from the header, as for real files) and how many findings of the check's
/// code they must produce. The examples are the check's tests (Tests/CheckExamplesTests).
public struct CheckExample: Sendable {
    public let name: String
    public let tables: [(file: String, csv: String)]
    public let expected: Int
    /// The rule pack the example runs under.
    public let pack: String

    /// Tables that must produce `count` findings (default 1).
    public static func triggers(_ name: String, count: Int = 1, pack: String = "guyuan", _ tables: (String, String)...) -> CheckExample {
        CheckExample(name: name, tables: tables.map { (file: $0.0, csv: $0.1) }, expected: count, pack: pack)
    }

    /// Tables that must produce no finding.
    public static func passes(_ name: String, pack: String = "guyuan", _ tables: (String, String)...) -> CheckExample {
        CheckExample(name: name, tables: tables.map { (file: $0.0, csv: $0.1) }, expected: 0, pack: pack)
    }
}

/// Everything a check sees: the run's records through the core's views, the pack's
/// settings, the region table and the day the audit is run "as of". Never raw cells,
/// never row numbers or storage.
///
/// Writing a check: walk `data.trainees` (people on a roster; `attendees`, `payees` for
/// sign-ins and payments), `data.trainingClasses`, `data.rosterLines` or a table
/// (`data.payments`); a `Trainee` has its `roster` lines, `payments`, `signIns`,
/// `registry` and `money(in:)`; a `RosterLine` its class, `period`, `subsidy`, `age(on:)`;
/// a class its `data.roster(of:)`, `data.signIns(of:)`, `data.payments(of:)`. When each
/// person's findings depend on that person alone, `Parallel.flatMap(data.attendees) { … }`
/// walks them on all cores and gives the loop's findings in the loop's order;
/// `data.flatMapPeople { id, records in … }` does the same for everyone in any table, with
/// their records in each (registry, roster, sign-ins, payments, watchlist). Read
/// thresholds as `audit.settings[.key]?.value`; a threshold a class is judged by (a key
/// declared `byClassStart`) as `audit.settings.inForce(.key).forClass(startingOn: start)`,
/// the rule in force when the class started. List the keys in `CheckInfo.settings`
/// (SettingsDeclarationTests checks it); add the type to its family's list (a test fails
/// otherwise); give it triggering and passing examples, which are its tests.
public struct Audit: Sendable {
    public let data: AuditData
    public let settings: Settings
    public let regions: RegionCodes
    /// "Today" for checks that compare with now (sign-ins in the future); fixed per run
    /// (`--as-of`), so the same input gives the same output.
    public let asOf: Day

    public init(data: AuditData, settings: Settings, regions: RegionCodes, asOf: Day) {
        self.data = data
        self.settings = settings
        self.regions = regions
        self.asOf = asOf
    }
}

/// Region-code lookup as checks need it (implemented by RegionTable).
public protocol RegionCodes: Sendable {
    func contains(_ code: Int) -> Bool
}

/// A check: a small type carrying its code, titles, policy source and examples.
public protocol Check: Sendable {
    var info: CheckInfo { get }
    var examples: [CheckExample] { get }
    /// Findings for the audit; never prints. Settings it needs are present (the runner
    /// skips the check otherwise), but a check still guards optionals, never force-unwraps.
    func run(_ audit: Audit) -> [Finding]
}

extension Check {
    /// A finding of this check with its code, severity and title filled in.
    public func finding(_ message: Localized, subject: String, evidence: [SourceRef],
                        confidence: Double = 1, person: PersonRef? = nil, classID: String? = nil,
                        institution: String? = nil, county: String? = nil, amount: Int64? = nil,
                        paymentRefs: [SourceRef] = [], severity: Severity? = nil,
                        people: [PersonRef] = [], classes: [String] = []) -> Finding {
        var f = Finding(code: info.code, severity: severity ?? info.severity, title: info.title, message: message,
                        subject: subject, evidence: evidence, confidence: confidence, person: person,
                        classID: classID, institution: institution, county: county, amount: amount,
                        paymentRefs: paymentRefs)
        f.people = people
        f.classes = classes
        return f
    }
}
