/// Values that come back row after row and their codes in a run's table: a small table,
/// one slot per cheap hash, answers most rows without the run table's lock (which all
/// cores otherwise take every row) and without Swift's hasher.
struct RecentTable<Key: Equatable> {
    private var slots = [(key: Key, code: UInt32)?](repeating: nil, count: 1024)

    typealias Hash = RecentHash

    /// `key`'s code: the remembered one, or `make(key)`, remembered.
    mutating func code(for key: Key, hash: Hash, make: (Key) -> UInt32) -> UInt32 {
        let slot = Int(hash.value & 1023)
        if let hit = slots[slot], hit.key == key { return hit.code }
        let code = make(key)
        slots[slot] = (key, code)
        return code
    }
}

/// The cheap hash that chooses a `RecentTable` slot: FNV-1a over 32-bit values (bytes are
/// values too).
struct RecentHash {
    private(set) var value: UInt32 = 2_166_136_261
    mutating func add(_ v: UInt32) { value = (value ^ v) &* 16_777_619 }
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { for b in bytes { add(UInt32(b)) } }
}

/// Recent held cells (`RawRow.held`) of up to 24 bytes and their codes, per column: a
/// registry's relation, status and place columns change from row to row among a few
/// values, and a class's few dozen names come back session after session. A cell is
/// compared by its bytes, as three words, and found by a hash of those words; the slots
/// are plain memory, so a lookup touches no reference count (it runs for most cells of
/// millions of rows). A column's slots are made when it is first coded.
///
/// Owned by one `SheetReading`, which frees it (`deallocate`); copies share the slots.
struct RecentCells {
    /// A cell's bytes as words (`words(_:)`) and, in `tag`, its length + 1 above its
    /// code; a slot of tag 0 is empty.
    private struct Slot {
        var words: (UInt64, UInt64, UInt64)
        var tag: UInt64
    }

    static let slotsPerColumn = 1024
    private let columns: UnsafeMutablePointer<UnsafeMutablePointer<Slot>?>
    private let columnCount: Int

    init(columns count: Int) {
        columnCount = max(count, 1)
        columns = .allocate(capacity: columnCount)
        columns.initialize(repeating: nil, count: columnCount)
    }

    func deallocate() {
        for j in 0..<columnCount { columns[j]?.deallocate() }
        columns.deallocate()
    }

    /// The code of `bytes` as column `column`'s cell: the remembered one, or `make()`,
    /// remembered; nil for a cell of more than 24 bytes (the caller reads it another way).
    @inline(__always)
    func code(column: Int, bytes: UnsafeBufferPointer<UInt8>, make: () -> UInt32) -> UInt32? {
        let n = bytes.count
        guard n <= 24, column >= 0, column < columnCount else { return nil }
        let words = Self.words(bytes)
        let slots = columns[column] ?? makeSlots(column)
        let slot = slots + Self.slot(words, count: n)
        let length = UInt64(n + 1) << 32
        let hit = slot.pointee
        if hit.tag & ~0xFFFF_FFFF == length, hit.words == words { return UInt32(truncatingIfNeeded: hit.tag) }
        let code = make()
        slot.pointee = Slot(words: words, tag: length | UInt64(code))
        return code
    }

    /// The slot of a cell of `count` bytes and these words, of 1,024.
    @inline(__always)
    static func slot(_ words: (UInt64, UInt64, UInt64), count n: Int) -> Int {
        var h = words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ (words.2 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: (h >> 54) & UInt64(slotsPerColumn - 1))
    }

    /// Up to 24 bytes as three words that, with their count, tell them apart from any
    /// other bytes of that count: loads that together cover every byte, some overlapping
    /// (bytes 0–7 and 2–9 of a 10-byte cell), none past the end. Copying the bytes into
    /// zeroed words instead cost a call and a stalled load of what it had just stored.
    @inline(__always)
    static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, UInt64) {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return (0, 0, 0) }
        let p = UnsafeRawPointer(base)
        @inline(__always) func word(_ at: Int) -> UInt64 { p.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        switch n {
        case 1...3:
            return (UInt64(base[0]) | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1]) << 16, 0, 0)
        case 4...7:
            let low = UInt64(p.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return (low | high << 32, 0, 0)
        case 8...16:
            return (word(0), word(n - 8), 0)
        default:
            return (word(0), word(8), word(n - 8))
        }
    }

    private func makeSlots(_ column: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: Self.slotsPerColumn)
        slots.initialize(repeating: Slot(words: (0, 0, 0), tag: 0), count: Self.slotsPerColumn)
        columns[column] = slots
        return slots
    }
}

/// Recent ID cells of up to 24 bytes and how they read (`IDReader.read(utf8:)`, a function
/// of the bytes alone): a class's roster signs in session after session, so a sign-in's ID
/// cell was nearly always read a few dozen rows before. Found and compared as
/// `RecentCells` finds cells. Owned by one reader, which frees it (`deallocate`).
struct RecentIDs {
    private struct Slot {
        var words: (UInt64, UInt64, UInt64)
        /// The cell's length; -1 for an empty slot.
        var count: Int
        var reading: IDReading
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: RecentCells.slotsPerColumn)
        slots.initialize(repeating: Slot(words: (0, 0, 0), count: -1, reading: IDReader.read("")), count: RecentCells.slotsPerColumn)
    }

    func deallocate() { slots.deallocate() }

    /// How `bytes` read as an ID: the remembered reading, or `IDReader.read(utf8:)`'s,
    /// remembered.
    @inline(__always)
    func reading(_ bytes: UnsafeBufferPointer<UInt8>) -> IDReading {
        let n = bytes.count
        guard n <= 24 else { return IDReader.read(utf8: bytes) }
        let words = RecentCells.words(bytes)
        let slot = slots + RecentCells.slot(words, count: n)
        if slot.pointee.count == n, slot.pointee.words == words { return slot.pointee.reading }
        let reading = IDReader.read(utf8: bytes)
        slot.pointee = Slot(words: words, count: n, reading: reading)
        return reading
    }
}

/// The value a reader coded last and its code: rows that repeat the row before (a class's
/// roster lines, a session's sign-ins, a batch of payouts) skip the run's table and its lock.
struct LastCode<Value: Equatable> {
    private var last: (value: Value, code: UInt32)?

    /// `value`'s code: the last one when `value` is the last value, else `make(value)`.
    mutating func code(for value: Value, make: (Value) -> UInt32) -> UInt32 {
        if let last, last.value == value { return last.code }
        let code = make(value)
        last = (value, code)
        return code
    }
}
