import Foundation
/// Additions to the checks' view (Views.swift) for the SCH, PRX and ID families: each
/// table's records by person, a merge join over the tables by person, sign-ins that
/// share a key, and a pair of days.

extension AuditData {
    /// Registry entries by resident ID.
    public var registryOfPeople: Groups<ResidentID, RegistryList> { Groups(registryByPerson, registry) }
    /// Roster lines (as read) by resident ID.
    public var rosterOfPeople: Groups<ResidentID, RecordList<Enrollment>> { Groups(enrollmentsByPerson, enrollments) }
    /// Sign-ins by resident ID.
    public var signInsOfPeople: Groups<ResidentID, SignInList> { Groups(signInsByPerson, signIns) }
    /// Payments by resident ID.
    public var paymentsOfPeople: Groups<ResidentID, RecordList<Payment>> { Groups(paymentsByPerson, payments) }
    /// Watchlist entries by resident ID.
    public var watchlistOfPeople: Groups<ResidentID, RecordList<WatchEntry>> { Groups(watchByPerson, watchlist) }

    /// Sign-ins that share a key with at least one other (a photo hash, say), by key
    /// (sorted), each key's sign-ins in source order. For keys that are mostly unique
    /// (24 million sign-ins, as many photos): only the first sign-in of each key is held
    /// until a second one comes, so no list is made for a key seen once.
    @inlinable
    public func signIns<Key: Hashable & Comparable>(sharing key: (SignIn) -> Key?) -> [(key: Key, signIns: [SignIn])] {
        // Not reserved for every sign-in: that was 810 MB of address space at a province-year
        // whose sheets have no photo column, and a table grows as keys come.
        var first: [Key: Int] = [:]
        var repeated: [Key: [Int]] = [:]
        for (i, s) in signIns.enumerated() {
            guard let k = key(s) else { continue }
            if let f = first[k] {
                if repeated[k] == nil { repeated[k] = [f] }
                repeated[k]?.append(i)
            } else {
                first[k] = i
            }
        }
        return repeated.keys.sorted().map { k in (k, (repeated[k] ?? []).map { signIns[$0] }) }
    }
}

extension AuditData {
    /// Every ID cell whose reading passes `filter`, table by table (registry, roster,
    /// attendance, payments, watchlist), each in source order, with its row's name and
    /// source. Only the readings are read for the filter, in place: a province-year has 28
    /// million ID cells, most of which no ID check keeps, and making each row's record (its
    /// texts retained and released) cost more than the filter.
    public func forEachIDCell(where filter: (IDReading) -> Bool,
                              _ body: (_ reading: IDReading, _ name: String, _ source: SourceRef, _ table: TableKind) -> Void) {
        let cells = idCells
        cells.forEach(where: filter) { reading, place in
            let r = cells.record(at: place)
            body(reading, r.name, r.source, r.table)
        }
    }

    /// `forEachIDCell`, over only the cells whose reading has an issue (`IDReading.issues`
    /// is not empty): for a check that looks for one, which then walks a list made once for
    /// all such checks instead of every ID cell.
    public func forEachIDCellWithIssues(where filter: (IDReading) -> Bool,
                                        _ body: (_ reading: IDReading, _ name: String, _ source: SourceRef, _ table: TableKind) -> Void) {
        let cells = idCells, withIssues = idCellsWithIssues
        func visit(_ place: IDCells.Place) {
            let reading = cells.reading(at: place)
            guard filter(reading) else { return }
            let r = cells.record(at: place)
            body(reading, r.name, r.source, r.table)
        }
        // The tables before the sign-ins, the sign-ins of signers with an issue, the rest.
        let before = withIssues.places.prefix { $0.table < .signIns }
        before.forEach(visit)
        if !withIssues.signers.isEmpty {
            for (c, part) in cells.signIns.parts.rows.enumerated() {
                for (i, row) in part.enumerated() where withIssues.signers.contains(row.signerCode) {
                    visit(IDCells.Place(.signIns, c, i))
                }
            }
        }
        withIssues.places.dropFirst(before.count).forEach(visit)
    }
}

/// The ID cells of the tables that have one (registry, roster, attendance, payments,
/// watchlist, in that order), read where they are stored.
struct IDCells: Sendable {
    let registry: RegistryList
    let enrollments: RecordList<Enrollment>
    let signIns: SignInList
    let payments: RecordList<Payment>
    let watchlist: RecordList<WatchEntry>

