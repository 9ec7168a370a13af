/// Record positions grouped by a key (resident ID, class ID), the way checks find a
/// person's or a class's rows without scanning a table.
///
/// Why not `[Key: [Int]]`: a province-year has 4 million registry entries and 24 million
/// sign-ins. A dictionary of arrays costs a hash slot, an array object and 8 bytes a
/// position; here the keys are one sorted array, the groups' positions one `Int32` array,
/// so a group costs 12 bytes and a position 4. Keys come out sorted, which is the order
/// every check walks them in.
///
/// When records come in stretches of one key (a class's or a device's sign-ins, sheet by
/// sheet or session by session), the positions are kept as runs instead: 8 bytes a stretch,
/// not 4 a record. At a province-year that is 96 MB an index, 24 million positions, down
/// to a few hundred kilobytes.
public struct RowIndex<Key: Hashable & Comparable & Sendable>: Sendable {
    /// The keys, sorted, each once.
    public let keys: [Key]
    /// How many positions come before each key's; one more entry than `keys`.
    @usableFromInline let starts: [Int32]
    /// All groups' record positions, key after key, each group in record order (empty
    /// when the index keeps runs).
    @usableFromInline let positions: [Int32]
    /// Runs mode: where each key's runs start in `runs`, one more entry than `keys`; else empty.
    @usableFromInline let runStarts: [Int32]
    /// All groups' runs, key after key, each group's in record order.
    @usableFromInline let runs: [PositionRun]

    /// Groups `records` by `key`; records without a key are left out.
    public init<C: Collection>(_ records: C, key: (C.Element) -> Key?) {
        self.init(records, code: key, key: { $0 })
    }

    /// Groups `records` by a cheap code (a text code of the run's tables, say) and derives each
    /// group's key once, not once per record. Codes whose keys are equal share a group.
    init<C: Collection, Code: Hashable>(_ records: C, code: (C.Element) -> Code?, key: (Code) -> Key) {
        self.init(records, numbering: [Code: Int32].self, code: code, key: key)
    }

    /// Groups `records` by resident ID, numbered without Swift's seeded hashing
    /// (`PackedCodeNumbers`): each record's ID is looked up twice.
    init<C: Collection>(_ records: C, person: (C.Element) -> ResidentID?) where Key == ResidentID {
        self.init(records, numbering: PackedCodeNumbers.self, code: { person($0)?.packed }, key: { ResidentID(packed: $0) })
    }

    /// Groups `records` by a code of one of the run's intern tables (a signer), numbered in
    /// an array indexed by the code (`TableCodeNumbers`), not hashed; each code's key is
    /// derived once. Codes whose key is nil are left out; codes whose keys are equal share a
    /// group. For the sign-ins by person: 24 million rows, a few hundred thousand signers.
    init<C: Collection>(_ records: C, tableCode: (C.Element) -> UInt32?, key: (UInt32) -> Key?) {
        self.init(records, numbering: TableCodeNumbers.self, code: tableCode, key: key)
    }

