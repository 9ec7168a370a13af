/// A threshold or pattern from a rule pack, with where it came from and, when the pack
/// dates it, the class-start days it is for.
public struct Setting<T: Sendable>: Sendable {
    public var value: T
    /// The policy source the pack cites for it (a document's clause, or a default with why).
    public var source: PolicySource
    /// The pack that set it (a pack can inherit it through `extends`).
    public var pack: String
    /// The first class-start day it is in force for; nil: from the beginning.
    public var from: Day?
    /// The last class-start day it is in force for; nil: still in force.
    public var until: Day?

    public init(_ value: T, source: PolicySource, pack: String, from: Day? = nil, until: Day? = nil) {
        self.value = value
        self.source = source
        self.pack = pack
        self.from = from
        self.until = until
    }

    /// Whether it is the rule for a class that started on `day`.
    public func isInForce(on day: Day) -> Bool {
        (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
    }

    var isDated: Bool { from != nil || until != nil }
}

/// A setting's values by the day a class started: a class is judged by the rule in force
/// when it started (`audit.settings.inForce(.maxClassSize)`, then `forClass(startingOn:)`).
public struct SettingInForce<T: Sendable>: Sendable {
    /// The pack's values, earliest first; one undated value for most settings.
    public let periods: [Setting<T>]

    /// The value for a class that started on `start`; nil when none is in force then.
    /// A class without a start day is judged only by a value that has no dates.
    public func forClass(startingOn start: Day?) -> Setting<T>? {
        guard let start else { return periods.first { !$0.isDated } }
        return periods.first { $0.isInForce(on: start) }
    }
}

/// Course-length bounds for programs whose name matches `program` (first match wins).
public struct LengthRule: Sendable {
    public var program: Pattern
    public var minDays: Double?
    public var maxDays: Double?
    public var minHours: Double?
    public var maxHours: Double?
    /// When true the matching programs are exempt (e.g. 专项职业能力 in seed 001).
    public var exempt: Bool

    public init(program: Pattern, minDays: Double? = nil, maxDays: Double? = nil,
                minHours: Double? = nil, maxHours: Double? = nil, exempt: Bool = false) {
        self.program = program
        self.minDays = minDays
        self.maxDays = maxDays
        self.minHours = minHours
        self.maxHours = maxHours
        self.exempt = exempt
    }
}

/// The most a subsidy may be for a certificate type (seed 001: 培训合格证书 800 yuan).
public struct SubsidyStandard: Sendable {
    public var certificate: Pattern
    public var maxAmount: Int64  // fen

    public init(certificate: Pattern, maxAmount: Int64) {
        self.certificate = certificate
        self.maxAmount = maxAmount
    }
}

/// The thresholds and patterns in force: a rule pack with its `extends` chain resolved,
/// read by key (`settings[.maxClassSize]`, keys in SettingKeys.swift), with the policy
/// documents the pack's sources cite. Every setting is optional: a pack may leave a number
/// out, and the checks that need it are then skipped with a diagnostic (RULES.md, "Bad
/// input"). A setting a class is judged by may change by date: read it with `inForce`.
public struct Settings: Sendable {
    public var packName: String = ""
    /// The chain of packs applied, base first (national, ningxia, guyuan).
    public var chain: [String] = []
    /// The documents declared beside the packs (documents.yaml), which sources cite by id.
    public var documents = PolicyDocuments()
    /// When set, every read through a key is noted in it (SettingsDeclarationTests).
    public var readLog: SettingReadLog?

    private struct Stored: Sendable {
        var value: any Sendable
        var source: PolicySource
        var pack: String
        var from: Day?
        var until: Day?
    }
    /// Per key, the periods of the pack that set it last, earliest first.
    private var values: [String: [Stored]] = [:]

    public init() {}

    /// The setting for readers that judge no class by its start day: its only value, or
    /// when the pack dates it, the latest.
    public subscript<Value>(key: SettingKey<Value>) -> Setting<Value>? {
        get { inForce(key).periods.last }
        set { values[key.name] = newValue.map { [Stored(value: $0.value, source: $0.source, pack: $0.pack, from: $0.from, until: $0.until)] } }
    }

    /// The setting's values by class-start day (empty when the pack does not set it).
    public func inForce<Value>(_ key: SettingKey<Value>) -> SettingInForce<Value> {
        readLog?.note(key.name)
        let periods = (values[key.name] ?? []).compactMap { s in
            (s.value as? Value).map { Setting($0, source: s.source, pack: s.pack, from: s.from, until: s.until) }
        }
        return SettingInForce(periods: periods)
    }

    /// Sets all the periods of `key` (a pack that sets a key replaces what it inherits).
    mutating func set(_ key: AnySettingKey, _ periods: [(value: any Sendable, source: PolicySource, from: Day?, until: Day?)], pack: String) {
        values[key.name] = periods.map { Stored(value: $0.value, source: $0.source, pack: pack, from: $0.from, until: $0.until) }
    }

    /// Whether the pack sets `key`.
    public func has(_ key: AnySettingKey) -> Bool { values[key.name] != nil }

    /// One period of a setting as text, for `trainaudit rules CODE` and the run record.
    public struct Described: Sendable {
        public var value: String
        public var source: PolicySource
        public var pack: String
        public var from: Day?
        public var until: Day?
    }

    /// The values of `key` as text with their sources, earliest first (empty when unset).
    public func describe(_ key: AnySettingKey) -> [Described] {
        (values[key.name] ?? []).compactMap { s in
            key.show(s.value).map { Described(value: $0, source: s.source, pack: s.pack, from: s.from, until: s.until) }
        }
    }
}

/// Money in fen, shown in yuan.
public enum Money {
    /// 160000 → "1600", 80050 → "800.5".
    public static func yuan(_ fen: Int64) -> String {
        let whole = fen / 100, cents = abs(fen % 100)
        if cents == 0 { return String(whole) }
        if cents % 10 == 0 { return "\(whole).\(cents / 10)" }
        return "\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }
}
