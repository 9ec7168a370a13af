/// Where a record came from: what an auditor needs to pull the paper.
///
/// Stored as the row and a code for the (file, sheet) pair (an `InternTable`): every one
/// of millions of records carries a source, and this way it is 8 bytes with no
/// reference counting instead of two Strings. Rows past 4,294,967,295 (a file of more
/// than 8 GB of line breaks) all show as that row.
public struct SourceRef: Hashable, Comparable, Sendable {
    /// A file and sheet, interned once per process.
    struct Place: Hashable, Sendable {
        var file: String
        var sheet: String?
    }

    static let places = InternTable<Place>()

    private var storedRow: UInt32
    /// Equal codes mean equal (file, sheet), so the synthesized == and hash are right.
    private var place: UInt32

    public init(file: String, sheet: String? = nil, row: Int) {
        self.storedRow = UInt32(clamping: row)
        self.place = Self.places.intern(Place(file: file, sheet: sheet))
    }

    /// A place code and a row, for records that keep the place in a code of their own.
    init(placeCode: UInt32, row: UInt32) {
        self.place = placeCode
        self.storedRow = row
    }

    /// The (file, sheet) code; 0 is never one.
    var placeCode: UInt32 { place }

    /// 1-based row number as the office sees it (the spreadsheet's row, the CSV's record).
    public var row: Int {
        get { Int(storedRow) }
        set { storedRow = UInt32(clamping: newValue) }
    }

    public var file: String {
        get { Self.places.value(of: place).file }
        set { place = Self.places.intern(Place(file: newValue, sheet: sheet)) }
    }

    public var sheet: String? {
        get { Self.places.value(of: place).sheet }
        set { place = Self.places.intern(Place(file: file, sheet: newValue)) }
    }

    /// The same file and sheet at another row (no table lookup).
    func at(row: Int) -> SourceRef {
        var s = self
        s.row = row
        return s
    }

    public static func < (a: SourceRef, b: SourceRef) -> Bool {
        if a.place != b.place {
            let x = places.value(of: a.place), y = places.value(of: b.place)
            if x.file != y.file { return x.file < y.file }
            if (x.sheet ?? "") != (y.sheet ?? "") { return (x.sheet ?? "") < (y.sheet ?? "") }
        }
        return a.storedRow < b.storedRow
    }

    /// `file:sheet:row` for messages.
    public var label: String {
        if let sheet { return "\(file) [\(sheet)] row \(row)" }
        return "\(file) row \(row)"
    }
}

/// One row of cells as a reader produced it, before any interpretation.
public struct RawRow: Sendable {
    /// 1-based row number within the sheet (xlsx `r` attribute) or the CSV record number.
    public var number: Int
    /// Cell texts by column index; missing cells are "". A CSV data row stores its cells
    /// only up to its first with text and the ones made after it: a cell held as bytes
    /// (`held`) or left out (`CellProjection`) is past `cells`' end or "" in it. Read cells
    /// through `text(at:)`, and count them with `count`.
    public var cells: [String]
    /// The row's cells, stored or not, when the reader stored fewer (`cells`); 0 otherwise.
    var columnCount = 0
    /// How many of the row's cells begin with a byte that is not printable ASCII (one of
    /// 0x80 and up, or ASCII white space): at most that many cells have a first byte past
    /// white space that is not ASCII, which a header text in Chinese needs
    /// (`HeaderFinder.repeats`). `Int.max` when the reader does not count them.
    var nonASCIILeads = Int.max
    /// Cells kept as their UTF-8 bytes, not made into Strings (a CSV sheet's data rows, in
    /// the columns its record reader reads: `CellProjection`). Their bytes are valid UTF-8
    /// and already cut at the size limit, so a String made of them is the one the parser
    /// would have made. Empty for other rows.
    var held = HeldCells()
    /// True when a cell was cut at the reader's size limit.
    public var truncated: Bool
    /// True when a cell held something the reader could not decode: bytes invalid in the
    /// file's encoding (shown as U+FFFD), or a reference to a shared string that is not
    /// there (shown blank).
    public var undecodable: Bool
    /// Columns whose cell is a number cell holding all 18 digits of a valid resident ID
    /// (`XLSXValueText.wholeID`): shown as those digits, and said (ID010). Usually empty.
    public var idsStoredAsNumbers: [Int]

