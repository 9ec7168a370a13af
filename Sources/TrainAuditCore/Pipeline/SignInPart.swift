/// The sign-ins one reader wrote (a sheet, or a part of a big CSV file): the 16-byte rows,
/// and beside them what not every row needs 4 bytes for. Row numbers go up by one from row
/// to row but where the reader skipped some (blank lines, repeated headers): only those
/// breaks are kept. Photo codes are kept only once a row has one (most sheets have no
/// photo column).
struct SignInPart: Sendable {
    private(set) var rows: [SignInRow] = []
    /// From `index` on, row numbers count up from `row`; the first break is at index 0.
    private(set) var breaks: [RowBreak] = []
    /// Empty, or one code a row.
    private(set) var photos: [UInt32] = []

    struct RowBreak: Sendable {
        var index: Int32
        var row: UInt32
    }

    var count: Int { rows.count }

    mutating func reserve(_ extra: Int) { rows.reserveCapacity(rows.count + extra) }

    mutating func append(_ row: SignInRow, number: UInt32, photoCode: UInt32) {
        let i = rows.count
        if let last = breaks.last, Int(last.row) + (i - Int(last.index)) == Int(number) {
            // The next row number: nothing to keep.
        } else {
            breaks.append(RowBreak(index: Int32(i), row: number))
        }
        rows.append(row)
        if photoCode != 0, photos.isEmpty { photos = [UInt32](repeating: 0, count: i) }
        if !photos.isEmpty || photoCode != 0 { photos.append(photoCode) }
    }

    /// The source row number of row `i` of a part with these breaks.
    @inline(__always)
    static func number(at i: Int, _ breaks: [RowBreak]) -> UInt32 {
        var b = breaks.count - 1
        if b > 0 {
            // The last break at or before i.
            var lo = 0, hi = breaks.count
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if Int(breaks[mid].index) <= i { lo = mid } else { hi = mid }
            }
            b = lo
        }
        return breaks[b].row &+ UInt32(truncatingIfNeeded: i - Int(breaks[b].index))
    }
}
