/// The checks' view of a run, in the audit's words: trainees with their roster lines,
/// payments, sign-ins and registry entries; classes with their roster, sign-ins and
/// payments; groups of records by a key. Checks read values here and never row numbers:
/// how records are stored and indexed (compact rows, codes, `RowIndex`) stays inside
/// the core.
///
/// Views are cheap to make (a reference to the run and a position) and are not kept
/// past a check's run.

/// A table of the run as the views read it: records by position (a `RecordList`, or the
/// sign-in and registry lists that decode their compact rows on access).
public protocol RecordTable: RandomAccessCollection where Index == Int {
    /// A hint that record `i` is read soon: a walk over a person's sign-ins jumps about
    /// millions of rows, and waiting for each row's memory in turn was half of SCH001's walk
    /// (perf, scale 0.1).
    func prefetch(_ i: Int)
}

extension RecordTable {
    @inlinable public func prefetch(_ i: Int) {}
}
extension RecordList: RecordTable {}
extension SignInList: RecordTable {}
extension RegistryList: RecordTable {}

/// Some records of one table (a trainee's, a class's, a device's), in source order.
public struct Records<Table: RecordTable>: RandomAccessCollection {
    @usableFromInline let table: Table
    @usableFromInline let rows: RowPositions

    @inlinable init(_ table: Table, _ rows: RowPositions?) {
        self.table = table
        self.rows = rows ?? []
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { rows.count }
    @inlinable public subscript(i: Int) -> Table.Element { table[rows[i]] }

    /// Walks the positions in turn (a run of them without a search each), asking for the
    /// records a few positions ahead (`RecordTable.prefetch`) so that their memory is
    /// fetched while these are read.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let table: Table
        @usableFromInline var rows: RowPositions.Iterator
        @usableFromInline var ahead: RowPositions.Iterator
        @usableFromInline static var distance: Int { 8 }
        @inlinable init(_ table: Table, _ rows: RowPositions.Iterator) {
            self.table = table
            self.rows = rows
            ahead = rows
            for _ in 0..<Self.distance { if let p = ahead.next() { table.prefetch(p) } }
        }
        @inlinable public mutating func next() -> Table.Element? {
            if let p = ahead.next() { table.prefetch(p) }
            return rows.next().map { table[$0] }
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(table, rows.makeIterator()) }
}

/// Records grouped by a key (a resident ID, a class, a device): the keys sorted, each
/// with its records in source order. A check may walk the keys on all cores
/// (`Parallel.flatMap(groups.keys)`) when each group's findings depend on it alone.
public struct Groups<Key: Hashable & Comparable & Sendable, Table: RecordTable & Sendable>: Sequence, Sendable {
    @usableFromInline let index: RowIndex<Key>
    @usableFromInline let list: Table

    @inlinable init(_ index: RowIndex<Key>, _ list: Table) {
        self.index = index
        self.list = list
    }

    /// The keys, sorted.
    @inlinable public var keys: [Key] { index.keys }
    @inlinable public var count: Int { index.count }

    /// The records of `key` (empty when it has none).
    @inlinable public subscript(key: Key) -> Records<Table> { Records(list, index[key]) }

    /// Whether any record has `key`.
    @inlinable public func contains(_ key: Key) -> Bool { index[key] != nil }

    public struct Iterator: IteratorProtocol {
        @usableFromInline let groups: Groups
        @usableFromInline var position = 0
        @inlinable init(_ groups: Groups) { self.groups = groups }
        @inlinable public mutating func next() -> (key: Key, records: Records<Table>)? {
            guard position < groups.index.keys.count else { return nil }
            let key = groups.index.keys[position]
            position += 1
            return (key, groups[key])
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(self) }
}

/// The tables' records of one trainee, class or device, by kind.
public typealias RosterRecords = Records<RecordList<Enrollment>>
public typealias SignInRecords = Records<SignInList>
public typealias PaymentRecords = Records<RecordList<Payment>>
public typealias RegistryRecords = Records<RegistryList>
public typealias WatchRecords = Records<RecordList<WatchEntry>>

/// Whether a roster line was paid for: the roster's subsidy column or the payment ledger.
public enum SubsidyState: Sendable {
    /// Paid or claimed (fen, from the roster or the payments for that person and class).
    case paid(Int64)
    /// The roster says 0 and no payment names the class.
    case none
    /// Neither the roster nor the payments say; a subsidy ledger is presumed subsidised.
    case unknown

    /// Paid, or not known to be unpaid (the ledger is of subsidised training).
    public var presumedPaid: Bool {
        if case .none = self { return false }
        return true
    }

