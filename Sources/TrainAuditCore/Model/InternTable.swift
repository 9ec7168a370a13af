#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A process-wide, append-only table that gives each distinct value a 32-bit code.
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
}

/// The texts of compact records (sign-ins): 0 is nil.
enum SharedText {
    static let table = InternTable<Bytes>()

    static func code(_ s: String?) -> UInt32 { s.map { table.intern(Bytes(text: $0)) } ?? 0 }
    static func text(_ code: UInt32) -> String? { code == 0 ? nil : table.value(of: code).text }

    /// One copy of each repeated text kept as a String in a record (class IDs,
    /// institutions, places), so a million rows of one training site hold one string.
    /// Texts of 15 bytes or fewer are stored inline by Swift and are returned as they are.
    static func shared(_ s: String) -> String {
        s.utf8.count > 15 ? table.value(of: table.intern(Bytes(text: s))).text : s
    }

    /// A text compared and hashed by its UTF-8 bytes. String's own == and hash work on
    /// the Unicode-normalized form, which is slow for Chinese text; and a record must get
    /// back exactly the bytes it stored, not a canonically equal spelling seen first.
    struct Bytes: Hashable, Sendable {
        let text: String

        static func == (a: Bytes, b: Bytes) -> Bool {
            a.text.utf8.withContiguousStorageIfAvailable { x in
                b.text.utf8.withContiguousStorageIfAvailable { y in
                    x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
                }
            }.flatMap { $0 } ?? a.text.utf8.elementsEqual(b.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            var s = text
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
