/// A merged range: rows 1-based as in the sheet, columns 0-based.
struct XLSXMergeRange: Equatable {
    var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
}

/// Excel's sheet size: 1,048,576 rows, 16,384 columns (XFD). Row numbers and merged
/// ranges are clamped to it, so a hostile `ref` cannot make the reader fill 10^12 rows.
enum XLSXGrid {
    static let maxRow = 1_048_576
    static let maxColumn = 16_383
}

enum XLSXCellReference {
    /// "B3" → (column 1, row 3); the row is nil when absent ("B"). Letters beyond XFD or
    /// absurd rows give nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int?)? {
        var i = 0
        let n = bytes.count
        while i < n && bytes[i] == 0x24 { i += 1 } // "$"
        var column = 0
        var letters = 0
        while i < n {
            var b = bytes[i]
            if b >= 0x61 && b <= 0x7A { b -= 0x20 }
            guard b >= 0x41 && b <= 0x5A else { break }
            column = column * 26 + Int(b - 0x40)
            letters += 1
            if letters > 4 { return nil }
            i += 1
        }
        guard letters > 0 else { return nil }
        while i < n && bytes[i] == 0x24 { i += 1 }
        if i == n { return (column - 1, nil) }
        guard let row = parseInt(UnsafeBufferPointer(rebasing: bytes[i...])), row > 0 else { return nil }
        return (column - 1, row)
    }

    /// A non-negative decimal integer of at most 12 digits.
    static func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count > 0 && bytes.count <= 12 else { return nil }
        var v = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            v = v * 10 + Int(b - 0x30)
        }
        return v
    }
}

/// Pass 1 over a sheet: collects `<mergeCell ref="A1:H1"/>` ranges without decoding text.
final class XLSXMergeScanner: XMLHandler {
    /// More merges than this are ignored (memory stays bounded; real sheets have dozens).
    static let maxRanges = 100_000
    let maxColumns: Int
    private(set) var ranges: [XLSXMergeRange] = []

    init(maxColumns: Int) { self.maxColumns = maxColumns }

    var wantsText: Bool { false }

    func start(_ tag: XMLTag, selfClosing: Bool) throws {
        guard tag.named("mergeCell"), ranges.count < Self.maxRanges, let ref = tag.rawAttribute("ref") else { return }
        var colon = -1
        for k in 0..<ref.count where ref[k] == 0x3A { colon = k; break }
        guard colon > 0,
              let a = XLSXCellReference.parse(UnsafeBufferPointer(rebasing: ref[0..<colon])),
              let b = XLSXCellReference.parse(UnsafeBufferPointer(rebasing: ref[(colon + 1)...])),
              let r1 = a.row, let r2 = b.row else { return }
        let range = XLSXMergeRange(firstRow: min(r1, r2, XLSXGrid.maxRow), firstColumn: min(a.column, b.column),
                                   lastRow: min(max(r1, r2), XLSXGrid.maxRow),
                                   lastColumn: min(max(a.column, b.column), XLSXGrid.maxColumn))
        guard range.firstColumn < maxColumns else { return }
        ranges.append(range)
    }

    func end(_ localName: UnsafeBufferPointer<UInt8>) throws {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}

/// Pass 2 over a sheet: `<sheetData>` row by row into `RawRow`s, merged ranges filled
/// with their top-left cell's text. Finished rows collect in `ready`; the reader hands
/// them to its caller after each decompressed chunk, so memory holds one chunk's rows.
final class XLSXSheetHandler: XMLHandler {
    private enum CellType { case number, shared, inline, string, boolean, error, isoDate }

    private let context: XLSXContext
    private let maxCell: Int
    /// Bytes of a raw `<v>`/`<t>` kept: at least enough for any number's text.
    private let valueCap: Int
    private let maxColumns: Int
    /// Fills merged ranges with their top-left text.
    private var fill: MergedCellFill

    var ready: [RawRow] = []

    private var inSheetData = false
    private var inRow = false
    private var rowNumber = 0
    private var lastRowNumber = 0
    private var cells: [String] = []
    private var rowTruncated = false
    private var rowUndecodable = false
    /// Columns of this row whose number cell held a whole 18-digit ID.
    private var rowIDsAsNumbers: [Int] = []

    private var inCell = false
    private var column = 0
    private var lastColumn = -1
    private var style = 0
    private var type = CellType.number
    private var inValue = false
    private var inInline = false
    private var inInlineText = false
    private var phoneticDepth = 0
    private var value: [UInt8] = []
    private var valueOverflow = false

    init(context: XLSXContext, merges: [XLSXMergeRange]) {
        self.context = context
        self.maxCell = max(1, context.limits.maxCellBytes)
        self.valueCap = max(self.maxCell, 64)
        self.maxColumns = max(1, context.limits.maxColumns)
        self.fill = MergedCellFill(merges: merges, maxColumns: self.maxColumns)
        value.reserveCapacity(64)
    }