    private init<C: Collection, Numbers: CodeNumbering>(_ records: C, numbering: Numbers.Type,
                                                          code: (C.Element) -> Numbers.Code?, key: (Numbers.Code) -> Key?) {
        precondition(records.count < Int(Int32.max), "too many records for RowIndex")
        // Two passes over the records, no per-record scratch (24 million rows): the first
        // numbers the codes and counts their records, the second places each record. Rows
        // often repeat the previous row's code (a class's sign-ins): that skips the lookup.
        var groupOf = Numbers()
        var codes: [Numbers.Code] = []
        var sizes: [Int32] = []
        var last: (code: Numbers.Code, group: Int32)?
        func group(_ c: Numbers.Code) -> Int32? {
            if let last, last.code == c { return last.group }
            let g = groupOf.number(of: c)
            if let g { last = (c, g) }
            return g
        }
        // Runs: a record starts one unless the record before it has the same group.
        var runCount = 0
        var runsOf: [Int32] = []
        var previous: (record: Int, group: Int32) = (-2, -1)
        for (i, r) in records.enumerated() {
            guard let c = code(r) else { continue }
            let g: Int32
            if let known = group(c) {
                g = known
                sizes[Int(g)] += 1
            } else {
                g = Int32(codes.count)
                groupOf.add(c, number: g)
                codes.append(c)
                sizes.append(1)
                runsOf.append(0)
            }
            if previous.group != g || previous.record != i - 1 {
                runCount += 1
                runsOf[Int(g)] += 1
            }
            previous = (i, g)
        }
        // Keys sorted; groups with equal keys get one slot, groups without a key none (-1);
        // each slot's start.
        let order = codes.enumerated().compactMap { g, c in key(c).map { (group: g, key: $0) } }.sorted { $0.key < $1.key }
        var keys: [Key] = []
        var starts: [Int32] = []
        var slotOf = [Int32](repeating: -1, count: codes.count)
        var total: Int32 = 0
        for (g, k) in order {
            if keys.last != k {
                keys.append(k)
                starts.append(total)
            }
            slotOf[g] = Int32(keys.count - 1)
            total += sizes[g]
        }
        starts.append(total)
        self.keys = keys
        self.starts = starts
        last = nil
        // Second pass: each slot's positions (or runs) in record order.
        if runCount * 2 > Int(total) {
            var next = Array(starts.dropLast())
            var positions = [Int32](repeating: 0, count: Int(total))
            for (i, r) in records.enumerated() {
                guard let c = code(r), let g = group(c), slotOf[Int(g)] >= 0 else { continue }
                let slot = Int(slotOf[Int(g)])
                positions[Int(next[slot])] = Int32(i)
                next[slot] += 1
            }
            self.positions = positions
            self.runStarts = []
            self.runs = []
            return
        }
        // A slot has at most its groups' runs (two groups of one key may join a run): each
        // slot gets room for those, and the runs are packed after.
        var room = [Int32](repeating: 0, count: keys.count + 1)
        for (g, _) in order { room[Int(slotOf[g]) + 1] += runsOf[g] }
        for k in 0..<keys.count { room[k + 1] += room[k] }
        var runs = [PositionRun](repeating: PositionRun(first: 0, before: 0), count: Int(room[keys.count]))
        var nextRun = Array(room.dropLast())
        var filled = [Int32](repeating: 0, count: keys.count)
        var lastRecord = [Int32](repeating: -2, count: keys.count)
        for (i, r) in records.enumerated() {
            guard let c = code(r), let g = group(c), slotOf[Int(g)] >= 0 else { continue }
            let slot = Int(slotOf[Int(g)])
            if lastRecord[slot] != Int32(i - 1) {
                runs[Int(nextRun[slot])] = PositionRun(first: Int32(i), before: filled[slot])
                nextRun[slot] += 1
            }
            lastRecord[slot] = Int32(i)
            filled[slot] += 1
        }
        var runStarts = [Int32](repeating: 0, count: keys.count + 1)
        var packed = 0
        for k in 0..<keys.count {
            runStarts[k] = Int32(packed)
            for j in Int(room[k])..<Int(nextRun[k]) {
                runs[packed] = runs[j]
                packed += 1
            }
        }
        runStarts[keys.count] = Int32(packed)
        runs.removeLast(runs.count - packed)
        self.positions = []
        self.runStarts = runStarts
        self.runs = runs
    }

    /// Groups `records` by `key` when most keys occur once (the registry: 4 million people,
    /// 4 million keys): sorting (key, position) pairs takes a third of the memory a hash
    /// table of every key does.
    public init<C: Collection>(mostlyDistinct records: C, key: (C.Element) -> Key?) {
        precondition(records.count < Int(Int32.max), "too many records for RowIndex")
        var pairs: [(key: Key, position: Int32)] = []
        pairs.reserveCapacity(records.count)
        for (i, r) in records.enumerated() { if let k = key(r) { pairs.append((k, Int32(i))) } }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        var keys: [Key] = []
        var starts: [Int32] = []
        var positions: [Int32] = []
        positions.reserveCapacity(pairs.count)
        for (i, p) in pairs.enumerated() {
            if keys.last != p.key {
                keys.append(p.key)
                starts.append(Int32(i))
            }
            positions.append(p.position)
        }
        starts.append(Int32(pairs.count))
        self.keys = keys
        self.starts = starts
        self.positions = positions
        self.runStarts = []
        self.runs = []
    }

