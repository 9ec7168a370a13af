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
    /// A cell's bytes as words (zero past its end) and, in `tag`, its length + 1 above its
    /// code; a slot of tag 0 is empty.
    private struct Slot {
        var words: (UInt64, UInt64, UInt64)
        var tag: UInt64
    }

    private static let slotsPerColumn = 1024
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
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        if n > 0 {
            withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: n) }
        }
        let slots = columns[column] ?? makeSlots(column)
        var h = words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ (words.2 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        let slot = slots + Int(truncatingIfNeeded: (h >> 54) & UInt64(Self.slotsPerColumn - 1))
        let length = UInt64(n + 1) << 32
        let hit = slot.pointee
        if hit.tag & ~0xFFFF_FFFF == length, hit.words == words { return UInt32(truncatingIfNeeded: hit.tag) }
        let code = make()
        slot.pointee = Slot(words: words, tag: length | UInt64(code))
        return code
    }

    private func makeSlots(_ column: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: Self.slotsPerColumn)
        slots.initialize(repeating: Slot(words: (0, 0, 0), tag: 0), count: Self.slotsPerColumn)
        columns[column] = slots
        return slots
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
