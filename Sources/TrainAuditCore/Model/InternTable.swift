#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An append-only table that gives each distinct value a 32-bit code. A run's tables
/// (`RunTables`) are these: they live as long as the run's records, not the process.
///
/// Why: a province-year has 24 million sign-ins whose texts (class, session, device,
/// place, name) repeat endlessly, and every row's source names one of a few files. A
/// record that stores codes instead of Strings is a fraction of the size and is copied
/// without reference counting.
///
/// Code 0 is never handed out, so a record can use it for "no value". Values are never
/// removed or moved: `intern` takes a lock, but `value(of:)` reads without one. That is
/// safe because a slot is written once, before its code is returned, and a reader can only
/// hold a code it (or a task it waited for) got from `intern`.
///
/// The table is 16 shards, chosen by the value's hash, each with its own lock: the readers
/// of a file's parts intern at the same time (a registry's names and household numbers
/// nearly every row), and with one lock they spent a fifth of their time in the kernel
/// waiting for each other (perf, registry at 0.1, two parts). A code is the shard's own
/// number shifted past the shard's index; codes are unique, not dense, and their order says
/// nothing (it never did: parts intern in whatever order the cores run).
final class InternTable<Value: Hashable & Sendable>: @unchecked Sendable {
    private static var shardBits: Int { 4 }
    private static var shardCount: Int { 1 << shardBits }
    private static var pageBits: Int { 12 }
    private static var pageSize: Int { 1 << pageBits }
    /// Pages per shard: a shard's numbers fill the 28 bits above the shard's index.
    private static var maxPages: Int { 1 << (32 - shardBits - pageBits) }

    /// A shard's codes by value: open addressing with linear probing, each slot 0 (empty)
    /// or a code with 32 bits of its value's hash above it. A slot is 8 bytes, where a
    /// dictionary entry of the value, its hash and its code was 40 to 50 and held the value a
    /// second time (a province-year's sign-in contexts and signers, a million entries).
    /// Values are compared in the pages; the stored hash bits skip most comparisons and
    /// place the codes again when the table grows, without hashing any value twice. The hash
    /// is Swift's seeded one, so input cannot choose values that share a slot.
    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var slots = [UInt64](repeating: 0, count: 64)
        var used = 0
        /// The shard's next number; 0 is never used, so no code is 0.
        var next: UInt32 = 1
    }

    private let shards: [Shard]
    /// Every shard's fixed pages of values, shard after shard; the page table is
    /// zero-filled virtual memory (calloc), so only the pages in use cost anything.
    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<Value>?>

    init() {
        shards = (0..<Self.shardCount).map { _ in Shard() }
        let count = Self.shardCount * Self.maxPages
        let raw = calloc(count, MemoryLayout<UnsafeMutablePointer<Value>?>.stride)!
        pages = raw.bindMemory(to: UnsafeMutablePointer<Value>?.self, capacity: count)
    }

    /// The code of `value`, assigned on first sight.
    func intern(_ value: Value) -> UInt32 {
        let hash = UInt64(bitPattern: Int64(value.hashValue))
        let s = Int(hash & UInt64(Self.shardCount - 1))
        // The bits above the shard's choose the slot and are kept in it.
        let bits = UInt32(truncatingIfNeeded: hash >> UInt64(Self.shardBits))
        let shard = shards[s]
        shard.lock.lock()
        defer { shard.lock.unlock() }
        var mask = shard.slots.count - 1
        var i = Int(bits) & mask
        while shard.slots[i] != 0 {
            let slot = shard.slots[i]
            if UInt32(truncatingIfNeeded: slot >> 32) == bits, self.value(of: UInt32(truncatingIfNeeded: slot)) == value {
                return UInt32(truncatingIfNeeded: slot)
            }
            i = (i + 1) & mask
        }
        let n = shard.next
        precondition(Int(n) < Self.maxPages * Self.pageSize, "InternTable is full")
        let p = s * Self.maxPages + Int(n) >> Self.pageBits
        if pages[p] == nil { pages[p] = .allocate(capacity: Self.pageSize) }
        (pages[p]! + (Int(n) & (Self.pageSize - 1))).initialize(to: value)
        let c = n << UInt32(Self.shardBits) | UInt32(s)
        shard.next += 1
        shard.used += 1
        if shard.used * 4 > shard.slots.count * 3 {
            Self.grow(shard)
            mask = shard.slots.count - 1
            i = Int(bits) & mask
            while shard.slots[i] != 0 { i = (i + 1) & mask }
        }
        shard.slots[i] = UInt64(bits) << 32 | UInt64(c)
        return c
    }

    /// Twice the slots, each code placed again by its kept hash bits.
    private static func grow(_ shard: Shard) {
        let old = shard.slots
        shard.slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = shard.slots.count - 1
        for slot in old where slot != 0 {
            var i = Int(UInt32(truncatingIfNeeded: slot >> 32)) & mask
            while shard.slots[i] != 0 { i = (i + 1) & mask }
            shard.slots[i] = slot
        }
    }

    /// The value of a code `intern` returned (not 0).
    @inline(__always)
    func value(of code: UInt32) -> Value {
        let s = Int(code) & (Self.shardCount - 1), n = Int(code) >> Self.shardBits
        return pages[s * Self.maxPages + n >> Self.pageBits].unsafelyUnwrapped[n & (Self.pageSize - 1)]
    }

    /// A run's table goes with the run: its values and pages are freed.
    deinit {
        for (s, shard) in shards.enumerated() {
            var p = 0
            while p < Self.maxPages, let page = pages[s * Self.maxPages + p] {
                let used = min(Self.pageSize, Int(shard.next) - p * Self.pageSize)
                // Slot 0 of a shard's first page is never used (its number 0 is not handed out).
                if p == 0 { (page + 1).deinitialize(count: max(0, used - 1)) } else { page.deinitialize(count: used) }
                page.deallocate()
                p += 1
            }
        }
        free(pages)
    }
}
