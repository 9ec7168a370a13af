/// Typed records, one per table kind (DATA.md). Each carries its source, so every
/// finding can name the file, sheet and row an auditor pulls.
///
/// Values the row could not supply are nil; why they are nil (blank or unreadable) is
/// reported as a DQ finding when the record is built, not here.

/// A trainee line of a training ledger (培训台账, seed 000 附件5).
public struct Enrollment: Sendable {
    public var source: SourceRef
    public var id: IDReading
    public var name: String
    public var gender: String?
    public var age: Int?
    public var occupation: String?
    public var level: String?
    public var start: Day?
    public var end: Day?
    public var hours: Double?
    public var certPassed: Bool?
    /// 鉴定或考核通过情况 as written (cleaned), for the pack's patterns (PAY002).
    public var assessment: String?
    public var subsidy: Int64?  // fen
    public var phone: String?
    public var employment: String?
    public var classID: String?
    public var institution: String?
    public var program: String?
    public var department: String?
    public var county: String?
    /// Columns the mapping did not know, kept for evidence: (header, value).
    public var extra: [(String, String)]

    public init(source: SourceRef, id: IDReading, name: String) {
        self.source = source
        self.id = id
        self.name = name
        self.extra = []
    }
}

/// One sign-in (考勤/签到) line.
///
/// A province-year has 24 million of these, so the stored form is compact (40 bytes
/// instead of 240, no reference counting): texts are codes in `SharedText`; what repeats
/// row after row (file and sheet, class, session, method, device, place) is one code for
/// all six; times are seconds from the sign-in's day. The properties read and write as
/// plain values.
public struct SignIn: Sendable {
    public var id: IDReading
    private var row: UInt32
    private var nameCode: UInt32
    /// A code in `SignIn.contexts`.
    private var contextCode: UInt32
    var photoCode: UInt32 = 0
    private var dayOrdinal = SignIn.none
    /// Check-in and check-out, `Times`-encoded.
    private var inTime = SignIn.none, outTime = SignIn.none

    /// The day ordinal that stands for nil (no real day is that far back).
    private static let none = Int32.min

    public init(source: SourceRef, id: IDReading, name: String) {
        self.id = id
        self.row = UInt32(clamping: source.row)
        self.nameCode = SharedText.code(name)
        self.contextCode = Self.contexts.intern(Context(place: source.placeCode))
    }

    /// For a reader that has the codes already (see `RecordBuilder`).
    init(id: IDReading, row: Int, nameCode: UInt32, contextCode: UInt32) {
        self.id = id
        self.row = UInt32(clamping: row)
        self.nameCode = nameCode
        self.contextCode = contextCode
    }

    /// What repeats row after row: the `SourceRef` place code and `SharedText` codes.
    struct Context: Hashable, Sendable {
        var place: UInt32
        var classID: UInt32 = 0, session: UInt32 = 0, method: UInt32 = 0, device: UInt32 = 0, location: UInt32 = 0
    }

    static let contexts = InternTable<Context>()

    var context: Context {
        get { Self.contexts.value(of: contextCode) }
        set { contextCode = Self.contexts.intern(newValue) }
    }

    public var source: SourceRef {
        get { SourceRef(placeCode: context.place, row: row) }
        set {
            row = UInt32(clamping: newValue.row)
            if newValue.placeCode != context.place { context.place = newValue.placeCode }
        }
    }

    public var name: String {
        get { SharedText.text(nameCode) ?? "" }
        set { nameCode = SharedText.code(newValue) }
    }
    public var classID: String? {
        get { SharedText.text(context.classID) }
        set { context.classID = SharedText.code(newValue) }
    }
    /// Whether the sign-in names a class (cheaper than `classID != nil`: no text is made).
    public var hasClass: Bool { context.classID != 0 }

    /// Whether two sign-ins name the same class (or both none), compared without texts.
    public func sameClass(as other: SignIn) -> Bool { context.classID == other.context.classID }

