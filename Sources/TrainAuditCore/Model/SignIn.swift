/// How a sign-in (考勤/签到 line) is stored: 40 bytes, no references.
///
/// A province-year has 24 million of these, so texts are codes in the run's `RunTables`;
/// what repeats row after row (file and sheet, class, session, method, device, place) is
/// one code for all six; times are seconds from the sign-in's day. Checks never see this:
/// they read `SignIn`, which decodes it.
struct SignInRow: Sendable {
    var id: IDReading
    var row: UInt32
    var nameCode: UInt32
    /// A code in `RunTables.signInContexts`.
    var contextCode: UInt32
    var photoCode: UInt32 = 0
    var dayOrdinal = SignInRow.none
    /// Check-in and check-out, `Times`-encoded.
    var inTime = SignInRow.none, outTime = SignInRow.none

    /// The day ordinal that stands for nil (no real day is that far back).
    static let none = Int32.min

    init(id: IDReading, row: Int, nameCode: UInt32, contextCode: UInt32) {
        self.id = id
        self.row = UInt32(clamping: row)
        self.nameCode = nameCode
        self.contextCode = contextCode
    }

    /// What repeats row after row: the `SourceRef` place code and text codes.
    struct Context: Hashable, Sendable {
        var place: UInt32
        var classID: UInt32 = 0, session: UInt32 = 0, method: UInt32 = 0, device: UInt32 = 0, location: UInt32 = 0
    }

    /// A check-in or check-out in an Int32: `none` for nil; otherwise seconds from the
    /// sign-in's day (from day 0 when it has none), which covers 59 years either side. A
    /// moment farther off (a mistyped year) is kept whole in the run's `farMoments`, and
    /// the Int32 is its code counted up from just above `none`.
    enum Times {
        /// Codes of far moments are below this; offsets are at or above it.
        static let farLimit = Int32.min + (1 << 28)

        static func encode(_ m: Moment?, from dayOrdinal: Int32, far: InternTable<Moment>) -> Int32 {
            guard let m else { return SignInRow.none }
            let base = dayOrdinal == SignInRow.none ? 0 : Int64(dayOrdinal)
            let offset = (Int64(m.day.ordinal) - base) * 86400 + Int64(m.seconds)
            if offset >= Int64(farLimit), offset <= Int64(Int32.max) { return Int32(offset) }
            let code = far.intern(m)
            precondition(code < UInt32(1 << 28), "too many far moments")
            return SignInRow.none + Int32(code)
        }

        /// `far` is read only for a far moment: the table is a class, and reading it for
        /// every sign-in retained and released it each time.
        @inline(__always)
        static func moment(_ v: Int32, from dayOrdinal: Int32, far: @autoclosure () -> InternTable<Moment>) -> Moment? {
            if v == SignInRow.none { return nil }
            if v < farLimit { return far().value(of: UInt32(v - SignInRow.none)) }
            let base = dayOrdinal == SignInRow.none ? 0 : Int64(dayOrdinal)
            let absolute = base * 86400 + Int64(v)
            let day = absolute >= 0 ? absolute / 86400 : (absolute - 86399) / 86400
            return Moment(day: Day(ordinal: Int32(day)), seconds: Int32(absolute - day * 86400))
        }
    }
}

/// One sign-in (考勤/签到) line, as checks read it: a stored `SignInRow` and its run's
/// tables, decoded property by property. The properties read and write as plain values.
///
/// A sign-in from `AuditData.signIns` is valid while that `AuditData` is: the reference to
/// the run's tables is not counted (`unowned(unsafe)`), so reading millions of sign-ins
/// costs no reference counting.
public struct SignIn: Sendable {
    var stored: SignInRow
    unowned(unsafe) let tables: RunTables

    @inline(__always)
    init(_ stored: SignInRow, in tables: RunTables) {
        self.stored = stored
        self.tables = tables
    }

    /// A sign-in of its own, outside any run (tests): its texts are kept in
    /// `RunTables.detached`.
    public init(source: SourceRef, id: IDReading, name: String) {
        let tables = RunTables.detached
        self.tables = tables
        self.stored = SignInRow(id: id, row: source.row, nameCode: tables.code(name),
                                contextCode: tables.signInContexts.intern(SignInRow.Context(place: source.placeCode)))
    }

    public var id: IDReading {
        get { stored.id }
        set { stored.id = newValue }
    }

    var photoCode: UInt32 {
        get { stored.photoCode }
        set { stored.photoCode = newValue }
    }

    var context: SignInRow.Context {
        @inline(__always) get { tables.signInContexts.value(of: stored.contextCode) }
        set { stored.contextCode = tables.signInContexts.intern(newValue) }
    }