    var wantsText: Bool { inValue || inInlineText }

    func start(_ tag: XMLTag, selfClosing: Bool) throws {
        let name = tag.localName
        if inCell {
            if XMLNames.equal(name, "v") {
                inValue = true
            } else if XMLNames.equal(name, "is") {
                inInline = true
            } else if XMLNames.equal(name, "rPh") {
                phoneticDepth += 1
            } else if XMLNames.equal(name, "t") {
                inInlineText = inInline && phoneticDepth == 0
            }
            return
        }
        if XMLNames.equal(name, "c") {
            guard inRow else { return }
            inCell = true
            if let r = tag.rawAttribute("r"), let ref = XLSXCellReference.parse(r) {
                column = ref.column
            } else {
                column = lastColumn + 1
            }
            style = tag.rawAttribute("s").flatMap { XLSXCellReference.parseInt($0) } ?? 0
            type = .number
            if let t = tag.rawAttribute("t") {
                if XMLNames.equal(t, "s") { type = .shared }
                else if XMLNames.equal(t, "inlineStr") { type = .inline }
                else if XMLNames.equal(t, "str") { type = .string }
                else if XMLNames.equal(t, "b") { type = .boolean }
                else if XMLNames.equal(t, "e") { type = .error }
                else if XMLNames.equal(t, "d") { type = .isoDate }
            }
            value.removeAll(keepingCapacity: true)
            valueOverflow = false
        } else if XMLNames.equal(name, "row") {
            guard inSheetData else { return }
            let number = tag.rawAttribute("r").flatMap { XLSXCellReference.parseInt($0) } ?? (lastRowNumber + 1)
            fill.fillGap(after: lastRowNumber, upTo: number, into: &ready)
            inRow = true
            rowNumber = number
            cells = []
            rowTruncated = false
            rowUndecodable = false
            rowIDsAsNumbers = []
            lastColumn = -1
        } else if XMLNames.equal(name, "sheetData") {
            inSheetData = true
        }
    }

    func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        if inCell {
            if XMLNames.equal(name, "c") {
                finishCell()
            } else if XMLNames.equal(name, "v") {
                inValue = false
            } else if XMLNames.equal(name, "t") {
                inInlineText = false
            } else if XMLNames.equal(name, "rPh") {
                phoneticDepth = max(0, phoneticDepth - 1)
            } else if XMLNames.equal(name, "is") {
                inInline = false
            }
            return
        }
        if XMLNames.equal(name, "row") {
            guard inRow else { return }
            inRow = false
            fill.emit(number: rowNumber, cells: cells, truncated: rowTruncated, undecodable: rowUndecodable,
                      idsStoredAsNumbers: rowIDsAsNumbers, into: &ready)
            lastRowNumber = max(lastRowNumber, rowNumber)
        } else if XMLNames.equal(name, "sheetData") {
            // Merged ranges reaching below the last row written in the XML are not
            // filled further: nothing follows them that a header search would need.
            inSheetData = false
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard inValue || inInlineText else { return }
        let room = valueCap + 4 - value.count
        if bytes.count > room {
            if room > 0 { value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<room])) }
            valueOverflow = true
        } else {
            value.append(contentsOf: bytes)
        }
    }

    private func finishCell() {
        inCell = false
        inValue = false
        inInline = false
        inInlineText = false
        phoneticDepth = 0
        lastColumn = column
        guard !value.isEmpty else { return }
        // The raw value is held up to `valueCap` bytes; the limit applies to the cell's
        // final text (a number is formatted first, then cut).
        var cut = valueOverflow
        let isText = type == .inline || type == .string
        let raw = value.withUnsafeBufferPointer { buf in
            let kept = UnsafeBufferPointer(rebasing: buf[0..<UTF8Bytes.cutLength(buf, limit: valueCap)])
            return isText ? XLSXValueText.unescapeXString(kept) : String(decoding: kept, as: UTF8.self)
        }
        var text: String
        switch type {
        case .shared:
            if let index = Int(raw.trimmingSpaces), index >= 0, index < context.sharedStrings.count {
                text = context.sharedStrings[index]
                if context.truncatedStrings.contains(index) { cut = true }
            } else {
                // A reference to a string the workbook does not hold (or no string table at
                // all): blank, and the row says so (DQ009), never silently.
                text = ""
                rowUndecodable = true
            }
        case .inline, .string, .error:
            text = raw
        case .boolean:
            let t = raw.trimmingSpaces
            text = t == "1" || t.lowercased() == "true" ? "TRUE" : "FALSE"
        case .isoDate:
            text = XLSXValueText.isoDate(raw)
        case .number:
            let kind = context.styles.kind(ofStyle: style)
            if kind == .number, let id = XLSXValueText.wholeID(raw) {
                text = id
                if column >= 0, column < maxColumns { rowIDsAsNumbers.append(column) }
            } else {
                text = kind == .number ? XLSXValueText.number(raw)
                    : XLSXValueText.date(raw, kind: kind, date1904: context.date1904)
            }
        }
        if text.utf8.count > maxCell {
            text = UTF8Bytes.cut(text, limit: maxCell)
            cut = true
        }
        if cut { rowTruncated = true }
        guard column >= 0, column < maxColumns else { rowTruncated = true; return }
        if text.isEmpty { return }
        if cells.count <= column {
            cells.reserveCapacity(column + 1)
            while cells.count <= column { cells.append("") }
        }
        cells[column] = text
    }
}

