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
        /// One table: `id` reads a stored row's reading in place, `record` makes the row's
        /// name and source only for a kept cell.
        func each<Row>(_ chunks: [[Row]], _ table: TableKind, id: (Row) -> IDReading,
                       record: (_ chunk: Int, _ row: Int) -> (name: String, source: SourceRef)) {
            for (c, chunk) in chunks.enumerated() {
                for i in chunk.indices where filter(id(chunk[i])) {
                    let r = record(c, i)
                    body(id(chunk[i]), r.name, r.source, table)
                }
            }
        }
        let signInTables = signIns.tables, registryList = registry
        each(registry.parts.rows, .registry, id: \.id) { c, i in
            let entry = registryList.entry(part: c, at: i)
            return (entry.name, entry.source)
        }
        let rosterChunks = enrollments.chunks
        each(rosterChunks, .roster, id: \.id) { c, i in (rosterChunks[c][i].name, rosterChunks[c][i].source) }
        let signers = signInTables.signers, signInList = signIns
        each(signIns.parts.rows, .attendance, id: { signers.value(of: $0.signerCode).id }) { c, i in
            let s = signInList.signIn(part: c, at: i)
            return (s.name, s.source)
        }
        let paymentChunks = payments.chunks, watchChunks = watchlist.chunks
        each(paymentChunks, .payments, id: \.id) { c, i in (paymentChunks[c][i].name, paymentChunks[c][i].source) }
        each(watchChunks, .watchlist, id: \.id) { c, i in (watchChunks[c][i].name, watchChunks[c][i].source) }
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
