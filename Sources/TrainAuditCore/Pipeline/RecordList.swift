/// One table's records as the readers wrote them: an array per file or file part, read
/// as one collection indexed from 0.
///
/// Why not one array: a province's sign-in file is read in parts on all cores, and
/// joining the parts into one array copied a gigabyte of records (4 s of page faults
/// and half a gigabyte held twice at scale 1). Here joining appends the parts' arrays.
public struct RecordList<Element: Sendable>: RandomAccessCollection, Sendable {
    // Inlinable, so that the checks (another module) get code specialised for their
    // record type instead of a generic call with a metadata lookup per record.
    @usableFromInline var chunks: [[Element]] = []
    /// Records before each chunk, and in all: one more entry than `chunks`.
    @usableFromInline var offsets: [Int] = [0]

    public init() {}

    public init(_ records: [Element]) { append(contentsOf: records) }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { offsets[offsets.count - 1] }

    @inlinable @inline(__always)
    public subscript(i: Int) -> Element {
        if chunks.count == 1 { return chunks[0][i] }
        // A few chunks (parts of a file, files): a short walk.
        precondition(i >= 0 && i < endIndex, "RecordList index out of range")
        var c = 0
        while offsets[c + 1] <= i { c += 1 }
        return chunks[c][i - offsets[c]]
    }

    /// Another list's records after these; their arrays are shared, not copied.
    mutating func append(contentsOf other: RecordList) {
        for chunk in other.chunks { append(contentsOf: chunk) }
    }

    /// An array of records after these, shared, not copied.
    mutating func append(contentsOf records: [Element]) {
        guard !records.isEmpty else { return }
        chunks.append(records)
        offsets.append(endIndex + records.count)
    }

    /// Changes the record at `i` in place (its chunk is copied first if shared).
    mutating func update(_ i: Int, _ body: (inout Element) -> Void) {
        precondition(i >= 0 && i < endIndex, "RecordList index out of range")
        var c = 0
        while offsets[c + 1] <= i { c += 1 }
        body(&chunks[c][i - offsets[c]])
    }

    /// Walks the chunks in turn instead of locating each index.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let chunks: [[Element]]
        @usableFromInline var chunk = 0, index = 0

        @inlinable init(_ chunks: [[Element]]) { self.chunks = chunks }

        @inlinable public mutating func next() -> Element? {
            while chunk < chunks.count {
                if index < chunks[chunk].count {
                    defer { index += 1 }
                    return chunks[chunk][index]
                }
                chunk += 1
                index = 0
            }
            return nil
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(chunks) }
}

/// All records of a run, kind by kind: the readers' sinks joined in input order without
/// copying their arrays, and the run's tables that the compact ones are coded in.
struct RecordTables {
    let tables: RunTables
    var enrollments = RecordList<Enrollment>()
    var signIns: SignInParts
    var classes = RecordList<ClassRegistration>()
    var payments = RecordList<Payment>()
    var registry: RegistryParts
    var targets = RecordList<TaskTarget>()
    var watchlist = RecordList<WatchEntry>()
    var problems: [CellProblem] = []

    init(tables: RunTables) {
        self.tables = tables
        signIns = SignInParts(tables: tables)
        registry = RegistryParts(tables: tables)
    }

    mutating func append(_ sink: RecordSink) {
        enrollments.append(contentsOf: sink.enrollments)
        signIns.append(sink.signIns)
        classes.append(contentsOf: sink.classes)
        payments.append(contentsOf: sink.payments)
        registry.append(sink.registry)
        targets.append(contentsOf: sink.targets)
        watchlist.append(contentsOf: sink.watchlist)
        problems.append(contentsOf: sink.problems)
    }
}