/// Merged ranges filled with their top-left cell's text, row by row as a sheet streams
/// (shared by the xlsx and xls readers, so both show a merged title or header alike).
struct MergedCellFill {
    private let maxColumns: Int
    /// Merges sorted by first row; `nextMerge` indexes the first not yet active.
    private let merges: [XLSXMergeRange]
    private var nextMerge = 0
    /// Active merges (covering the current row) with their top-left text.
    private var active: [(range: XLSXMergeRange, text: String)] = []

    /// Rows absent from the file filled from a merge between two written rows.
    static let maxGapRows = 1000
    /// Rows absent from the file filled in a whole sheet. The gap limit alone let a
    /// sheet write one empty `<row>` every 1,001 rows under `A1:XFD1048576` (18 KB, 1,047
    /// tags) and get the million rows of 512 cells back, all before one chunk's rows
    /// were handed on (fuzz/crashes/xlsx/oom-merged-gaps-every-1001-rows.parts).
    static let maxFilledRows = 1000
    /// Absent rows this sheet may still fill.
    private(set) var fillsLeft = maxFilledRows

    init(merges: [XLSXMergeRange], maxColumns: Int) {
        self.maxColumns = max(1, maxColumns)
        self.merges = merges.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
    }

    /// Activates merges starting at or before `row`, drops those ending above it. A merge
    /// overlapping one already active is ignored (Excel never writes such a pair): active
    /// merges then cover distinct columns, at most `maxColumns` of them, so filling a row
    /// costs at most a row's width however many ranges a hostile sheet lists.
    private mutating func updateActive(for row: Int) {
        if active.contains(where: { $0.range.lastRow < row }) {
            active.removeAll { $0.range.lastRow < row }
        }
        while nextMerge < merges.count && merges[nextMerge].firstRow <= row {
            let m = merges[nextMerge]
            nextMerge += 1
            guard m.lastRow >= row,
                  !active.contains(where: { $0.range.firstColumn <= m.lastColumn && m.firstColumn <= $0.range.lastColumn })
            else { continue }
            active.append((m, ""))
        }
    }

    mutating func emit(number: Int, cells: [String], truncated: Bool, undecodable: Bool = false,
                       idsStoredAsNumbers: [Int] = [], into ready: inout [RawRow]) {
        var cells = cells
        updateActive(for: number)
        if !active.isEmpty {
            for k in active.indices {
                let range = active[k].range
                if range.firstRow == number {
                    // The top-left cell is in this row: remember its text.
                    active[k].text = range.firstColumn < cells.count ? cells[range.firstColumn] : ""
                }
                let text = active[k].text
                guard !text.isEmpty else { continue }
                let last = min(range.lastColumn, maxColumns - 1)
                guard range.firstColumn <= last else { continue }
                while cells.count <= last { cells.append("") }
                for c in range.firstColumn...last { cells[c] = text }
            }
        }
        ready.append(RawRow(number: number, cells: cells, truncated: truncated, undecodable: undecodable,
                            idsStoredAsNumbers: idsStoredAsNumbers))
    }

    /// Rows absent from the XML between two written rows but inside a merged range with
    /// text: emitted with the merged text, since that is what the spreadsheet shows there
    /// (a two-row merged header whose second row has no cells of its own). Bounded by
    /// the clamped merge ranges.
    mutating func fillGap(after lastRowNumber: Int, upTo next: Int, into ready: inout [RawRow]) {
        guard lastRowNumber > 0, fillsLeft > 0 else { return }
        var r = lastRowNumber + 1
        // At most `maxGapRows` absent rows are filled between two written ones, and
        // `maxFilledRows` in the whole sheet (a merged header row or a few merged lines,
        // never a million rows from a few bytes).
        let next = min(next, XLSXGrid.maxRow + 1, r + Self.maxGapRows)
        while r < next && fillsLeft > 0 {
            updateActive(for: r)
            let live = active.filter { !$0.text.isEmpty && $0.range.firstRow < r && $0.range.lastRow >= r }
            if live.isEmpty {
                // Jump to the next row some merge covers, if any.
                let upcoming = active.filter { !$0.text.isEmpty }.map { $0.range.firstRow }.filter { $0 > r }.min()
                if let upcoming, upcoming < next { r = upcoming; continue }
                break
            }
            emit(number: r, cells: [], truncated: false, into: &ready)
            fillsLeft -= 1
            r += 1
        }
    }
}
