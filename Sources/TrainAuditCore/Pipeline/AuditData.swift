/// A class: the class register's line (when the register has it) merged with what its
/// roster says. A run over a roster alone still has classes (from the roster's class
/// column, or from institution + occupation + period when there is none). Its roster
/// lines, sign-ins and payments come from the run: `data.roster(of:)`,
/// `data.signIns(of:)`, `data.payments(of:)`.
public struct TrainingClass: Sendable {
    public var classID: String
    /// The class register's line, when the register has the class.
    public var registration: ClassRegistration?
    /// Positions of its roster lines in the run (for the core only).
    @usableFromInline var rosterRows: [Int]
    /// How many roster lines name it.
    public var rosterCount: Int { rosterRows.count }
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
    /// The register row, or the first roster row.
    public var source: SourceRef

    /// Days from start to end, both included.
    public var days: Int? {
        guard let start, let end, end >= start else { return nil }
        return end - start + 1
    }
}

/// All records of a run and the indexes checks share, each built once (by resident ID, by
/// class, by device), so no check scans a table per person.
public final class AuditData: Sendable {
    public let enrollments: RecordList<Enrollment>
    public let signIns: SignInList
    /// The class register's lines (each class's is its `registration`).
    let registrations: RecordList<ClassRegistration>
    public let payments: RecordList<Payment>
    public let registry: RegistryList
    public let targets: RecordList<TaskTarget>
    public let watchlist: RecordList<WatchEntry>
    /// Table kinds present in the run (a kind is present when a file of it was read,
    /// even if it had no data rows).
    public let present: Set<TableKind>
    /// Cells that could not be used (DQ002–DQ005).
    public let problems: [CellProblem]
    /// What happened to each file and sheet (DQ006, DQ007, `inspect`).
    public let reports: [TableReport]
    /// Ledger rows that repeat another file's row, merged into it (DQ012).
    public let repeatedRows: [RepeatedRow]
    /// Roster lines and payments whose lost or mistyped ID was inferred (`IDRepair`), by row.
    public let inferredIDs: [SourceRef: InferredID]

    @usableFromInline let enrollmentsByPerson: RowIndex<ResidentID>
    @usableFromInline let paymentsByPerson: RowIndex<ResidentID>
    @usableFromInline let paymentsByClass: RowIndex<String>
    @usableFromInline let watchByPerson: RowIndex<ResidentID>
    // The big indexes (24 million sign-ins, 4 million registry entries at a province-year)
    // are built when a check first asks, so a run of a few checks pays only for theirs.
    private let lazySignInsByPerson: Lazy<RowIndex<ResidentID>>
    private let lazySignInsByClass: Lazy<RowIndex<String>>
    private let lazySignInsByDevice: Lazy<RowIndex<String>>
    private let lazyRegistryByPerson: Lazy<RowIndex<ResidentID>>
    private let lazyRegistryByHousehold: Lazy<RowIndex<String>>
    private let lazySignInDays: Lazy<ClosedRange<Day>?>
    @usableFromInline var signInsByPerson: RowIndex<ResidentID> { lazySignInsByPerson.value }
    @usableFromInline var signInsByClass: RowIndex<String> { lazySignInsByClass.value }
    /// Sign-ins with a device, an ID and a check-in moment, by device (PRX001).
    @usableFromInline var signInsByDevice: RowIndex<String> { lazySignInsByDevice.value }
    @usableFromInline var registryByPerson: RowIndex<ResidentID> { lazyRegistryByPerson.value }
    /// Registry entries by 户编号 (PAY008: whose account a subsidy may go into).
    @usableFromInline var registryByHousehold: RowIndex<String> { lazyRegistryByHousehold.value }
    /// The first and the last day any sign-in is on; nil when none has a day. A check that
    /// asks whether a person's sign-ins can fall before a day or after one answers most
    /// people from it, without walking their sign-ins.
    public var signInDays: ClosedRange<Day>? { lazySignInDays.value }
    /// The sign-ins of the IDs whose sign-ins name two classes or more, by ID
    /// (`attendeesOfSeveralClasses`): the part of `signInsByPerson` SCH001 reads, without
    /// placing the other people's millions of sign-ins.
    @usableFromInline var signInsOfSeveralClassesByPerson: RowIndex<ResidentID> { lazySignInsOfSeveralClasses.value }
    private let lazySignInsOfSeveralClasses: Lazy<RowIndex<ResidentID>>
    /// Where the ID cells whose reading has an issue are (the sign-ins' by their signers):
    /// few, and walked by each of the ID checks that look for one.
    var idCellsWithIssues: IDCells.WithIssues { lazyIDCellsWithIssues.value }
    private let lazyIDCellsWithIssues: Lazy<IDCells.WithIssues>
    /// The tables' ID cells, where they are stored.
    let idCells: IDCells
    /// Classes sorted by class ID, and where each is.
    public let trainingClasses: [TrainingClass]
    let classIndex: [String: Int]
    /// The class key of each enrollment (parallel to `enrollments`).
    @usableFromInline let enrollmentClass: [String]

