import CPrefetch

/// The readers' parts of one compact record kind, joined in input order without copying:
/// each part's rows and its source rows (`RowNumbers`), read as one list indexed from 0.
///
/// The parts' arrays are kept side by side, not as an array of parts: a record is read
/// through subscripts of these (which borrow), where a part taken out of an array would be
/// retained and released, its arrays each time, for each of 24 million sign-ins.
struct PartRows<Row: Sendable>: Sendable {
    private(set) var rows: [[Row]] = []
    private(set) var breaks: [[RowNumbers.Break]] = []
    /// Rows before each part, and in all: one more entry than `rows`.
    private(set) var offsets: [Int] = [0]
    /// Where each part's rows are in memory, for `prefetch` only: taking a part's array out
    /// of `rows` to ask for its address retained and released it, and the checks that walk
    /// sign-ins run on two threads at once, so that count was a cache line the cores took
    /// in turn. A part's array is never changed once appended, so its storage stays where
    /// it was; and a prefetch only hints, it never reads. Kept as addresses (a pointer is not
    /// `Sendable`).
    private var bases: [UInt] = []

    var count: Int { offsets[offsets.count - 1] }

    /// A reader's part after these; false, and nothing kept, when it has no rows.
    mutating func append(_ part: [Row], _ numbers: RowNumbers) -> Bool {
        guard !part.isEmpty else { return false }
        rows.append(part)
        bases.append(rows[rows.count - 1].withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) })
        breaks.append(numbers.breaks)
        offsets.append(count + part.count)
        return true
    }

    /// The part that holds row `i`, and the row's index in it.
    @inline(__always)
    func locate(_ i: Int) -> (part: Int, index: Int) {
        if rows.count == 1 { return (0, i) }
        // A few parts (parts of a file, files): a short walk.
        precondition(i >= 0 && i < count, "record index out of range")
        var p = 0
        while offsets[p + 1] <= i { p += 1 }
        return (p, i - offsets[p])
    }

    /// Asks for row `i`'s memory to be fetched (`RecordTable.prefetch`).
    @inline(__always)
    func prefetch(_ i: Int) {
        let (p, j) = locate(i)
        trainaudit_prefetch(UnsafeRawPointer(bitPattern: bases[p] &+ UInt(j &* MemoryLayout<Row>.stride)))
    }

    /// The source of row `i` of part `p`.
    @inline(__always)
    func source(part p: Int, at i: Int) -> SourceRef { RowNumbers.source(at: i, breaks[p]) }

    /// Where a walk over all rows is, part by part, moving a cursor over each part's breaks
    /// instead of searching them.
    struct Walk {
        var part = 0, index = 0
        /// The part's break of the row before.
        var cursor = 0

        /// The next row's part, index in it and source; nil after the last.
        @inline(__always)
        mutating func next(in parts: PartRows) -> (part: Int, index: Int, source: SourceRef)? {
            while part < parts.rows.count {
                if index < parts.rows[part].count {
                    defer { index += 1 }
                    return (part, index, RowNumbers.source(at: index, parts.breaks[part], cursor: &cursor))
                }
                part += 1
                index = 0
                cursor = 0
            }
            return nil
        }
    }
}

/// A run's sign-ins as the load gathers them, a reader's part at a time; `SignInList` is
/// what the checks read.
struct SignInParts {
    private(set) var parts = PartRows<SignInRow>()
    /// Each part's photo codes, beside `parts`.
    private(set) var photos: [[UInt32]] = []
    let tables: RunTables

    init(tables: RunTables) { self.tables = tables }

    /// A reader's part after these.
    mutating func append(_ part: SignInPart) {
        if parts.append(part.rows, part.numbers) { photos.append(part.photos) }
    }
}

/// The sign-ins of a run as checks read them: the readers' parts (`SignInPart`), each row
/// shown as a `SignIn` on the run's tables. The list holds the tables (counted once, here),
/// so its sign-ins need not.
///
/// An object, not a struct: views copy the list (a person's, a class's sign-ins), and the
/// checks copy it on two threads at once. As a struct a copy counted its six references
/// (the parts' arrays, the photos, the tables), each a cache line both cores wrote; as an
/// object it is one. Its contents never change once made.
public final class SignInList: RandomAccessCollection, Sendable {
    let parts: PartRows<SignInRow>
    private let photos: [[UInt32]]
    let tables: RunTables

    init(_ gathered: SignInParts) {
        parts = gathered.parts
        photos = gathered.photos
        tables = gathered.tables
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { parts.count }

    /// Sign-in `i` of part `p`, from its source.
    @inline(__always)
    private func signIn(part p: Int, at i: Int, from source: SourceRef) -> SignIn {
        SignIn(parts.rows[p][i], row: UInt32(truncatingIfNeeded: source.row),
               photoCode: photos[p].isEmpty ? 0 : photos[p][i], in: tables)
    }

    /// Sign-in `i` of part `p`.
    @inline(__always)
    func signIn(part p: Int, at i: Int) -> SignIn { signIn(part: p, at: i, from: parts.source(part: p, at: i)) }

    @inline(__always)
    public subscript(i: Int) -> SignIn {
        let (p, j) = parts.locate(i)
        return signIn(part: p, at: j)
    }

    public func prefetch(_ i: Int) { parts.prefetch(i) }

    /// The stored rows, in order, for the indexes to read without making sign-ins.
    var storedRows: FlattenSequence<[[SignInRow]]> { parts.rows.joined() }

    /// Walks the parts in turn instead of locating each index.
    public struct Iterator: IteratorProtocol {
        let list: SignInList
        var walk = PartRows<SignInRow>.Walk()

        public mutating func next() -> SignIn? {
            walk.next(in: list.parts).map { list.signIn(part: $0.part, at: $0.index, from: $0.source) }
        }
    }

    public func makeIterator() -> Iterator { Iterator(list: self) }
}

/// A run's registry entries as the load gathers them (`SignInParts`).
struct RegistryParts {
    private(set) var parts = PartRows<RegistryRow>()
    let tables: RunTables

    init(tables: RunTables) { self.tables = tables }

    /// A reader's part after these.
    mutating func append(_ part: RegistryPart) { _ = parts.append(part.rows, part.numbers) }
}

/// The registry entries of a run as checks read them: the readers' parts (`RegistryPart`),
/// as `SignInList` reads sign-ins, and an object for the same reason.
public final class RegistryList: RandomAccessCollection, Sendable {
    let parts: PartRows<RegistryRow>
    let tables: RunTables

    init(_ gathered: RegistryParts) {
        parts = gathered.parts
        tables = gathered.tables
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { parts.count }

    /// Entry `i` of part `p`.
    @inline(__always)
    func entry(part p: Int, at i: Int) -> RegistryEntry {
        RegistryEntry(parts.rows[p][i], source: parts.source(part: p, at: i), in: tables)
    }

    @inline(__always)
    public subscript(i: Int) -> RegistryEntry {
        let (p, j) = parts.locate(i)
        return entry(part: p, at: j)
    }

    public func prefetch(_ i: Int) { parts.prefetch(i) }

    public struct Iterator: IteratorProtocol {
        let list: RegistryList
        var walk = PartRows<RegistryRow>.Walk()

        public mutating func next() -> RegistryEntry? {
            walk.next(in: list.parts).map { RegistryEntry(list.parts.rows[$0.part][$0.index], source: $0.source, in: list.tables) }
        }
    }

    public func makeIterator() -> Iterator { Iterator(list: self) }
}