    /// The tables, in the order above, which is the order of their cells.
    enum Table: UInt8, Comparable, Sendable {
        case registry, roster, signIns, payments, watchlist

        static func < (a: Table, b: Table) -> Bool { a.rawValue < b.rawValue }
    }

    /// Where a cell is: its table, chunk and row.
    struct Place: Sendable {
        var table: Table
        var chunk: UInt32
        var row: UInt32
        init(_ table: Table, _ chunk: Int, _ row: Int) {
            self.table = table
            self.chunk = UInt32(chunk)
            self.row = UInt32(row)
        }
    }

    /// Every cell's reading that passes `filter`, with its place, in order.
    func forEach(where filter: (IDReading) -> Bool, _ body: (IDReading, Place) -> Void) {
        let signers = signIns.tables.signers
        Self.each(registry.parts.rows, .registry, id: \.id, where: filter, body)
        Self.each(enrollments.chunks, .roster, id: \.id, where: filter, body)
        Self.each(signIns.parts.rows, .signIns, id: { signers.value(of: $0.signerCode).id }, where: filter, body)
        Self.each(payments.chunks, .payments, id: \.id, where: filter, body)
        Self.each(watchlist.chunks, .watchlist, id: \.id, where: filter, body)
    }

    /// The cells of one table's stored rows whose reading passes `filter`, in order.
    private static func each<Row>(_ chunks: [[Row]], _ table: Table, id: (Row) -> IDReading,
                                  where filter: (IDReading) -> Bool, _ body: (IDReading, Place) -> Void) {
        for (c, chunk) in chunks.enumerated() {
            for i in chunk.indices {
                let reading = id(chunk[i])
                if filter(reading) { body(reading, Place(table, c, i)) }
            }
        }
    }

    /// The cells whose reading has an issue: where they are, but for the sign-ins (24
    /// million at a province-year, all with an issue when a county's IDs are), whose signers
    /// with an issue are kept instead.
    struct WithIssues: Sendable {
        /// In order, tables other than the sign-ins.
        var places: [Place] = []
        var signers = CodeSet()
    }

    func withIssues() -> WithIssues {
        var places: [Place] = []
        let add = { (_: IDReading, place: Place) in places.append(place) }
        Self.each(registry.parts.rows, .registry, id: \.id, where: \.hasIssues, add)
        Self.each(enrollments.chunks, .roster, id: \.id, where: \.hasIssues, add)
        // A signer's reading is looked at once per stretch of its rows.
        let signers = signIns.tables.signers
        var withIssue: [UInt32] = []
        var last: UInt32?
        var highest: UInt32 = 0
        for part in signIns.parts.rows {
            for row in part where row.signerCode != last {
                last = row.signerCode
                highest = max(highest, row.signerCode)
                if signers.value(of: row.signerCode).id.hasIssues { withIssue.append(row.signerCode) }
            }
        }
        Self.each(payments.chunks, .payments, id: \.id, where: \.hasIssues, add)
        Self.each(watchlist.chunks, .watchlist, id: \.id, where: \.hasIssues, add)
        return WithIssues(places: places, signers: CodeSet(withIssue, below: withIssue.isEmpty ? 0 : Int(highest) + 1))
    }

    func reading(at p: Place) -> IDReading {
        let (c, i) = (Int(p.chunk), Int(p.row))
        switch p.table {
        case .registry: return registry.parts.rows[c][i].id
        case .roster: return enrollments.chunks[c][i].id
        case .signIns: return signIns.tables.signers.value(of: signIns.parts.rows[c][i].signerCode).id
        case .payments: return payments.chunks[c][i].id
        case .watchlist: return watchlist.chunks[c][i].id
        }
    }

    /// The name and source of the cell's row, and its table.
    func record(at p: Place) -> (name: String, source: SourceRef, table: TableKind) {
        let (c, i) = (Int(p.chunk), Int(p.row))
        switch p.table {
        case .registry: let e = registry.entry(part: c, at: i); return (e.name, e.source, .registry)
        case .roster: let e = enrollments.chunks[c][i]; return (e.name, e.source, .roster)
        case .signIns: let s = signIns.signIn(part: c, at: i); return (s.name, s.source, .attendance)
        case .payments: let e = payments.chunks[c][i]; return (e.name, e.source, .payments)
        case .watchlist: let e = watchlist.chunks[c][i]; return (e.name, e.source, .watchlist)
        }
    }
}

