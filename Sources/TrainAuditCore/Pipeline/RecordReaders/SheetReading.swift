/// What every record reader of one sheet shares: the layout, where the rows come from,
/// the run's tables, and the last codes given per column.
/// A class: every row's `RowCells` holds it, and a reference is one retain, not one per field.
final class SheetReading {
    let layout: TableLayout
    /// This sheet's place, interned once: each row's source is it at the row's number.
    let origin: SourceRef
    /// The run's tables, which compact records are coded in.
    let tables: RunTables
    /// The ID and name columns every person table has, looked up once.
    let idColumn, nameColumn: Column
    /// Per column: the raw cell last coded and its code. Consecutive sign-ins repeat the
    /// class, session and device, so most rows skip cleaning and hashing those cells.
    var lastCodes: [(raw: String, code: UInt32)?]
    /// Names (sign-ins, registry) and their codes: a class's few dozen names come back
    /// session after session. Keyed by the raw cell.
    var names = RecentTable<ExactText>()
    /// The same, for names read from held bytes (`RawRow.held`), keyed by those bytes.
    let heldNames = RecentCells(columns: 1)
    /// Per column, recent held cells and their codes: a registry's relation, status and
    /// place columns change from row to row among a few values, which the last code alone
    /// does not catch.
    let heldCodes: RecentCells

    init(layout: TableLayout, file: String, sheet: String?, tables: RunTables) {
        self.layout = layout
        self.origin = SourceRef(file: file, sheet: sheet, row: 0)
        self.tables = tables
        self.idColumn = Column("id_number", layout)
        self.nameColumn = Column("name", layout)
        self.lastCodes = Array(repeating: nil, count: layout.headers.count)
        self.heldCodes = RecentCells(columns: layout.headers.count)
    }

    deinit {
        heldCodes.deallocate()
        heldNames.deallocate()
    }

    /// Whether `row` repeats the header (`HeaderFinder.repeats`). Here, where the layout
    /// is read in place: fetched through a reader per row, it was copied (a retain and a
    /// release of each of its arrays).
    func repeatsHeader(_ row: RawRow) -> Bool { HeaderFinder.repeats(row, layout) }
}

/// A canonical column and where the layout has it, looked up once per sheet.
struct Column {
    let name: String
    let index: Int?
    init(_ name: String, _ layout: TableLayout) {
        self.name = name
        self.index = layout.index(name)
    }
}
