/// Values that come back row after row and their codes in a run's table: a small table,
/// one slot per cheap hash, answers most rows without the run table's lock (which all
/// cores otherwise take every row) and without Swift's hasher.
struct RecentTable<Key: Equatable> {
    private var slots = [(key: Key, code: UInt32)?](repeating: nil, count: 1024)

    /// FNV-1a over 32-bit values (bytes are values too).
    struct Hash {
        private(set) var value: UInt32 = 2_166_136_261
        mutating func add(_ v: UInt32) { value = (value ^ v) &* 16_777_619 }
    }

    /// `key`'s code: the remembered one, or `make(key)`, remembered.
    mutating func code(for key: Key, hash: Hash, make: (Key) -> UInt32) -> UInt32 {
        let slot = Int(hash.value & 1023)
        if let hit = slots[slot], hit.key == key { return hit.code }
        let code = make(key)
        slots[slot] = (key, code)
        return code
    }
}
