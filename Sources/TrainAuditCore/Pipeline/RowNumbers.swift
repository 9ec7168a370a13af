/// Where one reader's records came from (file and sheet, row), kept as breaks instead of 8
/// bytes a record: from a break's record on, row numbers count up by one in one place,
/// until the next break. Rows are read in order, so breaks are only where the reader
/// skipped rows (blank lines, repeated headers) or went on to another sheet.
struct RowNumbers: Sendable {
    private(set) var breaks: [Break] = []
    /// Records seen.
    private(set) var count = 0

    struct Break: Sendable {
        /// The record the break starts at.
        var index: Int32
        var row: UInt32
        var place: UInt32
    }

    /// The next record comes from `source`.
    mutating func append(_ source: SourceRef) {
        let i = count
        count += 1
        if let last = breaks.last, last.place == source.placeCode, Int(last.row) + (i - Int(last.index)) == source.row {
            return  // the next row of the same place
        }
        breaks.append(Break(index: Int32(i), row: UInt32(clamping: source.row), place: source.placeCode))
    }

    /// The source of record `i` of a reader with these breaks.
    @inline(__always)
    static func source(at i: Int, _ breaks: [Break]) -> SourceRef {
        let b = breaks[lastStart(atOrBefore: i, breaks) { Int($0.index) }]
        return SourceRef(placeCode: b.place, row: b.row &+ UInt32(truncatingIfNeeded: i - Int(b.index)))
    }

    /// The source of record `i`, when walking records in turn: `cursor` is the break of the
    /// record before (start it at 0), moved on instead of searched.
    @inline(__always)
    static func source(at i: Int, _ breaks: [Break], cursor: inout Int) -> SourceRef {
        while cursor + 1 < breaks.count, Int(breaks[cursor + 1].index) <= i { cursor += 1 }
        let b = breaks[cursor]
        return SourceRef(placeCode: b.place, row: b.row &+ UInt32(truncatingIfNeeded: i - Int(b.index)))
    }
}
