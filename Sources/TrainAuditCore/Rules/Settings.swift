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

/// The thresholds and patterns in force: a rule pack with its `extends` chain resolved.
/// Every field is optional: a pack may leave a number out, and the checks that need it
/// are then skipped with a diagnostic (RULES.md, "Bad input").
/// The YAML keys are the snake_case names listed in `Settings.keys`.
public struct Settings: Sendable {
    public var packName: String = ""
    /// The chain of packs applied, base first (national, ningxia, guyuan).
    public var chain: [String] = []

    // REG
    public var minAge: Setting<Int>?                  // eligible_age.min
    public var maxAge: Setting<Int>?                  // eligible_age.max
    public var drivingAgeLimit: Setting<Int>?         // driving_age_limit: flagged at this age or over
    public var drivingCourse: Setting<Pattern>?       // patterns.driving_course
    public var ineligibleStatus: Setting<Pattern>?    // patterns.ineligible_status (人员状态)
    public var noLaborCapacity: Setting<Pattern>?     // patterns.no_labor_capacity (劳动技能)
    public var deceasedStatus: Setting<Pattern>?      // patterns.deceased_status (人员状态 meaning death)
    // DUP
    public var maxTrainingsPerYear: Setting<Int>?     // max_trainings_per_year
    public var retakeAfterFailAllowed: Setting<Bool>? // retake_after_fail_allowed
    public var failedAssessment: Setting<Pattern>?    // patterns.failed_assessment
    // SCH
    public var courseLength: Setting<[LengthRule]>?   // course_length
    public var minDailyHours: Setting<Double>?        // min_daily_hours
    public var maxDailyHours: Setting<Double>?        // max_daily_hours
    public var minPracticalShare: Setting<Double>?    // min_practical_share
    // PRX
    public var burstWindowSeconds: Setting<Int>?      // burst.window_seconds
    public var burstMinPeople: Setting<Int>?          // burst.min_people
    public var copiedSheetShare: Setting<Double>?     // copied_sheet.min_share
    public var copiedSheetMinPeople: Setting<Int>?    // copied_sheet.min_people
    public var outOfProvinceWork: Setting<Pattern>?   // patterns.out_of_province_work (务工状况)
    // CLS
    public var maxClassSize: Setting<Int>?            // max_class_size
    public var rosterToAttendanceRatio: Setting<Double>? // roster_attendance_ratio
    // PAY (later), TGT (later)
    public var subsidyStandards: Setting<[SubsidyStandard]>? // subsidy_standard
    public var minAttendanceShare: Setting<Double>?   // min_attendance_share
    public var trainingItem: Setting<Pattern>?        // patterns.training_item (补贴项目 counted against the standard)
    public var employmentFloor: Setting<Double>?      // employment_floor
    public var notEmployed: Setting<Pattern>?         // patterns.not_employed (就业去向 meaning no job)
    public var phoneSpotCheckRate: Setting<Double>?   // phone_spot_check_rate
    public var spotCheckEveryClass: Setting<Bool>?    // spot_check.every_class (trainaudit sample)
    public var levels: Setting<[String]>?             // levels
    // DQ / ID
    public var placeholder: Setting<Pattern>?         // patterns.placeholder (无, 测试, xxx)

    public init() {}

    /// Whether the pack sets `key` (a name from a CheckInfo's `settings`).
    public func has(_ key: String) -> Bool { describe(key) != nil }

    /// The value of `key` as text with its source, for `trainaudit rules CODE`.
    public func describe(_ key: String) -> (value: String, source: String, pack: String)? {
        func show<T>(_ s: Setting<T>?, _ render: (T) -> String) -> (String, String, String)? {
            s.map { (render($0.value), $0.source, $0.pack) }
        }
        func num(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
        switch key {
        case "eligible_age.min": return show(minAge) { String($0) }
        case "eligible_age.max": return show(maxAge) { String($0) }
        case "driving_age_limit": return show(drivingAgeLimit) { String($0) }
        case "patterns.driving_course": return show(drivingCourse) { $0.description }
        case "patterns.ineligible_status": return show(ineligibleStatus) { $0.description }
        case "patterns.no_labor_capacity": return show(noLaborCapacity) { $0.description }
        case "patterns.deceased_status": return show(deceasedStatus) { $0.description }
        case "max_trainings_per_year": return show(maxTrainingsPerYear) { String($0) }
        case "retake_after_fail_allowed": return show(retakeAfterFailAllowed) { String($0) }
        case "patterns.failed_assessment": return show(failedAssessment) { $0.description }
        case "course_length": return show(courseLength) { rules in
            rules.map { r in
                if r.exempt { return "\(r.program): exempt" }
                var parts: [String] = []
                if let v = r.minDays { parts.append("≥\(num(v)) days") }
                if let v = r.maxDays { parts.append("≤\(num(v)) days") }
                if let v = r.minHours { parts.append("≥\(num(v)) hours") }
                if let v = r.maxHours { parts.append("≤\(num(v)) hours") }
                return "\(r.program): " + parts.joined(separator: ", ")
            }.joined(separator: "; ")
        }
        case "min_daily_hours": return show(minDailyHours) { num($0) }
        case "max_daily_hours": return show(maxDailyHours) { num($0) }
        case "min_practical_share": return show(minPracticalShare) { num($0) }
        case "burst.window_seconds": return show(burstWindowSeconds) { String($0) }
        case "burst.min_people": return show(burstMinPeople) { String($0) }
        case "copied_sheet.min_share": return show(copiedSheetShare) { num($0) }
        case "copied_sheet.min_people": return show(copiedSheetMinPeople) { String($0) }
        case "patterns.out_of_province_work": return show(outOfProvinceWork) { $0.description }
        case "max_class_size": return show(maxClassSize) { String($0) }
        case "roster_attendance_ratio": return show(rosterToAttendanceRatio) { num($0) }
        case "subsidy_standard": return show(subsidyStandards) { list in
            list.map { "\($0.certificate) ≤ \(Money.yuan($0.maxAmount))" }.joined(separator: "; ")
        }
        case "min_attendance_share": return show(minAttendanceShare) { num($0) }
        case "patterns.training_item": return show(trainingItem) { $0.description }
        case "employment_floor": return show(employmentFloor) { num($0) }
        case "patterns.not_employed": return show(notEmployed) { $0.description }
        case "phone_spot_check_rate": return show(phoneSpotCheckRate) { num($0) }
        case "spot_check.every_class": return show(spotCheckEveryClass) { String($0) }
        case "levels": return show(levels) { $0.joined(separator: ", ") }
        case "patterns.placeholder": return show(placeholder) { $0.description }
        default: return nil
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
