/// A threshold or pattern from a rule pack, with where it came from.
public struct Setting<T: Sendable>: Sendable {
    public var value: T
    /// The policy source the pack cites for it (seed file and clause, or "default: …").
    public var source: String
    /// The pack that set it (a pack can inherit it through `extends`).
    public var pack: String

    public init(_ value: T, source: String, pack: String) {
        self.value = value
        self.source = source
        self.pack = pack
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
/// read by key (`settings[.maxClassSize]`, keys in SettingKeys.swift). Every setting is
/// optional: a pack may leave a number out, and the checks that need it are then skipped
/// with a diagnostic (RULES.md, "Bad input").
public struct Settings: Sendable {
    public var packName: String = ""
    /// The chain of packs applied, base first (national, ningxia, guyuan).
    public var chain: [String] = []
    /// When set, every read through a key is noted in it (SettingsDeclarationTests).
    public var readLog: SettingReadLog?

    private struct Stored: Sendable {
        var value: any Sendable
        var source: String
        var pack: String
    }
    private var values: [String: Stored] = [:]

    public init() {}

    public subscript<Value>(key: SettingKey<Value>) -> Setting<Value>? {
        get {
            readLog?.note(key.name)
            guard let s = values[key.name], let v = s.value as? Value else { return nil }
            return Setting(v, source: s.source, pack: s.pack)
        }
        set { values[key.name] = newValue.map { Stored(value: $0.value, source: $0.source, pack: $0.pack) } }
    }

    mutating func set(_ key: AnySettingKey, _ value: any Sendable, source: String, pack: String) {
        values[key.name] = Stored(value: value, source: source, pack: pack)
    }

    /// Whether the pack sets `key`.
    public func has(_ key: AnySettingKey) -> Bool { values[key.name] != nil }

    /// The value of `key` as text with its source, for `trainaudit rules CODE`.
    public func describe(_ key: AnySettingKey) -> (value: String, source: String, pack: String)? {
        guard let s = values[key.name], let shown = key.show(s.value) else { return nil }
        return (shown, s.source, s.pack)
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