    /// The positions of `key`'s records, nil when it has none.
    @inlinable public subscript(key: Key) -> Rows? {
        let lo = firstKey(atLeast: key)
        guard lo < keys.count, keys[lo] == key else { return nil }
        return rows(at: lo)
    }

    /// Where the first key not below `key` is in `keys` (`keys.count` when there is none).
    @inlinable func firstKey(atLeast key: Key) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The positions of the records of `keys[k]`.
    @inlinable func rows(at k: Int) -> Rows {
        if runs.isEmpty { return Rows(positions[Int(starts[k])..<Int(starts[k + 1])]) }
        return Rows(runs: runs[Int(runStarts[k])..<Int(runStarts[k + 1])], count: Int(starts[k + 1] - starts[k]))
    }

    /// Number of keys.
    @inlinable public var count: Int { keys.count }

    public typealias Rows = RowPositions
}

/// Numbers the distinct codes of a `RowIndex` build, 0, 1, 2 … in order of first sight.
protocol CodeNumbering {
    associatedtype Code: Equatable
    init()
    /// The number given to `code`, nil when it has none yet.
    func number(of code: Code) -> Int32?
    mutating func add(_ code: Code, number: Int32)
}

extension Dictionary: CodeNumbering where Value == Int32 {
    func number(of code: Key) -> Int32? { self[code] }
    mutating func add(_ code: Key, number: Int32) { self[code] = number }
}

/// Numbers the codes of one of the run's intern tables in an array indexed by the code:
/// they are nearly dense (an `InternTable` code is a shard's count above the shard's
/// index), so a lookup is one load, where hashing the signer's packed ID cost a probe into a
/// table of every person. A code past what a dense table would hold for the codes seen
/// (`InternTable` codes never are) goes to a dictionary instead, so the array stays bounded.
struct TableCodeNumbers: CodeNumbering {
    /// Per code, its number + 1; 0: none yet.
    private var numbers: [Int32] = []
    private var far: [UInt32: Int32] = [:]
    private var count = 0

    init() {}

    func number(of code: UInt32) -> Int32? {
        let c = Int(code)
        if c < numbers.count { return numbers[c] == 0 ? nil : numbers[c] - 1 }
        return far[code]
    }

    mutating func add(_ code: UInt32, number: Int32) {
        let c = Int(code)
        count += 1
        if c >= numbers.count, c < 4 * count + 4096 {
            numbers.append(contentsOf: repeatElement(0, count: max(c + 1, 2 * numbers.count) - numbers.count))
            // A code below `numbers.count` is looked up in the array only: the codes set
            // aside that it now reaches move into it. Left in the dictionary, such a code
            // read as new and `RowIndex` placed none of its records. Which codes come early
            // depends on how the cores interleave their interning, so this cannot be left
            // to chance.
            let reached = far.filter { Int($0.key) < numbers.count }
            for (k, n) in reached {
                numbers[Int(k)] = n + 1
                far[k] = nil
            }
        }
        if c < numbers.count { numbers[c] = number + 1 } else { far[code] = number }
    }
}

/// Numbers 64-bit codes in an open-addressing table with linear probing: a few multiplies
/// per code instead of Swift's SipHash. The codes come from input (packed resident IDs), so
/// they are mixed with a per-process random seed first: without it, a file of IDs chosen to
/// share a slot would make every lookup walk them all (a hang on hostile input).
struct PackedCodeNumbers: CodeNumbering {
    /// Drawn once per process, as Swift seeds its own hashing.
    private static let seed = UInt64.random(in: .min ... .max)

    private var codes = [UInt64](repeating: 0, count: 64)
    /// -1 marks an empty slot.
    private var numbers = [Int32](repeating: -1, count: 64)
    private var used = 0
    /// 64 − log2(slots): the top bits of the product choose the slot.
    private var shift: UInt64 = 58