    public var isKnown: Bool {
        if case .unknown = self { return false }
        return true
    }
}

/// The money a finding puts in doubt: the payment rows it counts (so a sum over findings
/// counts each payment once) and their total, or the roster's subsidy when no payment
/// ledger names it.
public struct MoneyAtRisk: Sendable {
    public var amount: Int64?
    public var payments: [SourceRef]

    public init(amount: Int64?, payments: [SourceRef]) {
        self.amount = amount
        self.payments = payments
    }
}

/// A line of a training ledger (roster) with the class it belongs to.
public struct RosterLine {
    @usableFromInline unowned(unsafe) let data: AuditData
    /// Position in the run's roster table (for the core only).
    @usableFromInline let row: Int

    @inlinable init(_ data: AuditData, _ row: Int) {
        self.data = data
        self.row = row
    }

    /// The ledger line as read.
    @inlinable public var record: Enrollment { data.enrollments[row] }
    @inlinable public var id: IDReading { record.id }
    @inlinable public var name: String { record.name }
    @inlinable public var source: SourceRef { record.source }

    /// The class it belongs to: the roster's class ID, or institution · occupation · start
    /// when the roster has no class column.
    @inlinable public var classID: String { data.enrollmentClass[row] }
    /// Its class as the run knows it (register line merged with the roster).
    public var trainingClass: TrainingClass? { data.trainingClass(classID) }

    /// Each of these is the line's own value, else its class's.
    public var start: Day? { record.start ?? trainingClass?.start }
    public var end: Day? { record.end ?? trainingClass?.end }
    public var institution: String? { record.institution ?? trainingClass?.institution }
    public var county: String? { record.county ?? trainingClass?.county }
    public var occupation: String? { record.occupation ?? trainingClass?.occupation }
    public var level: String? { record.level ?? trainingClass?.level }
    public var program: String? { record.program ?? trainingClass?.program }

    /// Start to end, both known and in order.
    public var period: ClosedRange<Day>? {
        let cls = trainingClass
        guard let s = record.start ?? cls?.start, let t = record.end ?? cls?.end, t >= s else { return nil }
        return s...t
    }

    /// Start and end as written (end may precede start).
    public var dates: (start: Day, end: Day)? {
        let cls = trainingClass
        guard let s = record.start ?? cls?.start, let t = record.end ?? cls?.end else { return nil }
        return (s, t)
    }

    /// Payments for this person naming this class, else the roster's subsidy column.
    public var subsidy: SubsidyState {
        let e = record
        if let id = e.id.id, let paid = data.paymentsByPerson[id] {
            let cls = classID
            var total: Int64 = 0
            var any = false
            for p in paid where data.payments[p].classID == cls {
                if let a = data.payments[p].amount { total += a; any = true }
            }
            if any, total > 0 { return .paid(total) }
        }
        if let s = e.subsidy { return s > 0 ? .paid(s) : .none }
        return .unknown
    }

    /// Age on a day: from the ID's birth date, else the roster's age column (less sure).
    public func age(on day: Day) -> (age: Int, fromID: Bool)? {
        let e = record
        if let birth = e.id.id?.birthDate, birth <= day { return (birth.age(on: day), true) }
        if let a = e.age { return (a, false) }
        return nil
    }
}

/// People of a run, by ID (sorted), each read as a `Trainee`; a check may walk them on all
/// cores (`Parallel.flatMap`) when each person's findings depend on that person alone.
public struct People: RandomAccessCollection, Sendable {
    let data: AuditData
    public let ids: [ResidentID]

    init(_ data: AuditData, _ ids: [ResidentID]) {
        self.data = data
        self.ids = ids
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }
    public subscript(i: Int) -> Trainee { Trainee(data, ids[i]) }
}

/// Some people of a run who signed in, by ID (sorted), each with their sign-ins (all of
/// them, in source order, as `Trainee.signIns` gives them).
public struct Attendees: RandomAccessCollection, Sendable {
    let data: AuditData
    let index: RowIndex<ResidentID>

    init(_ data: AuditData, _ index: RowIndex<ResidentID>) {
        self.data = data
        self.index = index
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { index.count }
    public subscript(i: Int) -> (trainee: Trainee, signIns: SignInRecords) {
        (Trainee(data, index.keys[i]), Records(data.signIns, index.rows(at: i)))
    }
}

/// Everything the run holds on one resident ID.
public struct Trainee {
    @usableFromInline unowned(unsafe) let data: AuditData
    public let id: ResidentID

    @inlinable init(_ data: AuditData, _ id: ResidentID) {
        self.data = data
        self.id = id
    }

