/// The records one reader (a sheet, or a part of a big CSV file) wrote, table by table;
/// `RecordTables` joins the readers' sinks.
struct RecordSink {
    var enrollments: [Enrollment] = []
    var signIns = SignInPart()
    var classes: [ClassRegistration] = []
    var payments: [Payment] = []
    var registry = RegistryPart()
    var targets: [TaskTarget] = []
    var watchlist: [WatchEntry] = []
    var problems: [CellProblem] = []

    /// Capacity for `rows` more records of a table of `kind`.
    mutating func reserve(_ kind: TableKind, _ rows: Int) {
        switch kind {
        case .roster: enrollments.reserveCapacity(enrollments.count + rows)
        case .attendance: signIns.reserve(rows)
        case .classes: classes.reserveCapacity(classes.count + rows)
        case .payments: payments.reserveCapacity(payments.count + rows)
        case .registry: registry.reserve(rows)
        case .targets: targets.reserveCapacity(targets.count + rows)
        case .watchlist: watchlist.reserveCapacity(watchlist.count + rows)
        }
    }

    /// One data row, read by `reader` into a record of its kind.
    mutating func add(_ row: RawRow, with reader: any RecordReader) {
        let sheet = reader.sheet
        var c = RowCells(sheet, row)
        if row.truncated { c.problems.append(CellProblem(kind: .badText, source: c.source, table: sheet.layout.kind,
                                                         column: "", header: "", value: "")) }
        if row.undecodable { c.problems.append(CellProblem(kind: .undecodable, source: c.source, table: sheet.layout.kind,
                                                           column: "", header: "", value: "")) }
        reader.read(&c, into: &self)
        if !c.problems.isEmpty { problems.append(contentsOf: c.problems) }
    }
}
