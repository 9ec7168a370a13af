/// Every setting a rule pack may set, declared once: YAML name, value type, description.
/// A check lists the keys it reads in its CheckInfo; other readers declare theirs beside
/// them (`Loader.settings`, `SpotCheck.settings`). SettingsDeclarationTests keeps the three
/// in step.

// REG: eligibility
extension SettingKey<Int> {
    public static var minAge: Self { .init("eligible_age.min", "youngest eligible age on the class start date", byClassStart: true) }
    public static var maxAge: Self { .init("eligible_age.max", "oldest eligible age on the class start date", byClassStart: true) }
    public static var drivingAgeLimit: Self { .init("driving_age_limit", "age at or over which a driving-course trainee is flagged", byClassStart: true) }
}

extension SettingKey<Pattern> {
    public static var drivingCourse: Self { .init("patterns.driving_course", "program or occupation names of driving courses") }
    public static var ineligibleStatus: Self { .init("patterns.ineligible_status", "registry 人员状态 values that end eligibility") }
    public static var noLaborCapacity: Self { .init("patterns.no_labor_capacity", "registry 劳动技能 values meaning no capacity to work") }
    public static var deceasedStatus: Self { .init("patterns.deceased_status", "registry 人员状态 values meaning the person died") }
}

// DUP: duplicate subsidies
extension SettingKey<Int> {
    public static var maxTrainingsPerYear: Self { .init("max_trainings_per_year", "most subsidised trainings a person may have in a year") }
}

extension SettingKey<Bool> {
    public static var retakeAfterFailAllowed: Self { .init("retake_after_fail_allowed", "whether a re-take after a failed assessment may be subsidised again") }
}

extension SettingKey<Pattern> {
    public static var failedAssessment: Self { .init("patterns.failed_assessment", "鉴定或考核通过情况 values meaning failed") }
}

// SCH: schedules
extension SettingKey<[LengthRule]> {
    public static var courseLength: Self { .init("course_length", "course-length bounds by program (first match wins)", byClassStart: true) }
}

extension SettingKey<Double> {
    public static var minDailyHours: Self { .init("min_daily_hours", "fewest 学时 a class day may have", byClassStart: true) }
    public static var maxDailyHours: Self { .init("max_daily_hours", "most 学时 a class day may have") }
    public static var minPracticalShare: Self { .init("min_practical_share", "least share of the hours that must be practical", byClassStart: true) }
}

// PRX: proxy sign-ins
extension SettingKey<Int> {
    public static var burstWindowSeconds: Self { .init("burst.window_seconds", "seconds within which sign-ins on one device are a burst") }
    public static var burstMinPeople: Self { .init("burst.min_people", "different people in a window that make a burst") }
    public static var copiedSheetMinPeople: Self { .init("copied_sheet.min_people", "fewest people on a sheet for it to be judged copied") }
}

extension SettingKey<Double> {
    public static var copiedSheetShare: Self { .init("copied_sheet.min_share", "share of sign-in times equal to another day's that makes a copied sheet") }
}

extension SettingKey<Pattern> {
    public static var outOfProvinceWork: Self { .init("patterns.out_of_province_work", "registry 务工状况 values meaning working outside the province") }
}

// CLS: class size
extension SettingKey<Int> {
    public static var maxClassSize: Self { .init("max_class_size", "most trainees a class may have", byClassStart: true) }
}

extension SettingKey<Double> {
    public static var rosterToAttendanceRatio: Self { .init("roster_attendance_ratio", "roster size over people who ever signed in that means an inflated roster") }
}

// PAY: payments
extension SettingKey<[SubsidyStandard]> {
    public static var subsidyStandards: Self { .init("subsidy_standard", "most training subsidy a certificate type allows", byClassStart: true) }
}

extension SettingKey<Double> {
    public static var minAttendanceShare: Self { .init("min_attendance_share", "attendance share below which a subsidy is in doubt") }
}

extension SettingKey<Pattern> {
    public static var trainingItem: Self { .init("patterns.training_item", "补贴项目 values of the training subsidy itself") }
}

// TGT: targets and assessment
extension SettingKey<Double> {
    public static var employmentFloor: Self { .init("employment_floor", "least employment rate after training") }
}

extension SettingKey<Pattern> {
    public static var notEmployed: Self { .init("patterns.not_employed", "就业去向 values meaning no job after the training") }
}

// trainaudit sample
extension SettingKey<Double> {
    public static var phoneSpotCheckRate: Self { .init("phone_spot_check_rate", "share of trainees the phone spot check calls") }
}

extension SettingKey<Bool> {
    public static var spotCheckEveryClass: Self { .init("spot_check.every_class", "whether every class gets at least one spot-check call") }
}

extension AnySettingKey {
    /// Every key a pack may set; the parser refuses any other.
    public static let all: [AnySettingKey] = list(
        .minAge, .maxAge, .drivingAgeLimit, .drivingCourse, .ineligibleStatus, .noLaborCapacity, .deceasedStatus,
        .maxTrainingsPerYear, .retakeAfterFailAllowed, .failedAssessment,
        .courseLength, .minDailyHours, .maxDailyHours, .minPracticalShare,
        .burstWindowSeconds, .burstMinPeople, .copiedSheetShare, .copiedSheetMinPeople, .outOfProvinceWork,
        .maxClassSize, .rosterToAttendanceRatio,
        .subsidyStandards, .minAttendanceShare, .trainingItem,
        .employmentFloor, .notEmployed,
        .phoneSpotCheckRate, .spotCheckEveryClass)
}
