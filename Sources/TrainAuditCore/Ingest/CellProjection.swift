/// Which columns of a sheet's data rows are made into Strings: once the header is found,
/// a cell of a column no record reader of the table reads is not made (it stays "" in
/// `RawRow.cells`), so a wide export costs little more than the columns read.
///
/// What looks at every cell of a row sees the same as in a whole read:
/// - blank rows (`RawRow.isBlank`) and the total and footer rows (the row's first non-blank
///   cell): a row's cells are all made up to and including its first cell that surely
///   has text (`surelyText`), so the first non-blank one is always made, and a row with
///   none is made whole;
/// - cut cells (DQ008) are said as when made; a cell whose bytes are not valid UTF-8 is
///   made after all, so it is replaced, counted and said (DQ009) as before;
/// - the number of cells and the row numbers do not change.
///
/// Set once per sheet, by the reader of rows (the Loader), in the middle of a read: the
/// CSV parser takes it up from the next record on. Rows before it (the header search) are
/// made whole.
final class CellProjection {
    /// Per column index, whether its cells are made; columns past the end are not.
    /// nil: every cell is made.
    private(set) var kept: [Bool]?

    init() {}

    /// Makes the cells of `columns` only, from now on.
    func keep(_ columns: [Int]) {
        var k = [Bool](repeating: false, count: (columns.max() ?? -1) + 1)
        for j in columns where j >= 0 { k[j] = true }
        kept = k
    }

    /// True when the cell whose UTF-8 starts `bytes` surely is not blank for
    /// `TextReader.clean` nor for `RawRow.isBlank`: it holds printable ASCII (never a space
    /// nor invisible, whatever surrounds it), or a lead byte of the CJK ideographs (E4–E9,
    /// which decodes to an ideograph or, invalid, to U+FFFD: neither a space). Looks only at
    /// bytes that are kept when the cell is cut at `limit` (at most 4 are stepped back
    /// over), and at most the first 32. False says nothing.
    static func surelyText(_ bytes: UnsafeBufferPointer<UInt8>, within limit: Int) -> Bool {
        let n = min(bytes.count, 32, limit - 4)
        var i = 0
        while i < n {
            let b = bytes[i]
            if (b >= 0x21 && b <= 0x7E) || (b >= 0xE4 && b <= 0xE9) { return true }
            i += 1
        }
        return false
    }
}