/// Codes of one of the run's intern tables as bits, for a test per row: the table's codes
/// are below 16 times its number of values (an `InternTable` code is a shard's count above
/// the shard's index), so the bits cost at most 2 bytes a value.
struct CodeSet: Sendable {
    private var bits: [UInt64]

    /// `codes`, each below `limit`.
    init(_ codes: [UInt32] = [], below limit: Int = 0) {
        bits = [UInt64](repeating: 0, count: (limit + 63) / 64)
        for code in codes { bits[Int(code) >> 6] |= 1 << UInt64(code & 63) }
    }

    var isEmpty: Bool { bits.allSatisfy { $0 == 0 } }

    @inline(__always)
    func contains(_ code: UInt32) -> Bool {
        let c = Int(code)
        return c >> 6 < bits.count && bits[c >> 6] >> UInt64(c & 63) & 1 != 0
    }
}

/// What each table holds on one resident ID, for a walk over everyone in any table.
public struct PersonRecords {
    public let registry: RegistryRecords
    public let roster: RosterRecords
    public let signIns: SignInRecords
    public let payments: PaymentRecords
    public let watchlist: WatchRecords
}

extension AuditData {
    /// `body`'s results for everyone in any table, with their records in each, joined in ID
    /// order. The people are found by a merge join, full outer, over the five tables'
    /// person indexes: each ID once, no table of all IDs built, no lookup per ID. It runs on
    /// all cores: the IDs are cut into stretches at IDs of the longest table, and each
    /// stretch is merged on its own. For a check whose findings about a person depend on
    /// that person alone.
    public func flatMapPeople<T>(_ body: @Sendable (ResidentID, PersonRecords) -> [T]) -> [T] {
        let indexes = [registryByPerson, enrollmentsByPerson, signInsByPerson, paymentsByPerson, watchByPerson]
        let longest = indexes.reduce(indexes[0]) { $1.keys.count > $0.keys.count ? $1 : $0 }
        // One stretch (everything) when the tables hold few people or none.
        let stretches = max(1, min(longest.keys.count, ProcessInfo.processInfo.activeProcessorCount * 8))
        let bounds = (1..<stretches).map { longest.keys[longest.keys.count * $0 / stretches] }
        return Parallel.flatMap(0..<stretches) { k in
            var out: [T] = []
            forEachPerson(indexes, from: k == 0 ? nil : bounds[k - 1], to: k + 1 < stretches ? bounds[k] : nil) {
                out += body($0, $1)
            }
            return out
        }
    }

    /// The merge join over the five person indexes (in the order `PersonRecords` holds
    /// them), over the IDs from `from` (the first when nil) up to, not including, `to` (past
    /// the last when nil).
    private func forEachPerson(_ indexes: [RowIndex<ResidentID>], from: ResidentID?, to: ResidentID?,
                               _ body: (ResidentID, PersonRecords) -> Void) {
        var cursors = indexes.map { index in from.map { index.firstKey(atLeast: $0) } ?? 0 }
        func take(_ k: Int, _ id: ResidentID) -> RowPositions? {
            let index = indexes[k]
            guard cursors[k] < index.keys.count, index.keys[cursors[k]] == id else { return nil }
            defer { cursors[k] += 1 }
            return index.rows(at: cursors[k])
        }
        while true {
            var next: ResidentID? = nil
            for k in indexes.indices where cursors[k] < indexes[k].keys.count {
                let key = indexes[k].keys[cursors[k]]
                if next.map({ key < $0 }) ?? true { next = key }
            }
            guard let id = next, to.map({ id < $0 }) ?? true else { return }
            body(id, PersonRecords(registry: Records(registry, take(0, id)), roster: Records(enrollments, take(1, id)),
                                   signIns: Records(signIns, take(2, id)), payments: Records(payments, take(3, id)),
                                   watchlist: Records(watchlist, take(4, id))))
        }
    }
}

/// Two days of one class compared with each other (PRX002: a sheet copied from one day to
/// another), the earlier first.
public struct DayPair: Hashable, Comparable, Sendable {
    public let first: Day
    public let second: Day

    public init(_ first: Day, _ second: Day) {
        self.first = first
        self.second = second
    }

    public static func < (a: DayPair, b: DayPair) -> Bool {
        a.first != b.first ? a.first < b.first : a.second < b.second
    }
}