    public init(number: Int, cells: [String], truncated: Bool = false, undecodable: Bool = false,
                idsStoredAsNumbers: [Int] = []) {
        self.number = number
        self.cells = cells
        self.truncated = truncated
        self.undecodable = undecodable
        self.idsStoredAsNumbers = idsStoredAsNumbers
    }

    /// The number of cells in the row, stored in `cells` or not.
    public var count: Int { max(cells.count, columnCount) }

    /// The text of cell `j`: its String, or one made from its held bytes; "" past the end.
    public func text(at j: Int) -> String {
        if let text = held.text(at: j) { return text }
        return j < cells.count ? cells[j] : ""
    }

    /// The first byte of cell `j` past ASCII white space (`HeaderFinder.leadByte`); nil
    /// when it has none or `j` is past the end.
    @inline(__always)
    func leadByte(at j: Int) -> UInt8? {
        if let lead = held.leadByte(at: j) { return lead }
        guard j < cells.count else { return nil }
        var cell = cells[j]
        if cell.isEmpty { return nil }
        return cell.withUTF8 { HeaderFinder.leadByte($0) }
    }

    /// Every cell empty or white space (ASCII, NBSP, ideographic space), and nothing in
    /// it that could not be decoded (such a row is data that was damaged, never skipped as
    /// blank).
    public var isBlank: Bool {
        // A row holds cells as bytes only after a cell that surely has text
        // (`CellProjection.surelyText`), which was made: such a row is never blank.
        if !held.isEmpty { return false }
        return !undecodable && cells.allSatisfy { cell in
            var blank = true
            var cell = cell
            cell.withUTF8 { b in
                var i = 0
                while i < b.count {
                    switch b[i] {
                    case 0x09, 0x0A, 0x0D, 0x20: i += 1
                    case 0xC2 where i + 1 < b.count && b[i + 1] == 0xA0: i += 2
                    case 0xE3 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80: i += 3
                    default: blank = false; return
                    }
                }
            }
            return blank
        }
    }
}

/// A row's cells held as bytes: all their bytes one after the other, and per column where
/// its bytes are. The CSV parser writes row after row into the same memory once no row
/// it gave out still shares it (checked once per row, not per cell), so a held cell costs
/// a copy of its bytes and no allocation.
///
/// The memory is owned by a `Storage` object; its pointers are kept here too, so holding and
/// reading a cell touch no reference count. Sendable: the memory is written only while one
/// `HeldCells` (the parser's) owns it alone; a row given out shares it read-only.
struct HeldCells: @unchecked Sendable {
    /// Where a column's bytes are, and the row that held them (`stamp`).
    private struct Span {
        var start: Int32
        var count: Int32
        var stamp: UInt32
    }

    /// Frees the memory when the last `HeldCells` sharing it is gone.
    private final class Storage {
        let bytes: UnsafeMutablePointer<UInt8>
        let spans: UnsafeMutablePointer<Span>
        init(bytes: UnsafeMutablePointer<UInt8>, spans: UnsafeMutablePointer<Span>) {
            self.bytes = bytes
            self.spans = spans
        }
        deinit {
            bytes.deallocate()
            spans.deallocate()
        }
    }

    private var storage: Storage?
    private var bytes: UnsafeMutablePointer<UInt8>?
    private var byteCapacity = 0
    private var spans: UnsafeMutablePointer<Span>?
    private var spanCount = 0
    /// The bytes of this row's cells are `bytes[0..<used]`.
    private var used = 0
    /// A column whose span has another stamp is not held in this row.
    private var stamp: UInt32 = 1
    private(set) var isEmpty = true