    init() {}

    @inline(__always)
    private func slot(_ code: UInt64) -> Int {
        // MurmurHash3's 64-bit finaliser over the seeded code; the top bits choose the slot.
        var x = code &+ Self.seed
        x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        x = (x ^ (x >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return Int(truncatingIfNeeded: x >> shift)
    }

    func number(of code: UInt64) -> Int32? {
        let mask = codes.count - 1
        var i = slot(code)
        while numbers[i] >= 0 {
            if codes[i] == code { return numbers[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    mutating func add(_ code: UInt64, number: Int32) {
        if (used + 1) * 4 > codes.count * 3 { grow() }
        let mask = codes.count - 1
        var i = slot(code)
        while numbers[i] >= 0 { i = (i + 1) & mask }
        codes[i] = code
        numbers[i] = number
        used += 1
    }

    private mutating func grow() {
        let (oldCodes, oldNumbers) = (codes, numbers)
        codes = [UInt64](repeating: 0, count: oldCodes.count * 2)
        numbers = [Int32](repeating: -1, count: oldCodes.count * 2)
        shift -= 1
        used = 0
        for i in oldCodes.indices where oldNumbers[i] >= 0 { add(oldCodes[i], number: oldNumbers[i]) }
    }
}

/// A stretch of consecutive record positions in a `RowIndex` group: its first position,
/// and how many of the group's positions come before it.
@usableFromInline struct PositionRun: Sendable {
    @usableFromInline let first: Int32
    @usableFromInline let before: Int32
    @inlinable init(first: Int32, before: Int32) {
        self.first = first
        self.before = before
    }
}

/// One key's record positions, indexed from 0: listed, or as runs of consecutive positions.
public struct RowPositions: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable {
    @usableFromInline let listed: ArraySlice<Int32>
    /// Empty unless the positions are runs.
    @usableFromInline let runs: ArraySlice<PositionRun>
    public let count: Int

    @inlinable init(_ listed: ArraySlice<Int32>) {
        self.listed = listed
        runs = []
        count = listed.count
    }

    @inlinable init(runs: ArraySlice<PositionRun>, count: Int) {
        listed = []
        self.runs = runs
        self.count = count
    }

    public init(arrayLiteral elements: Int...) { self.init(ArraySlice(elements.map { Int32($0) })) }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(i: Int) -> Int {
        if runs.isEmpty { return Int(listed[listed.startIndex + i]) }
        precondition(i >= 0 && i < count, "RowPositions index out of range")
        let run = runs[lastStart(atOrBefore: i, runs) { Int($0.before) }]
        return Int(run.first) + i - Int(run.before)
    }

    /// Walks the positions in turn (run by run, without a search per position).
    public struct Iterator: IteratorProtocol {
        @usableFromInline let positions: RowPositions
        @usableFromInline var i = 0
        /// Runs mode: the current run, and the next position in it.
        @usableFromInline var run: Int

        @inlinable init(_ positions: RowPositions) {
            self.positions = positions
            run = positions.runs.startIndex
        }

        @inlinable public mutating func next() -> Int? {
            guard i < positions.count else { return nil }
            defer { i += 1 }
            let runs = positions.runs
            if runs.isEmpty { return Int(positions.listed[positions.listed.startIndex + i]) }
            if run + 1 < runs.endIndex, Int(runs[run + 1].before) == i { run += 1 }
            return Int(runs[run].first) + i - Int(runs[run].before)
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(self) }
}

/// The index of the last element of `starts` whose start is at or before `i`: the run (of a
/// `RowPositions`, of `RowNumbers`) that holds item `i`. Starts go up, and the first is at
/// or before every `i` asked for.
@inlinable @inline(__always)
func lastStart<C: RandomAccessCollection>(atOrBefore i: Int, _ starts: C, _ start: (C.Element) -> Int) -> Int
where C.Index == Int {
    var lo = starts.startIndex, hi = starts.endIndex
    while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if start(starts[mid]) <= i { lo = mid } else { hi = mid }
    }
    return lo
}
