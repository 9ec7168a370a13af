/// Turns the data rows of one sheet (or one part of a big CSV file) into records of the
/// sheet's table kind: one small reader per kind, chosen once per sheet (`for(_:)`), so no
/// row goes through a switch on the kind. Cells that cannot be read become CellProblems
/// (DQ findings); the record keeps nil there. One sheet is read by one thread.
protocol RecordReader: AnyObject {
    /// The sheet being read: its layout, its rows' place, the run's tables.
    var sheet: SheetReading { get }
    /// The record of one row (none when a required cell is blank) into `sink`; the
    /// problems found go to `cells`.
    func read(_ cells: inout RowCells, into sink: inout RecordSink)
    /// Whether the reader keeps the layout's unknown columns (for evidence) besides the
    /// mapped ones. False unless a reader says so.
    var readsUnknownColumns: Bool { get }
}

extension RecordReader {
    var readsUnknownColumns: Bool { false }

    /// The columns whose cells this reader may read, from the layout: the mapped ones, and
    /// the unknown ones when it keeps them. The others need not be made (`CellProjection`).
    var readColumns: [Int] {
        let layout = sheet.layout
        return Array(layout.columns.values) + (readsUnknownColumns ? layout.unknown : [])
    }
}

enum RecordReaders {
    /// The reader for the sheet's table kind.
    /// - Parameter failedAssessment: the pack's words for a failed assessment
    ///   (`patterns.failed_assessment`), for the roster's 鉴定或考核通过情况.
    static func `for`(_ sheet: SheetReading, listName: String, failedAssessment: Pattern?) -> any RecordReader {
        switch sheet.layout.kind {
        case .roster: RosterReader(sheet, failedAssessment: failedAssessment)
        case .attendance: AttendanceReader(sheet)
        case .classes: ClassRegisterReader(sheet)
        case .payments: PaymentReader(sheet)
        case .registry: RegistryReader(sheet)
        case .targets: TargetReader(sheet)
        case .watchlist: WatchlistReader(sheet, listName: listName)
        }
    }
}