    init(_ tables: RecordTables, present: Set<TableKind>, reports: [TableReport],
         repeatedRows: [RepeatedRow] = [], inferredIDs: [SourceRef: InferredID] = [:]) {
        self.problems = tables.problems
        self.reports = reports
        self.repeatedRows = repeatedRows
        self.inferredIDs = inferredIDs
        self.present = present
        // Locals, for the lazy indexes' closures (they cannot capture self here).
        let (enrollments, signIns, classes) = (tables.enrollments, SignInList(tables.signIns), tables.classes)
        let (payments, registry) = (tables.payments, RegistryList(tables.registry))
        self.enrollments = enrollments
        self.signIns = signIns
        self.registrations = classes
        self.payments = payments
        self.registry = registry
        self.targets = tables.targets
        self.watchlist = tables.watchlist
        let watchlist = tables.watchlist

        // The sign-in indexes read the stored rows, not sign-ins: no source or photo is
        // made for each of 24 million rows, twice.
        let (signers, contexts) = (signIns.tables.signers, signIns.tables.signInContexts)
        // By signer (an ID and a name as written), each signer's ID looked up once: the
        // signers of one ID share its key.
        lazySignInsByPerson = Lazy {
            RowIndex(signIns.storedRows, tableCode: { $0.signerCode }, key: { signers.value(of: $0).id.id })
        }
        lazySignInsByClass = Lazy {
            RowIndex(signIns.storedRows, code: { r -> UInt32? in
                let c = contexts.value(of: r.contextCode).classID
                return c == 0 ? nil : c
            }, key: { signIns.tables.text($0)! })
        }
        lazySignInsByDevice = Lazy {
            RowIndex(signIns.storedRows, code: { r -> UInt32? in
                let device = contexts.value(of: r.contextCode).device
                return device != 0 && r.hasCheckIn && signers.value(of: r.signerCode).id.id != nil ? device : nil
            }, key: { signIns.tables.text($0)! })
        }
        lazySignInDays = Lazy {
            // Rows repeat their context (class, session, day): its day is looked up only
            // where the code changes.
            var low = Int32.max, high = Int32.min
            var last: UInt32 = 0
            for r in signIns.storedRows where r.contextCode != last {
                last = r.contextCode
                let d = contexts.value(of: r.contextCode).dayOrdinal
                guard d != SignInRow.none else { continue }
                low = min(low, d)
                high = max(high, d)
            }
            return low <= high ? Day(ordinal: low)...Day(ordinal: high) : nil
        }
        lazySignInsOfSeveralClasses = Lazy {
            AuditData.signInsOfSeveralClasses(signIns.storedRows, signers: signers, contexts: contexts)
        }
        let idCells = IDCells(registry: registry, enrollments: enrollments, signIns: signIns, payments: payments,
                              watchlist: watchlist)
        self.idCells = idCells
        lazyIDCellsWithIssues = Lazy { idCells.withIssues() }
        lazyRegistryByPerson = Lazy { RowIndex(mostlyDistinct: registry) { $0.id.id } }
        lazyRegistryByHousehold = Lazy {
            RowIndex(registry, code: { $0.householdCode }, key: { $0.text(in: registry.tables) ?? "" })
        }
        // The indexes every run needs and the classes, on all cores: at a province-year
        // they took a second and a half on one core while the other had nothing to do.
        let ((byPerson, paid), (watched, made)) = Parallel.pair({
            Parallel.pair({ RowIndex(enrollments, person: { $0.id.id }) }, {
                (byPerson: RowIndex(payments, person: { $0.id.id }), byClass: RowIndex(payments) { $0.classID })
            })
        }, {
            Parallel.pair({ RowIndex(watchlist, person: { $0.id.id }) }, { AuditData.classes(classes, enrollments) })
        })
        enrollmentsByPerson = byPerson
        paymentsByPerson = paid.byPerson
        paymentsByClass = paid.byClass
        watchByPerson = watched
        enrollmentClass = made.keys
        trainingClasses = made.classes
        var index: [String: Int] = [:]
        for (i, v) in trainingClasses.enumerated() { index[v.classID] = i }
        classIndex = index
    }