    public var source: SourceRef {
        get { SourceRef(placeCode: context.place, row: stored.row) }
        set {
            stored.row = UInt32(clamping: newValue.row)
            if newValue.placeCode != context.place { context.place = newValue.placeCode }
        }
    }

    public var name: String {
        get { tables.text(stored.nameCode) ?? "" }
        set { stored.nameCode = tables.code(newValue) }
    }
    /// Whether two sign-ins carry the same name as written; within a run, compared without
    /// making the texts (a person's thousands of sign-ins mostly repeat one name).
    public func sameName(as other: SignIn) -> Bool {
        tables === other.tables ? stored.nameCode == other.stored.nameCode : name == other.name
    }

    public var classID: String? {
        get { tables.text(context.classID) }
        set { context.classID = tables.code(newValue) }
    }
    /// Whether the sign-in names a class (cheaper than `classID != nil`: no text is made).
    public var hasClass: Bool { context.classID != 0 }

    /// Whether two sign-ins name the same class (or both none); within a run, compared
    /// without texts.
    public func sameClass(as other: SignIn) -> Bool {
        tables === other.tables ? context.classID == other.context.classID : classID == other.classID
    }

    public var session: String? {
        get { tables.text(context.session) }
        set { context.session = tables.code(newValue) }
    }
    /// Whether two sign-ins carry the same session text as written (or both none); within
    /// a run, compared without making the texts (a class's sign-ins come session by
    /// session). False does not mean the texts differ: two spellings of one text may.
    public func sameSession(as other: SignIn) -> Bool {
        guard tables === other.tables else { return session == other.session }
        return stored.contextCode == other.stored.contextCode || context.session == other.context.session
    }
    public var method: String? {
        get { tables.text(context.method) }
        set { context.method = tables.code(newValue) }
    }
    public var device: String? {
        get { tables.text(context.device) }
        set { context.device = tables.code(newValue) }
    }
    public var location: String? {
        get { tables.text(context.location) }
        set { context.location = tables.code(newValue) }
    }
    public var photoHash: String? {
        get { tables.text(stored.photoCode) }
        set { stored.photoCode = tables.code(newValue) }
    }
    public var day: Day? {
        get { stored.dayOrdinal == SignInRow.none ? nil : Day(ordinal: stored.dayOrdinal) }
        set {
            // The times are kept relative to the day: read them before it changes.
            let (i, o) = (checkIn, checkOut)
            stored.dayOrdinal = newValue?.ordinal ?? SignInRow.none
            (checkIn, checkOut) = (i, o)
        }
    }
    /// The day and both times at once, each encoded once: what setting `day`, then
    /// `checkIn` and `checkOut` stores, without decoding the times again for each (the
    /// sign-in reader's hot path).
    mutating func set(day: Day?, checkIn: Moment?, checkOut: Moment?) {
        let far = tables.farMoments
        stored.dayOrdinal = day?.ordinal ?? SignInRow.none
        stored.inTime = SignInRow.Times.encode(checkIn, from: stored.dayOrdinal, far: far)
        stored.outTime = SignInRow.Times.encode(checkOut, from: stored.dayOrdinal, far: far)
    }

    public var checkIn: Moment? {
        get { SignInRow.Times.moment(stored.inTime, from: stored.dayOrdinal, far: tables.farMoments) }
        set { stored.inTime = SignInRow.Times.encode(newValue, from: stored.dayOrdinal, far: tables.farMoments) }
    }
    /// Whether the sign-in has a check-in time (cheaper than `checkIn != nil`: nothing decoded).
    var hasCheckIn: Bool { stored.inTime != SignInRow.none }
    public var checkOut: Moment? {
        get { SignInRow.Times.moment(stored.outTime, from: stored.dayOrdinal, far: tables.farMoments) }
        set { stored.outTime = SignInRow.Times.encode(newValue, from: stored.dayOrdinal, far: tables.farMoments) }
    }
}

extension SignIn: CustomStringConvertible {
    /// Every field, decoded (the stored codes mean nothing outside their run).
    public var description: String {
        "SignIn(source: \(source.label), id: \(id), name: \(name), classID: \(String(describing: classID)), "
            + "session: \(String(describing: session)), method: \(String(describing: method)), "
            + "device: \(String(describing: device)), location: \(String(describing: location)), "
            + "photoHash: \(String(describing: photoHash)), day: \(String(describing: day)), "
            + "checkIn: \(String(describing: checkIn)), checkOut: \(String(describing: checkOut)))"
    }
}