    /// Starts a new row, holding nothing.
    mutating func removeAll() {
        used = 0
        isEmpty = true
        stamp &+= 1
    }

    /// Holds `cell` as column `column`'s.
    @inline(__always)
    mutating func hold(_ cell: UnsafeBufferPointer<UInt8>, column: Int) {
        if isEmpty { startHolding() }
        let n = cell.count
        if used + n > byteCapacity || column >= spanCount { grow(bytes: used + n, spans: column + 1) }
        if n > 0 { Self.copy(cell.baseAddress!, to: bytes! + used, count: n) }
        spans![column] = Span(start: Int32(used), count: Int32(n), stamp: stamp)
        used += n
        isEmpty = false
    }

    /// Copies `count` bytes, a cell of up to 32 in a few overlapping word loads and stores
    /// that stay within both: most cells are that short, and a memmove call for each cost
    /// more than the copy (1.8% of the five checks' samples at 0.1).
    @inline(__always)
    static func copy(_ from: UnsafePointer<UInt8>, to: UnsafeMutablePointer<UInt8>, count n: Int) {
        let s = UnsafeRawPointer(from), d = UnsafeMutableRawPointer(to)
        switch n {
        case 0:
            return
        case 1...3:
            for i in 0..<n { to[i] = from[i] }
        case 4...8:
            let a = s.loadUnaligned(as: UInt32.self), b = s.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            d.storeBytes(of: a, as: UInt32.self)
            d.storeBytes(of: b, toByteOffset: n - 4, as: UInt32.self)
        case 9...16:
            let a = s.loadUnaligned(as: UInt64.self), b = s.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            d.storeBytes(of: a, as: UInt64.self)
            d.storeBytes(of: b, toByteOffset: n - 8, as: UInt64.self)
        case 17...32:
            let a = s.loadUnaligned(as: UInt64.self), b = s.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let c = s.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self)
            let e = s.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            d.storeBytes(of: a, as: UInt64.self)
            d.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
            d.storeBytes(of: c, toByteOffset: n - 16, as: UInt64.self)
            d.storeBytes(of: e, toByteOffset: n - 8, as: UInt64.self)
        default:
            to.update(from: from, count: n)
        }
    }

    /// Before a row's first held cell: memory of this `HeldCells` alone (a row given out
    /// may still share the last; by now it has usually been let go).
    private mutating func startHolding() {
        if storage == nil || !isKnownUniquelyReferenced(&storage) {
            allocate(bytes: max(byteCapacity, 1024), spans: max(spanCount, 16), keeping: 0, spansKept: 0)
            stamp = 1
        } else if stamp == 0 {
            // After 4 billion rows the stamps come round: no span is of a row any more.
            for j in 0..<spanCount { spans![j].stamp = 0 }
            stamp = 1
        }
    }

    /// Room for `bytes` bytes and `spans` columns, keeping this row's.
    private mutating func grow(bytes needed: Int, spans columns: Int) {
        allocate(bytes: max(needed, byteCapacity * 2), spans: max(columns, spanCount * 2), keeping: used, spansKept: spanCount)
    }

    /// New memory owned by this `HeldCells`, with the first `keeping` bytes and
    /// `spansKept` spans of the old; the other spans are of no row.
    private mutating func allocate(bytes byteCount: Int, spans columns: Int, keeping: Int, spansKept: Int) {
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCount)
        let newSpans = UnsafeMutablePointer<Span>.allocate(capacity: columns)
        if keeping > 0 { newBytes.update(from: bytes!, count: keeping) }
        if spansKept > 0 { newSpans.initialize(from: spans!, count: spansKept) }
        (newSpans + spansKept).initialize(repeating: Span(start: 0, count: 0, stamp: 0), count: columns - spansKept)
        storage = Storage(bytes: newBytes, spans: newSpans)
        bytes = newBytes
        byteCapacity = byteCount
        spans = newSpans
        spanCount = columns
    }

    /// `body` of column `j`'s bytes; nil when that cell is not held.
    @inline(__always)
    func withBytes<R>(at j: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard !isEmpty, j >= 0, j < spanCount, let spans, let bytes else { return nil }
        let span = spans[j]
        guard span.stamp == stamp else { return nil }
        return withExtendedLifetime(storage) { body(UnsafeBufferPointer(start: bytes + Int(span.start), count: Int(span.count))) }
    }

    /// The first byte of column `j`'s held bytes past ASCII white space: nil when the
    /// cell is not held, .some(nil) when it is blank.
    @inline(__always)
    func leadByte(at j: Int) -> UInt8?? { withBytes(at: j, HeaderFinder.leadByte) }

    /// Column `j`'s cell as a String; nil when it is not held.
    func text(at j: Int) -> String? {
        withBytes(at: j) { String(decoding: $0, as: UTF8.self) }
    }
}

