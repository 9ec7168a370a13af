#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Cells kept as the bytes they were read from, for a column whose values are nearly all
/// different and nearly never looked at: a registry's names (4 million at a province-year,
/// about half of them distinct, and the checks read those of the few hundred thousand
/// people who are in another table too). Interning them into the run's texts cost two or
/// three cache misses per row in a table of millions; appending them here is a copy of a
/// few bytes to the end of a page.
///
/// A value is a 32-bit reference: the page (1 to 65,535) above the offset in it (16 bits),
/// so 0 is never one. A page is 64 KiB, written by one writer (`Writer`, a reader's own)
/// and never moved: a writer takes a page under the lock and fills it without one, and a
/// reference is read only after the load that made it is over, as with `InternTable`.
/// An entry is its length (one byte below 128, two up to 32,767), then the bytes.
final class ByteStore: @unchecked Sendable {
    private static var pageBits: Int { 16 }
    static var pageSize: Int { 1 << pageBits }
    private static var maxPages: Int { 1 << 16 }
    /// The longest cell kept: its length is one byte below 128, two (15 bits) above.
    static var maxCount: Int { 0x7FFF }

    private let lock = NSLock()
    /// The next page a writer takes; page 0 is never used, so no reference is 0.
    private var nextPage = 1
    /// The page table, zero-filled virtual memory (calloc): only pages in use cost anything.
    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>

    init() {
        pages = calloc(Self.maxPages, MemoryLayout<UnsafeMutablePointer<UInt8>?>.stride)!
            .bindMemory(to: UnsafeMutablePointer<UInt8>?.self, capacity: Self.maxPages)
    }

    deinit {
        for p in 1..<nextPage { pages[p]?.deallocate() }
        free(pages)
    }

    /// One reader's place in the store: the page it fills and how much of it is used.
    /// The store itself is reached only to take a page (an autoclosure), so a row's
    /// append counts no reference to an object the readers of every part share.
    struct Writer {
        private var page = 0
        private var base: UnsafeMutablePointer<UInt8>?
        private var used = ByteStore.pageSize

        /// The reference of `bytes`, stored in a page of `store`; nil when they cannot be
        /// (over `maxCount` bytes, or every page taken: 4 GiB of cells), for the caller
        /// to keep them another way.
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, in store: @autoclosure () -> ByteStore) -> UInt32? {
            let n = bytes.count
            guard n <= ByteStore.maxCount else { return nil }
            let head = n < 0x80 ? 1 : 2
            let need = head + n
            if used + need > ByteStore.pageSize {
                guard let (p, at) = store().newPage() else { return nil }
                page = p; base = at; used = 0
            }
            let at = base.unsafelyUnwrapped + used
            if head == 1 {
                at[0] = UInt8(n)
            } else {
                at[0] = 0x80 | UInt8(n >> 8)
                at[1] = UInt8(truncatingIfNeeded: n)
            }
            if let from = bytes.baseAddress, n > 0 { (at + head).update(from: from, count: n) }
            let ref = UInt32(page) << UInt32(ByteStore.pageBits) | UInt32(used)
            used += need
            return ref
        }
    }

    /// A page of its own for a writer; nil when every page is taken.
    private func newPage() -> (Int, UnsafeMutablePointer<UInt8>)? {
        lock.lock()
        defer { lock.unlock() }
        guard nextPage < Self.maxPages else { return nil }
        let p = nextPage
        let at = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.pageSize)
        pages[p] = at
        nextPage += 1
        return (p, at)
    }

    /// `body` of the bytes `append` stored under `ref`.
    @inline(__always)
    func withBytes<R>(_ ref: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let at = pages[Int(ref >> UInt32(Self.pageBits))].unsafelyUnwrapped + Int(ref & UInt32(Self.pageSize - 1))
        if at[0] < 0x80 { return body(UnsafeBufferPointer(start: at + 1, count: Int(at[0]))) }
        return body(UnsafeBufferPointer(start: at + 2, count: Int(at[0] & 0x7F) << 8 | Int(at[1])))
    }
}