    /// The sign-ins, by ID, of the IDs whose sign-ins name two classes or more. One pass
    /// over the stored rows in file order finds each signer's first class, or that it has
    /// several; the signers of one ID are joined; then the index places only those IDs'
    /// rows. A class's sign-ins come session by session, so its context (and class) is
    /// looked up where the code changes.
    private static func signInsOfSeveralClasses<Rows: Collection<SignInRow>>(
        _ rows: Rows, signers: InternTable<SignInRow.Signer>, contexts: InternTable<SignInRow.Context>
    ) -> RowIndex<ResidentID> {
        var numbers = TableCodeNumbers()
        var signerCodes: [UInt32] = []
        // Per signer: its first class's code (0: none yet), and whether another followed.
        var first: [UInt32] = []
        var several: [Bool] = []
        var lastContext: UInt32 = 0, lastClass: UInt32 = 0
        for r in rows {
            if r.contextCode != lastContext {
                lastContext = r.contextCode
                lastClass = contexts.value(of: r.contextCode).classID
            }
            let k: Int
            if let n = numbers.number(of: r.signerCode) {
                k = Int(n)
            } else {
                k = signerCodes.count
                numbers.add(r.signerCode, number: Int32(k))
                signerCodes.append(r.signerCode)
                first.append(0)
                several.append(false)
            }
            guard lastClass != 0 else { continue }
            if first[k] == 0 { first[k] = lastClass } else if first[k] != lastClass { several[k] = true }
        }
        var byID: [ResidentID: (first: UInt32, several: Bool)] = [:]
        for (k, code) in signerCodes.enumerated() where first[k] != 0 {
            guard let id = signers.value(of: code).id.id else { continue }
            if let seen = byID[id] {
                if !seen.several && (several[k] || seen.first != first[k]) { byID[id] = (seen.first, true) }
            } else {
                byID[id] = (first[k], several[k])
            }
        }
        // Every signer of such an ID is placed, its sign-ins without a class too.
        let chosen = signerCodes.map { code in signers.value(of: code).id.id.map { byID[$0]?.several == true } ?? false }
        return RowIndex(rows, tableCode: { r in numbers.number(of: r.signerCode).flatMap { chosen[Int($0)] ? r.signerCode : nil } },
                        key: { signers.value(of: $0).id.id })
    }

    /// The classes sorted by class ID, the register's first, then those only rosters
    /// name; and each enrollment's class key (`classKey`).
    private static func classes(_ classes: RecordList<ClassRegistration>, _ enrollments: RecordList<Enrollment>)
        -> (classes: [TrainingClass], keys: [String]) {
        // The register's classes first, then those rosters add. A roster's lines come
        // class by class: a line of the class before it is found without hashing its key.
        var list: [TrainingClass] = []
        var at: [String: Int] = [:]
        for c in classes where at[c.classID] == nil {
            at[c.classID] = list.count
            list.append(TrainingClass(
                classID: c.classID, registration: c, rosterRows: [], institution: c.institution,
                occupation: c.occupation, level: c.level, program: c.program, start: c.start, end: c.end,
                hoursTotal: c.hoursTotal, hoursTheory: c.hoursTheory, hoursPractical: c.hoursPractical,
                teachers: c.teachers, location: c.location, county: c.county, capacity: c.capacity,
                certificate: c.certificate, source: c.source))
        }
        var keys: [String] = []
        keys.reserveCapacity(enrollments.count)
        var last: (key: String, at: Int)?
        for (i, e) in enrollments.enumerated() {
            let key = AuditData.classKey(of: e)
            keys.append(key)
            let k: Int
            if let last, last.key == key {
                k = last.at
            } else if let found = at[key] {
                k = found
            } else {
                k = list.count
                at[key] = k
                list.append(TrainingClass(
                    classID: key, registration: nil, rosterRows: [], institution: e.institution,
                    occupation: e.occupation, level: e.level, program: e.program, start: e.start, end: e.end,
                    hoursTotal: e.hours, hoursTheory: nil, hoursPractical: nil, teachers: [],
                    location: nil, county: e.county, capacity: nil, certificate: nil, source: e.source))
            }
            last = (key, k)
            list[k].rosterRows.append(i)
            // Fill what the register left blank from the roster.
            if list[k].institution == nil { list[k].institution = e.institution }
            if list[k].occupation == nil { list[k].occupation = e.occupation }
            if list[k].start == nil { list[k].start = e.start }
            if list[k].end == nil { list[k].end = e.end }
            if list[k].hoursTotal == nil { list[k].hoursTotal = e.hours }
            if list[k].county == nil { list[k].county = e.county }
            if list[k].program == nil { list[k].program = e.program }
        }
        // Class IDs are distinct: the order is total.
        return (list.sorted { $0.classID < $1.classID }, keys)
    }

    /// The class an enrollment belongs to: its class ID, or institution · occupation ·
    /// start date when the roster has no class column.
    public static func classKey(of e: Enrollment) -> String {
        if let c = e.classID, !c.isEmpty { return c }
        return [e.institution ?? "?", e.occupation ?? "?", e.start.map { $0.description } ?? "?"].joined(separator: "·")
    }

    public func trainingClass(_ id: String?) -> TrainingClass? {
        guard let id, let i = classIndex[id] else { return nil }
        return trainingClasses[i]
    }

    public func has(_ kind: TableKind) -> Bool { present.contains(kind) }
}