/// A sheet (or a CSV file, which is one sheet) that can be read row by row.
public protocol SheetSource {
    /// The sheet's name; nil for CSV.
    var sheetName: String? { get }
    /// Calls `body` for each row in order; `body` returns false to stop early.
    func forEachRow(_ body: (RawRow) throws -> Bool) throws
}

/// Limits that keep memory bounded whatever an untrusted file holds.
public struct IngestLimits: Sendable {
    /// A CSV field or an xlsx cell longer than this is cut (and the row marked truncated).
    public var maxCellBytes: Int = 64 * 1024
    /// Columns beyond this are dropped (and the row marked truncated).
    public var maxColumns: Int = 512
    /// A zip entry whose uncompressed size (declared or actual) exceeds this is refused.
    public var maxZipEntryBytes: Int = 1 << 30
    /// The xlsx shared-string table may not exceed this many bytes of text in total.
    public var maxSharedStringBytes: Int = 256 * 1024 * 1024
    /// Worksheets read from one workbook; the rest are reported, not read.
    public var maxSheets: Int = 1000

    public init() {}
    public static let `default` = IngestLimits()

    /// A workbook's first `maxSheets` sheets; past them, one that reports the cut (so the
    /// loader names it as it names any sheet that fails). `listed` counts every entry.
    func capped(_ sheets: [any SheetSource], listed: Int, path: String) -> [any SheetSource] {
        guard listed > maxSheets else { return sheets }
        let cut = sheets.dropFirst(maxSheets).first?.sheetName ?? "?"
        return Array(sheets.prefix(maxSheets)) + [UnreadableSheet(sheetName: cut, error: IngestError(file: path, sheet: cut, Localized(
            zh: "工作簿有 \(listed) 个工作表，超过上限 \(maxSheets) 个：从此表起未读取",
            en: "the workbook has \(listed) sheets, over the limit of \(maxSheets): this one and those after it were not read")))]
    }
}

/// A sheet that is known, when the workbook is opened, not to be readable (a duplicate
/// entry, one past the sheet limit): reading it gives its error, so the loader reports it
/// as it reports any sheet that fails, and the workbook's other sheets are still read.
struct UnreadableSheet: SheetSource {
    let sheetName: String?
    let error: IngestError
    func forEachRow(_ body: (RawRow) throws -> Bool) throws { throw error }
}

/// A file (or one sheet of it) that could not be read: the message names the file, and
/// the sheet and row where they apply.
public struct IngestError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var sheet: String?
    public var row: Int?
    public var message: Localized

    public init(file: String, sheet: String? = nil, row: Int? = nil, _ message: Localized) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.message = message
    }

    public var description: String { text(.zh) }

    public func text(_ lang: Lang) -> String {
        var place = file
        if let sheet { place += " [\(sheet)]" }
        if let row { place += lang == .zh ? " 第\(row)行" : " row \(row)" }
        return "\(place): \(message.text(lang))"
    }
}