    public var session: String? {
        get { SharedText.text(context.session) }
        set { context.session = SharedText.code(newValue) }
    }
    public var method: String? {
        get { SharedText.text(context.method) }
        set { context.method = SharedText.code(newValue) }
    }
    public var device: String? {
        get { SharedText.text(context.device) }
        set { context.device = SharedText.code(newValue) }
    }
    public var location: String? {
        get { SharedText.text(context.location) }
        set { context.location = SharedText.code(newValue) }
    }
    public var photoHash: String? {
        get { SharedText.text(photoCode) }
        set { photoCode = SharedText.code(newValue) }
    }
    public var day: Day? {
        get { dayOrdinal == Self.none ? nil : Day(ordinal: dayOrdinal) }
        set {
            // The times are kept relative to the day: read them before it changes.
            let (i, o) = (checkIn, checkOut)
            dayOrdinal = newValue?.ordinal ?? Self.none
            (checkIn, checkOut) = (i, o)
        }
    }
    public var checkIn: Moment? {
        get { Times.moment(inTime, from: dayOrdinal) }
        set { inTime = Times.encode(newValue, from: dayOrdinal) }
    }
    public var checkOut: Moment? {
        get { Times.moment(outTime, from: dayOrdinal) }
        set { outTime = Times.encode(newValue, from: dayOrdinal) }
    }

    /// A check-in or check-out in an Int32: `none` for nil; otherwise seconds from the
    /// sign-in's day (from day 0 when it has none), which covers 59 years either side. A
    /// moment farther off (a mistyped year) is kept whole in `far`, and the Int32 is its
    /// code counted up from just above `none`.
    enum Times {
        static let far = InternTable<Moment>()
        /// Codes of far moments are below this; offsets are at or above it.
        static let farLimit = Int32.min + (1 << 28)

        static func encode(_ m: Moment?, from dayOrdinal: Int32) -> Int32 {
            guard let m else { return SignIn.none }
            let base = dayOrdinal == SignIn.none ? 0 : Int64(dayOrdinal)
            let offset = (Int64(m.day.ordinal) - base) * 86400 + Int64(m.seconds)
            if offset >= Int64(farLimit), offset <= Int64(Int32.max) { return Int32(offset) }
            let code = far.intern(m)
            precondition(code < UInt32(1 << 28), "too many far moments")
            return SignIn.none + Int32(code)
        }

        static func moment(_ v: Int32, from dayOrdinal: Int32) -> Moment? {
            if v == SignIn.none { return nil }
            if v < farLimit { return far.value(of: UInt32(v - SignIn.none)) }
            let base = dayOrdinal == SignIn.none ? 0 : Int64(dayOrdinal)
            let absolute = base * 86400 + Int64(v)
            let day = absolute >= 0 ? absolute / 86400 : (absolute - 86399) / 86400
            return Moment(day: Day(ordinal: Int32(day)), seconds: Int32(absolute - day * 86400))
        }
    }
}

/// A class as registered (开班申请/备案).
public struct TrainingClass: Sendable {
    public var source: SourceRef
    public var classID: String
    public var institution: String?
    public var occupation: String?
    public var level: String?
    public var program: String?
    public var start: Day?
    public var end: Day?
    public var hoursTotal: Double?
    public var hoursTheory: Double?
    public var hoursPractical: Double?
    public var teachers: [String]
    public var location: String?
    public var county: String?
    public var capacity: Int?
    public var certificate: String?

    public init(source: SourceRef, classID: String) {
        self.source = source
        self.classID = classID
        self.teachers = []
    }
}

/// One subsidy payout line (补贴发放明细).
public struct Payment: Sendable {
    public var source: SourceRef
    public var id: IDReading
    public var name: String
    public var amount: Int64?  // fen
    public var paidOn: Day?
    public var item: String?
    public var account: String?
    public var fund: String?
    public var payer: String?
    public var classID: String?
    /// The account holder (户名/开户人/收款人) where the ledger names one beside the trainee.
    public var holder: String?

    public init(source: SourceRef, id: IDReading, name: String) {
        self.source = source
        self.id = id
        self.name = name
    }
}

