/// The sign-ins of a run as checks read them: the readers' parts (`SignInPart`), joined in
/// input order without copying, each row shown as a `SignIn` on the run's tables. The list
/// holds the tables (counted once, here), so its sign-ins need not.
///
/// The parts' arrays are kept side by side, not as an array of parts: a sign-in is read
/// through subscripts of these (which borrow), where a part taken out of an array would be
/// retained and released, three arrays each time, for each of 24 million sign-ins.
public struct SignInList: RandomAccessCollection, Sendable {
    private(set) var rows: [[SignInRow]] = []
    private var breaks: [[RowNumbers.Break]] = []
    private var photos: [[UInt32]] = []
    /// Sign-ins before each part, and in all: one more entry than `rows`.
    private(set) var offsets: [Int] = [0]
    let tables: RunTables

    init(tables: RunTables) { self.tables = tables }

    /// A reader's part after these.
    mutating func append(_ part: SignInPart) {
        guard part.count > 0 else { return }
        rows.append(part.rows)
        breaks.append(part.numbers.breaks)
        photos.append(part.photos)
        offsets.append(endIndex + part.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets[offsets.count - 1] }

    @inline(__always)
    private func signIn(part p: Int, at i: Int, from source: SourceRef) -> SignIn {
        SignIn(rows[p][i], row: UInt32(truncatingIfNeeded: source.row),
               photoCode: photos[p].isEmpty ? 0 : photos[p][i], in: tables)
    }

    @inline(__always)
    private func signIn(part p: Int, at i: Int) -> SignIn {
        signIn(part: p, at: i, from: RowNumbers.source(at: i, breaks[p]))
    }

    @inline(__always)
    public subscript(i: Int) -> SignIn {
        if rows.count == 1 { return signIn(part: 0, at: i) }
        // A few parts (parts of a file, files): a short walk.
        precondition(i >= 0 && i < endIndex, "SignInList index out of range")
        var p = 0
        while offsets[p + 1] <= i { p += 1 }
        return signIn(part: p, at: i - offsets[p])
    }

    /// Walks the parts in turn instead of locating each index.
    public struct Iterator: IteratorProtocol {
        let list: SignInList
        var part = 0, index = 0
        /// The part's break of the sign-in before (`RowNumbers`).
        var cursor = 0

        public mutating func next() -> SignIn? {
            while part < list.rows.count {
                if index < list.rows[part].count {
                    defer { index += 1 }
                    return list.signIn(part: part, at: index,
                                       from: RowNumbers.source(at: index, list.breaks[part], cursor: &cursor))
                }
                part += 1
                index = 0
                cursor = 0
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(list: self) }
}

/// The registry entries of a run as checks read them: the readers' parts (`RegistryPart`)
/// joined in input order without copying, as `SignInList` joins sign-ins.
public struct RegistryList: RandomAccessCollection, Sendable {
    private(set) var rows: [[RegistryRow]] = []
    private var breaks: [[RowNumbers.Break]] = []
    /// Entries before each part, and in all: one more entry than `rows`.
    private var offsets: [Int] = [0]
    let tables: RunTables

    init(tables: RunTables) { self.tables = tables }

    /// A reader's part after these.
    mutating func append(_ part: RegistryPart) {
        guard part.rows.count > 0 else { return }
        rows.append(part.rows)
        breaks.append(part.numbers.breaks)
        offsets.append(endIndex + part.rows.count)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets[offsets.count - 1] }

    /// Entry `i` of part `p`.
    @inline(__always)
    func entry(part p: Int, at i: Int) -> RegistryEntry {
        RegistryEntry(rows[p][i], source: RowNumbers.source(at: i, breaks[p]), in: tables)
    }

    @inline(__always)
    public subscript(i: Int) -> RegistryEntry {
        if rows.count == 1 { return entry(part: 0, at: i) }
        precondition(i >= 0 && i < endIndex, "RegistryList index out of range")
        var p = 0
        while offsets[p + 1] <= i { p += 1 }
        return entry(part: p, at: i - offsets[p])
    }

    /// Walks the parts in turn instead of locating each index.
    public struct Iterator: IteratorProtocol {
        let list: RegistryList
        var part = 0, index = 0
        /// The part's break of the entry before (`RowNumbers`).
        var cursor = 0

        public mutating func next() -> RegistryEntry? {
            while part < list.rows.count {
                if index < list.rows[part].count {
                    defer { index += 1 }
                    return RegistryEntry(list.rows[part][index],
                                         source: RowNumbers.source(at: index, list.breaks[part], cursor: &cursor),
                                         in: list.tables)
                }
                part += 1
                index = 0
                cursor = 0
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(list: self) }
}
