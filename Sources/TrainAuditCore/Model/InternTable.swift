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
final class InternTable<Value: Hashable & Sendable>: @unchecked Sendable {
    private static var pageBits: Int { 12 }
    private static var pageSize: Int { 1 << pageBits }
    private static var maxPages: Int { 1 << (32 - pageBits) }

    private let lock = NSLock()
    private var codes: [Value: UInt32] = [:]
    private var next: UInt32 = 1
    /// Fixed pages of values; the page table is zero-filled virtual memory (calloc), so
    /// only the pages in use cost anything.
    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<Value>?>

    init() {
        let raw = calloc(Self.maxPages, MemoryLayout<UnsafeMutablePointer<Value>?>.stride)!
        pages = raw.bindMemory(to: UnsafeMutablePointer<Value>?.self, capacity: Self.maxPages)
    }

    /// The code of `value`, assigned on first sight.
    func intern(_ value: Value) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let c = codes[value] { return c }
        let c = next
        precondition(c != UInt32.max, "InternTable is full")
        let p = Int(c) >> Self.pageBits
        if pages[p] == nil { pages[p] = .allocate(capacity: Self.pageSize) }
        (pages[p]! + (Int(c) & (Self.pageSize - 1))).initialize(to: value)
        codes[value] = c
        next += 1
        return c
    }

    /// The value of a code `intern` returned (not 0).
    func value(of code: UInt32) -> Value {
        pages[Int(code) >> Self.pageBits].unsafelyUnwrapped[Int(code) & (Self.pageSize - 1)]
    }

    /// A run's table goes with the run: its values and pages are freed.
    deinit {
        var p = 0
        while p < Self.maxPages, let page = pages[p] {
            let used = min(Self.pageSize, Int(next) - p * Self.pageSize)
            // Slot 0 of page 0 is never used (code 0 is not handed out).
            if p == 0 { (page + 1).deinitialize(count: max(0, used - 1)) } else { page.deinitialize(count: used) }
            page.deallocate()
            p += 1
        }
        free(pages)
    }
}