/// A person in the poverty-registry extract (建档立卡).
///
/// 4 million at a province-year, so stored compactly like `SignIn` (80 bytes): the name
/// is a `SharedText` code, and the nine texts that describe a person's place and status
/// (relation, county, town, village, statuses) are one code for all nine, since a
/// village's people share a few combinations. Texts of one person stay Strings. The
/// person number (人编号) is not kept: no check reads it, and the source row leads an
/// auditor to it.
public struct RegistryEntry: Sendable {
    public var source: SourceRef
    public var id: IDReading
    private var nameCode: UInt32
    /// A code in `RegistryEntry.profiles`.
    private var profileCode: UInt32
    private var statusOrdinal = Int32.min  // Int32.min: no status date
    public var householdID: String?
    public var phone: String?
    public var bankAccount: String?

    public init(source: SourceRef, id: IDReading, name: String) {
        self.source = source
        self.id = id
        self.nameCode = SharedText.code(name)
        self.profileCode = Self.blankProfile
    }

    /// For a reader that has the name's code already (see `RecordBuilder`).
    init(source: SourceRef, id: IDReading, nameCode: UInt32) {
        self.source = source
        self.id = id
        self.nameCode = nameCode
        self.profileCode = Self.blankProfile
    }

    /// Place and status texts as `SharedText` codes.
    struct Profile: Hashable, Sendable {
        var relation: UInt32 = 0, county: UInt32 = 0, town: UInt32 = 0, village: UInt32 = 0
        var personStatus: UInt32 = 0, povertyStatus: UInt32 = 0, laborCapacity: UInt32 = 0
        var studentStatus: UInt32 = 0, workStatus: UInt32 = 0
    }

    static let profiles = InternTable<Profile>()
    private static let blankProfile = profiles.intern(Profile())

    var profile: Profile {
        get { Self.profiles.value(of: profileCode) }
        set { profileCode = Self.profiles.intern(newValue) }
    }

    /// The profile's code, for a reader that has it already.
    var profileKey: UInt32 {
        get { profileCode }
        set { profileCode = newValue }
    }

    public var name: String {
        get { SharedText.text(nameCode) ?? "" }
        set { nameCode = SharedText.code(newValue) }
    }
    public var relation: String? {
        get { SharedText.text(profile.relation) }
        set { profile.relation = SharedText.code(newValue) }
    }
    public var county: String? {
        get { SharedText.text(profile.county) }
        set { profile.county = SharedText.code(newValue) }
    }
    public var town: String? {
        get { SharedText.text(profile.town) }
        set { profile.town = SharedText.code(newValue) }
    }
    public var village: String? {
        get { SharedText.text(profile.village) }
        set { profile.village = SharedText.code(newValue) }
    }
    public var personStatus: String? {
        get { SharedText.text(profile.personStatus) }
        set { profile.personStatus = SharedText.code(newValue) }
    }
    public var povertyStatus: String? {
        get { SharedText.text(profile.povertyStatus) }
        set { profile.povertyStatus = SharedText.code(newValue) }
    }
    public var laborCapacity: String? {
        get { SharedText.text(profile.laborCapacity) }
        set { profile.laborCapacity = SharedText.code(newValue) }
    }
    public var studentStatus: String? {
        get { SharedText.text(profile.studentStatus) }
        set { profile.studentStatus = SharedText.code(newValue) }
    }
    public var workStatus: String? {
        get { SharedText.text(profile.workStatus) }
        set { profile.workStatus = SharedText.code(newValue) }
    }
    public var statusDate: Day? {
        get { statusOrdinal == Int32.min ? nil : Day(ordinal: statusOrdinal) }
        set { statusOrdinal = newValue?.ordinal ?? Int32.min }
    }
}

/// A county's yearly training target (任务分解表, seed 000 附件2).
public struct TaskTarget: Sendable {
    public var source: SourceRef
    public var county: String
    public var year: Int?
    public var target: Int?

    public init(source: SourceRef, county: String) {
        self.source = source
        self.county = county
    }
}

/// Someone another office lists as not eligible: public payroll, student, pensioner,
/// dead, employed and insured.
public struct WatchEntry: Sendable {
    public var source: SourceRef
    public var id: IDReading
    public var name: String
    public var list: String
    public var from: Day?
    public var to: Day?

    public init(source: SourceRef, id: IDReading, name: String, list: String) {
        self.source = source
        self.id = id
        self.name = name
        self.list = list
    }
}
