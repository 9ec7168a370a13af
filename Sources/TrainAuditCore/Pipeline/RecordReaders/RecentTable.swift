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

extension RecentTable where Key == ShortBytes {
    /// The code of a held cell's bytes: the remembered one, or `make()`, remembered; nil
    /// for a cell of more than 24 bytes (the caller reads it as a String).
    mutating func code(ofBytes bytes: UnsafeBufferPointer<UInt8>, make: () -> UInt32) -> UInt32? {
        guard let key = ShortBytes(bytes) else { return nil }
        var hash = Hash()
        hash.add(bytes)
        return code(for: key, hash: hash) { _ in make() }
    }
}

/// The cheap hash that chooses a `RecentTable` slot: FNV-1a over 32-bit values (bytes are
/// values too).
struct RecentHash {
    private(set) var value: UInt32 = 2_166_136_261
    mutating func add(_ v: UInt32) { value = (value ^ v) &* 16_777_619 }
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { for b in bytes { add(UInt32(b)) } }
}

/// A cell of at most 24 bytes, kept inline: the key of a table of recent cells read from
/// held bytes (a name), compared without a String.
struct ShortBytes: Equatable {
    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    private var count = 0

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 24 else { return nil }
        count = bytes.count
        if let base = bytes.baseAddress {
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: bytes.count)) }
        }
    }

    static func == (x: ShortBytes, y: ShortBytes) -> Bool {
        x.count == y.count && x.words.0 == y.words.0 && x.words.1 == y.words.1 && x.words.2 == y.words.2
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
