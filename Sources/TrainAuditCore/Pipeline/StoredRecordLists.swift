/// The sign-ins of a run as checks read them: the stored rows, each shown as a `SignIn`
/// on the run's tables. The list holds the tables (counted once, here), so its sign-ins
/// need not.
public struct SignInList: RandomAccessCollection, Sendable {
    let rows: RecordList<SignInRow>
    let tables: RunTables

    init(_ rows: RecordList<SignInRow>, tables: RunTables) {
        self.rows = rows
        self.tables = tables
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.endIndex }

    @inline(__always)
    public subscript(i: Int) -> SignIn { SignIn(rows[i], in: tables) }

    public struct Iterator: IteratorProtocol {
        var rows: RecordList<SignInRow>.Iterator
        unowned(unsafe) let tables: RunTables

        public mutating func next() -> SignIn? { rows.next().map { SignIn($0, in: tables) } }
    }

    public func makeIterator() -> Iterator { Iterator(rows: rows.makeIterator(), tables: tables) }
}

/// The registry entries of a run as checks read them (see `SignInList`).
public struct RegistryList: RandomAccessCollection, Sendable {
    let rows: RecordList<RegistryRow>
    let tables: RunTables

    init(_ rows: RecordList<RegistryRow>, tables: RunTables) {
        self.rows = rows
        self.tables = tables
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.endIndex }

    @inline(__always)
    public subscript(i: Int) -> RegistryEntry { RegistryEntry(rows[i], in: tables) }

    public struct Iterator: IteratorProtocol {
        var rows: RecordList<RegistryRow>.Iterator
        unowned(unsafe) let tables: RunTables

        public mutating func next() -> RegistryEntry? { rows.next().map { RegistryEntry($0, in: tables) } }
    }

    public func makeIterator() -> Iterator { Iterator(rows: rows.makeIterator(), tables: tables) }
}
