/// Additions to the checks' view (Views.swift) for the SCH, PRX and ID families: each
/// table's records by person, a merge join over groups with the same key, sign-ins that
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
        var first: [Key: Int] = [:]
        first.reserveCapacity(signIns.count)
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

/// Groups with the same key walked together in key order (a merge join, full outer):
/// each key once, with each group's records of that key (empty where a group has none).
/// `MergeJoin(registryOfPeople, rosterOfPeople)` yields (resident ID, registry entries,
/// roster lines) for everyone in either table; any number of groups may be joined.
public struct MergeJoin<Key: Hashable & Comparable & Sendable, each Table: RecordTable> {
    @usableFromInline let groups: (repeat Groups<Key, each Table>)

    @inlinable public init(_ groups: repeat Groups<Key, each Table>) {
        self.groups = (repeat each groups)
    }

    /// Calls `body` with each key (in order) and its records in each group. The groups'
    /// sorted keys are merged: no table of all keys is built.
    @inlinable public func forEach(_ body: (Key, repeat Records<each Table>) -> Void) {
        var cursors: [Int] = []
        for _ in repeat each groups { cursors.append(0) }
        while true {
            var next: Key? = nil
            var k = 0
            for g in repeat each groups {
                if cursors[k] < g.index.keys.count {
                    let key = g.index.keys[cursors[k]]
                    if next.map({ key < $0 }) ?? true { next = key }
                }
                k += 1
            }
            guard let key = next else { return }
            k = 0
            body(key, repeat Self.take(each groups, key, &cursors, &k))
        }
    }

    /// Group `k`'s records of `key` (moving its cursor past it), or none.
    @inlinable static func take<R>(_ g: Groups<Key, R>, _ key: Key, _ cursors: inout [Int], _ k: inout Int) -> Records<R> {
        defer { k += 1 }
        guard cursors[k] < g.index.keys.count, g.index.keys[cursors[k]] == key else { return Records(g.list, nil) }
        cursors[k] += 1
        return g[key]
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