    /// The person's roster lines, in source order.
    public var roster: [RosterLine] { (data.enrollmentsByPerson[id] ?? []).map { RosterLine(data, $0) } }
    @inlinable public var payments: PaymentRecords { Records(data.payments, data.paymentsByPerson[id]) }
    @inlinable public var signIns: SignInRecords { Records(data.signIns, data.signInsByPerson[id]) }
    @inlinable public var registry: RegistryRecords { Records(data.registry, data.registryByPerson[id]) }
    @inlinable public var watchlist: WatchRecords { Records(data.watchlist, data.watchByPerson[id]) }

    /// The first registry entry.
    public var registryEntry: RegistryEntry? { registry.first }

    /// The name the person goes by in the tables: registry first, then roster, else `fallback`.
    public func name(or fallback: String) -> String {
        if let e = registryEntry, !e.name.isEmpty { return e.name }
        if let line = data.enrollmentsByPerson[id]?.first, !data.enrollments[line].name.isEmpty {
            return data.enrollments[line].name
        }
        return fallback
    }

    /// The household: the registry's 户编号 ("户 …"), or the person alone ("人 …") when the
    /// registry does not list them or gives no household.
    public var household: String {
        for r in registry { if let h = r.householdID, !h.isEmpty { return "户 \(h)" } }
        return "人 \(id)"
    }

    /// Whether the registry gives a household for the person.
    public var hasRegisteredHousehold: Bool {
        registry.contains { $0.householdID.map { !$0.isEmpty } ?? false }
    }

    /// The subsidy put in doubt for this person in `classID` (any class when nil).
    public func money(in classID: String?) -> MoneyAtRisk {
        let r = data.moneyAtRisk(person: id, classID: classID)
        return MoneyAtRisk(amount: r.amount, payments: r.payments)
    }

    /// The subsidy put in doubt over several classes, each payment counted once.
    public func money(in classIDs: [String]) -> MoneyAtRisk {
        var refs = Set<SourceRef>()
        var rosterTotal: Int64? = nil
        for c in classIDs {
            let r = money(in: c)
            if r.payments.isEmpty {
                if let a = r.amount { rosterTotal = (rosterTotal ?? 0) + a }
            } else {
                refs.formUnion(r.payments)
            }
        }
        if refs.isEmpty { return MoneyAtRisk(amount: rosterTotal, payments: []) }
        var total: Int64 = 0
        for p in payments where refs.contains(p.source) { total += p.amount ?? 0 }
        return MoneyAtRisk(amount: total, payments: refs.sorted())
    }
}

extension AuditData {
    /// Everyone on a roster, by ID (sorted).
    public var trainees: People { People(self, enrollmentsByPerson.keys) }
    /// Everyone with a sign-in, by ID (sorted).
    public var attendees: People { People(self, signInsByPerson.keys) }
    /// Everyone whose sign-ins name two classes or more, by ID (sorted), each with all their
    /// sign-ins: the only people who can be signed in to two classes at once. Found in one
    /// pass over the sign-ins, where a walk over each person's sign-ins jumps about the
    /// whole table.
    public var attendeesOfSeveralClasses: Attendees { Attendees(self, signInsOfSeveralClassesByPerson) }
    /// Everyone paid, by ID (sorted).
    public var payees: People { People(self, paymentsByPerson.keys) }

    /// What the run holds on `id` (any table).
    public func trainee(_ id: ResidentID) -> Trainee { Trainee(self, id) }

    /// Whether `id` is on any roster / in the registry / paid / signed in.
    public func onRoster(_ id: ResidentID) -> Bool { enrollmentsByPerson[id] != nil }
    public func inRegistry(_ id: ResidentID) -> Bool { registryByPerson[id] != nil }

    /// Every roster line, in source order.
    public var rosterLines: LazyMapSequence<Range<Int>, RosterLine> { enrollments.indices.lazy.map { RosterLine(self, $0) } }

    /// A class's roster lines, in source order.
    public func roster(of cls: TrainingClass) -> [RosterLine] { cls.rosterRows.map { RosterLine(self, $0) } }

    /// Sign-ins naming a class.
    public func signIns(of classID: String) -> SignInRecords { Records(signIns, signInsByClass[classID]) }
    /// Payments naming a class.
    public func payments(of classID: String) -> PaymentRecords { Records(payments, paymentsByClass[classID]) }

    /// Sign-ins grouped by class; by device (those with an ID and a check-in).
    public var signInsOfClasses: Groups<String, SignInList> { Groups(signInsByClass, signIns) }
    public var signInsOfDevices: Groups<String, SignInList> { Groups(signInsByDevice, signIns) }
    /// Payments grouped by class.
    public var paymentsOfClasses: Groups<String, RecordList<Payment>> { Groups(paymentsByClass, payments) }
    /// Registry entries of a household (户编号).
    public func household(_ householdID: String) -> RegistryRecords { Records(registry, registryByHousehold[householdID]) }
}
