/// The sign-ins one reader wrote (a sheet, or a part of a big CSV file): the 16-byte rows,
/// and beside them what not every row needs 4 bytes for: the source rows as breaks
/// (`RowNumbers`), and photo codes only once a row has one (most sheets have no photo
/// column).
struct SignInPart: Sendable {
    private(set) var rows: [SignInRow] = []
    private(set) var numbers = RowNumbers()
    /// Empty, or one code a row.
    private(set) var photos: [UInt32] = []

    var count: Int { rows.count }

    mutating func reserve(_ extra: Int) { rows.reserveCapacity(rows.count + extra) }

    mutating func append(_ row: SignInRow, source: SourceRef, photoCode: UInt32) {
        let i = rows.count
        numbers.append(source)
        rows.append(row)
        if photoCode != 0, photos.isEmpty { photos = [UInt32](repeating: 0, count: i) }
        if !photos.isEmpty || photoCode != 0 { photos.append(photoCode) }
    }
}
