/// How a sign-in (考勤/签到 line) is stored: 16 bytes, four 32-bit values, no references.
///
/// A province-year has 24 million of these, so texts are codes in the run's `RunTables`;
/// what repeats row after row (file and sheet, class, session, method, device, place, day)
/// is one code for all seven; who signed (the ID cell as read and the name as written, the
/// same at each of a person's hundred sign-ins) is one code; times are seconds from the
/// sign-in's day. The row number and the photo are kept beside the rows (`SignInPart`):
/// row numbers mostly go up by one, and most sheets have no photo column. Checks never see
/// this: they read `SignIn`, which decodes it.
struct SignInRow: Sendable {
    /// A code in `RunTables.signers`.
    var signerCode: UInt32
    /// A code in `RunTables.signInContexts`.
    var contextCode: UInt32
    /// Check-in and check-out, `Times`-encoded from the context's day.
    var inTime = SignInRow.none, outTime = SignInRow.none

    /// The day ordinal that stands for nil (no real day is that far back).
    static let none = Int32.min

    /// Whether the row has a check-in time (no moment is made).
    var hasCheckIn: Bool { inTime != SignInRow.none }

    init(signerCode: UInt32, contextCode: UInt32) {
        self.signerCode = signerCode
        self.contextCode = contextCode
    }

    /// Who signed: the ID cell as read and the name's text code.
    struct Signer: Hashable, Sendable {
        var id: IDReading
        var nameCode: UInt32

        /// A cheap hash, for a reader's table of recent signers (`RecentTable`).
        var recentHash: RecentHash {
            var h = id.recentHash
            h.add(nameCode)
            return h
        }
    }

    /// What repeats row after row: the `SourceRef` place code, text codes and the day (a
    /// class's sign-ins come session by session, each on one day).
    struct Context: Hashable, Sendable {
        var place: UInt32
        var classID: UInt32 = 0, session: UInt32 = 0, method: UInt32 = 0, device: UInt32 = 0, location: UInt32 = 0
        var dayOrdinal = SignInRow.none
    }

    /// A check-in or check-out in an Int32: `none` for nil; otherwise seconds from the
    /// sign-in's day (from day 0 when it has none), which covers 59 years either side. A
    /// moment farther off (a mistyped year) is kept whole in the run's `farMoments`, and
    /// the Int32 is its code counted up from just above `none`.
    enum Times {
        /// Codes of far moments are below this; offsets are at or above it.
        static let farLimit = Int32.min + (1 << 28)

        /// `far` is read only for a far moment, as in `moment`: the table is shared by the
        /// readers of a run's files, and each sign-in retaining it from two threads at once
        /// made its reference count a cache line the processors took in turn.
        @inline(__always)
        static func encode(_ m: Moment?, from dayOrdinal: Int32, far: @autoclosure () -> InternTable<Moment>) -> Int32 {
            guard let m else { return SignInRow.none }
            let base = dayOrdinal == SignInRow.none ? 0 : Int64(dayOrdinal)
            let offset = (Int64(m.day.ordinal) - base) * 86400 + Int64(m.seconds)
            if offset >= Int64(farLimit), offset <= Int64(Int32.max) { return Int32(offset) }
            return farCode(far().intern(m))
        }

        /// A far moment's code as a time: out of line, off the path of every sign-in.
        private static func farCode(_ code: UInt32) -> Int32 {
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

/// One sign-in (考勤/签到) line, as checks read it: a stored `SignInRow`, its row number and
/// photo code (kept beside the rows, `SignInPart`) and its run's tables, decoded property
/// by property. The properties read and write as plain values.
///
/// A sign-in from `AuditData.signIns` is valid while that `AuditData` is: the reference to
/// the run's tables is not counted (`unowned(unsafe)`), so reading millions of sign-ins
/// costs no reference counting.
public struct SignIn: Sendable {
    var stored: SignInRow
    /// The source row number.
    var row: UInt32
    /// The photo's (or signature's) text code, 0 for none.
    var photoCode: UInt32
    unowned(unsafe) let tables: RunTables

    @inline(__always)
    init(_ stored: SignInRow, row: UInt32, photoCode: UInt32, in tables: RunTables) {
        self.stored = stored
        self.row = row
        self.photoCode = photoCode
        self.tables = tables
    }

    /// A sign-in of its own, outside any run (tests): its texts are kept in
    /// `RunTables.detached`.
    public init(source: SourceRef, id: IDReading, name: String) {
        let tables = RunTables.detached
        self.tables = tables
        let signer = SignInRow.Signer(id: id, nameCode: tables.code(name))
        self.stored = SignInRow(signerCode: tables.signers.intern(signer),
                                contextCode: tables.signInContexts.intern(SignInRow.Context(place: source.placeCode)))
        self.row = UInt32(clamping: source.row)
        self.photoCode = 0
    }

    var signer: SignInRow.Signer {
        @inline(__always) get { tables.signers.value(of: stored.signerCode) }
        set { stored.signerCode = tables.signers.intern(newValue) }
    }

    public var id: IDReading {
        @inline(__always) get { signer.id }
        set { signer.id = newValue }
    }

    var context: SignInRow.Context {
        @inline(__always) get { tables.signInContexts.value(of: stored.contextCode) }
        set { stored.contextCode = tables.signInContexts.intern(newValue) }
    }

    public var source: SourceRef {
        get { SourceRef(placeCode: context.place, row: row) }
        set {
            row = UInt32(clamping: newValue.row)
            if newValue.placeCode != context.place { context.place = newValue.placeCode }
        }
    }

    public var name: String {
        get { tables.text(signer.nameCode) ?? "" }
        set { signer.nameCode = tables.code(newValue) }
    }
    /// Whether two sign-ins carry the same name as written; within a run, compared without
    /// making the texts (a person's thousands of sign-ins mostly repeat one name).
    public func sameName(as other: SignIn) -> Bool {
        guard tables === other.tables else { return name == other.name }
        return stored.signerCode == other.stored.signerCode || signer.nameCode == other.signer.nameCode
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
        get { tables.text(photoCode) }
        set { photoCode = tables.code(newValue) }
    }
    private var dayOrdinal: Int32 { context.dayOrdinal }

    public var day: Day? {
        get { dayOrdinal == SignInRow.none ? nil : Day(ordinal: dayOrdinal) }
        set {
            // The times are kept relative to the day: read them before it changes.
            let (i, o) = (checkIn, checkOut)
            context.dayOrdinal = newValue?.ordinal ?? SignInRow.none
            (checkIn, checkOut) = (i, o)
        }
    }
    public var checkIn: Moment? {
        get { SignInRow.Times.moment(stored.inTime, from: dayOrdinal, far: tables.farMoments) }
        set { stored.inTime = SignInRow.Times.encode(newValue, from: dayOrdinal, far: tables.farMoments) }
    }
    /// Whether the sign-in has a check-in time (cheaper than `checkIn != nil`: nothing decoded).
    var hasCheckIn: Bool { stored.hasCheckIn }
    public var checkOut: Moment? {
        get { SignInRow.Times.moment(stored.outTime, from: dayOrdinal, far: tables.farMoments) }
        set { stored.outTime = SignInRow.Times.encode(newValue, from: dayOrdinal, far: tables.farMoments) }
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
