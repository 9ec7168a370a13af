/// The intern tables of one run (one load, one `AuditData`): the texts of compact records
/// and the combinations of codes they share. Stored sign-ins, registry entries, roster
/// lines and payments hold codes into these, and decode them on access.
///
/// Why per run and not per process: a long-lived process (the tests, a server) would
/// otherwise grow them with every run, and two runs would share codes. The `AuditData`
/// keeps its run's tables alive (through its record lists), and they are freed with it.
///
/// Thread-safe as `InternTable` is: the readers of a run's files and file parts intern
/// into them concurrently (each through small per-reader caches, `RecentTable`).
final class RunTables: Sendable {
    /// Texts: 0 is nil.
    let texts = InternTable<ExactText>()
    /// What repeats from sign-in to sign-in (place, class, session, method, device, location, day).
    let signInContexts = InternTable<SignInRow.Context>()
    /// Who signed each sign-in (ID cell as read, name): a person's hundred sign-ins repeat one.
    let signers = InternTable<SignInRow.Signer>()
    /// A registry entry's place texts, and its relation and status texts.
    let registryPlaces = InternTable<RegistryRow.Place>()
    let registryStatuses = InternTable<RegistryRow.Statuses>()
    /// A registry entry's name cell as read (`RegistryRow.nameRef`), normalised when read back.
    let registryNames = ByteStore()
    /// What a class's roster lines share, and what a line's few-valued cells are (`Enrollment`).
    let rosterClasses = InternTable<Enrollment.ClassPart>()
    let rosterLines = InternTable<Enrollment.LinePart>()
    /// A roster line's unknown columns: header and value text codes, pair after pair.
    let extraCells = InternTable<[UInt32]>()
    /// What a batch of payouts shares (`Payment`).
    let paymentBatches = InternTable<Payment.Batch>()
    /// Check-in and check-out moments too far from their day to be an offset (`SignInRow.Times`).
    let farMoments = InternTable<Moment>()
    /// The codes of the registry place and statuses with no texts.
    let blankRegistryPlace: UInt32, blankRegistryStatuses: UInt32
    /// The codes of the roster parts with nothing in them.
    let blankRosterClass: UInt32, blankRosterLine: UInt32, blankPaymentBatch: UInt32

    init() {
        blankRegistryPlace = registryPlaces.intern(RegistryRow.Place())
        blankRegistryStatuses = registryStatuses.intern(RegistryRow.Statuses())
        blankRosterClass = rosterClasses.intern(Enrollment.ClassPart())
        blankRosterLine = rosterLines.intern(Enrollment.LinePart())
        blankPaymentBatch = paymentBatches.intern(Payment.Batch())
    }

    /// Records made one by one outside any run (`SignIn(source:id:name:)`, in tests) keep
    /// their texts here. A run's records never do.
    static let detached = RunTables()

    func code(_ s: String?) -> UInt32 { s.map { texts.intern(ExactText(text: $0)) } ?? 0 }

    @inline(__always)
    func text(_ code: UInt32) -> String? { code == 0 ? nil : texts.value(of: code).text }

    /// The name a registry entry's kept cell reads as (`NameReader.normalize` of its text).
    func registryName(_ ref: UInt32) -> String {
        registryNames.withBytes(ref) { NameReader.normalize(String(decoding: $0, as: UTF8.self)) }
    }

    /// One copy of each repeated text kept as a String in a record (class IDs,
    /// institutions, places), so a million rows of one training site hold one string.
    /// Texts of 15 bytes or fewer are stored inline by Swift and are returned as they are.
    func shared(_ s: String) -> String {
        s.utf8.count > 15 ? texts.value(of: texts.intern(ExactText(text: s))).text : s
    }
}
