/// An Excel 97-2003 .xls (BIFF8) or WPS .et workbook: one `SheetSource` per worksheet, in
/// workbook order, giving the same rows and cell texts as the xlsx reader gives for the
/// same sheet (numbers, dates by their format, booleans, errors, merged ranges filled).
///
/// Opening reads the compound file's directory and the workbook globals (code page, date
/// system, formats, cell styles, shared strings, sheet list); each sheet's records are
/// read from the file when its rows are, through a window ([MS-XLS], [MS-CFB]).
/// Encrypted workbooks (FILEPASS) and BIFF5 or older are refused with a message saying so.
public final class XLSWorkbook {
    public let path: String
    public let limits: IngestLimits
    /// True when the workbook counts dates from 1904 (DATEMODE).
    public private(set) var date1904 = false
    /// The CODEPAGE record's value (1200 = UTF-16 in BIFF8; 936 = GBK).
    public private(set) var codePage = 1200
    public private(set) var sheets: [any SheetSource] = []

    public init(path: String, limits: IngestLimits = .default) throws {
        self.path = path
        self.limits = limits
        let container = try CompoundFile(path: path)
        if container.hasStream(named: "EncryptedPackage") || container.hasStream(named: "EncryptionInfo") {
            throw IngestError(file: path, Localized(
                zh: "工作簿设有打开密码（加密的 Excel 文件），无法读取：请在 Excel/WPS 中去掉密码后再保存",
                en: "the workbook is password-protected (an encrypted Excel file) and cannot be read: remove the password in Excel or WPS and save it again"))
        }
        guard let stream = try container.stream(named: ["Workbook", "Book"]) else {
            throw IngestError(file: path, Localized(
                zh: "这是 OLE2 复合文档，但不是 Excel 工作簿（\(Self.describe(container).zh)）",
                en: "this is an OLE2 compound file but not an Excel workbook (\(Self.describe(container).en))"))
        }
        let reader = BIFFRecordReader(stream: stream)
        guard try reader.next() else { throw Self.damaged(path, "the workbook stream is empty", "工作簿流为空") }
        if reader.type != BIFFRecordType.bof {
            if BIFFRecordType.oldBOFs.contains(reader.type) { throw Self.tooOld(path, "Excel 2.x–4.x") }
            throw Self.damaged(path, "the workbook stream does not start with a BOF record", "工作簿流不以 BOF 记录开头")
        }
        let version = reader.payload.u16(0)
        guard version == 0x0600 else {
            throw Self.tooOld(path, version == 0x0500 ? "Excel 5.0/95 (BIFF5)" : "BIFF \(String(version, radix: 16))")
        }

        var decoder = BIFFStringDecoder()
        var formats: [Int: String] = [:]
        var xfFormats: [Int] = []
        var sst = XLSSharedStrings()
        struct BoundSheet { var offset: Int; var type: Int; var name: String }
        var boundSheets: [BoundSheet] = []
        globals: while try reader.next() {
            let p = reader.payload
            switch reader.type {
            case BIFFRecordType.filePass:
                // Excel also encrypts with its built-in password ("VelvetSweatshop") some
                // workbooks whose sheets or structure are protected: they open without a
                // prompt, hence the second sentence. Decrypting those is not done here.
                throw IngestError(file: path, Localized(
                    zh: "工作簿已加密（FILEPASS，设有打开密码），无法读取：请在 Excel/WPS 中去掉密码后再保存；若打开时并不要求密码，多半是工作表或工作簿设了保护，请撤销保护或另存为 .xlsx",
                    en: "the workbook is encrypted (FILEPASS: password-protected) and cannot be read: remove the password in Excel or WPS and save it again; if it opens without asking for one, its sheets or structure are protected: unprotect them or save it as .xlsx"))
            case BIFFRecordType.codePage:
                decoder.codePage = p.u16(0)
                codePage = decoder.codePage
            case BIFFRecordType.dateMode:
                date1904 = p.u16(0) == 1
            case BIFFRecordType.format:
                formats[p.u16(0)] = BIFFStrings.unicode(p, at: 2, decoder: decoder, maxBytes: 1024).text
            case BIFFRecordType.xf:
                // As many as an xlsx keeps (XLSXStylesHandler.maxEntries); later ones read as numbers.
                if xfFormats.count < XLSXStylesHandler.maxEntries { xfFormats.append(p.u16(2)) }
            case BIFFRecordType.boundSheet:
                boundSheets.append(BoundSheet(offset: Int(p.u32(0)), type: p.u8(5),
                                              name: BIFFStrings.short(p, at: 6, decoder: decoder)))
            case BIFFRecordType.sst:
                var segments = [p]
                var total = p.count
                while try reader.peekType() == BIFFRecordType.continue, try reader.next() {
                    total += reader.payload.count
                    if total > limits.maxSharedStringBytes { throw Self.sstTooLarge(path, limits) }
                    segments.append(reader.payload)
                }
                sst = try XLSSharedStrings(segments: segments, decoder: decoder, limits: limits, path: path)
            case BIFFRecordType.bof:
                // A substream nested in the globals (never in a sound file): skip to its EOF.
                var depth = 1
                while depth > 0, try reader.next() {
                    if reader.type == BIFFRecordType.bof { depth += 1 } else if reader.type == BIFFRecordType.eof { depth -= 1 }
                }
            case BIFFRecordType.eof:
                break globals
            default:
                break
            }
        }
        var styles = XLSXStyles()
        // Each format's code classified once, however many XF records name it.
        styles.kinds = XLSXStyles.kinds(formatIds: xfFormats, customFormats: formats).kinds
        let context = XLSContext(path: path, stream: stream, strings: sst, styles: styles,
                                 date1904: date1904, decoder: decoder, limits: limits)
        // Worksheets only (type 0): charts, macro sheets and VB modules hold no table.
        // A sheet's records end where the next sheet's begin (they follow one another in
        // every file written), so however many BOUNDSHEETs a file lists, each byte of the
        // stream is read for one sheet at most; two listing one offset are one sheet.
        let starts = Set(boundSheets.map(\.offset)).sorted()
        let order = Dictionary(uniqueKeysWithValues: starts.enumerated().map { ($1, $0) })
        var seen = Set<Int>()
        sheets = boundSheets.enumerated().filter { $0.element.type == 0 && seen.insert($0.element.offset).inserted }.map { k, s in
            let i = order[s.offset] ?? starts.count
            let next = i + 1 < starts.count ? starts[i + 1] : stream.size
            return XLSSheet(context: context, name: s.name.isEmpty ? "Sheet\(k + 1)" : s.name, offset: s.offset, end: next)
        }
        sheets = limits.capped(sheets, listed: sheets.count, path: path)
    }

    public var sheetNames: [String] { sheets.compactMap { $0.sheetName } }

    /// What other streams say the compound file is (a Word or PowerPoint file sent by mistake).
    static func describe(_ container: CompoundFile) -> Localized {
        if container.hasStream(named: "WordDocument") { return Localized(zh: "是 Word 文档 .doc", en: "it is a Word .doc document") }
        if container.hasStream(named: "PowerPoint Document") { return Localized(zh: "是 PowerPoint 演示文稿 .ppt", en: "it is a PowerPoint .ppt presentation") }
        return Localized(zh: "没有 Workbook 流", en: "it has no Workbook stream")
    }

    static func damaged(_ path: String, _ en: String, _ zh: String) -> IngestError {
        IngestError(file: path, Localized(zh: "文件已损坏：\(zh)", en: "the file is damaged: \(en)"))
    }

    static func tooOld(_ path: String, _ version: String) -> IngestError {
        IngestError(file: path, Localized(
            zh: "工作簿是 \(version) 旧格式，无法读取：请在 Excel/WPS 中另存为 .xlsx 或 Excel 97-2003 .xls",
            en: "the workbook is in the old \(version) format, which is not read: save it as .xlsx or Excel 97-2003 .xls in Excel or WPS"))
    }

    static func sstTooLarge(_ path: String, _ limits: IngestLimits) -> IngestError {
        IngestError(file: path, Localized(
            zh: "共享字符串表超过上限（\(limits.maxSharedStringBytes) 字节），已拒绝读取",
            en: "the shared-string table exceeds the limit (\(limits.maxSharedStringBytes) bytes) and was refused"))
    }
}

/// The SST: every string of the workbook's LABELSST cells.
struct XLSSharedStrings {
    private(set) var strings: [String] = []
    private(set) var truncated: Set<Int> = []

    init() {}

    init(segments: [[UInt8]], decoder: BIFFStringDecoder, limits: IngestLimits, path: String) throws {
        guard let first = segments.first, first.count >= 8 else { return }
        let unique = Int(first.u32(4))
        var bytes = BIFFContinuedBytes(segments: [Array(first[8...])] + segments.dropFirst())
        let maxCell = max(1, limits.maxCellBytes)
        // The declared count is untrusted: reserve no more than the bytes could hold.
        let rawBytes = segments.reduce(0) { $0 + $1.count }
        strings.reserveCapacity(min(unique, rawBytes / 3))
        var total = 0
        while strings.count < unique && !bytes.atEnd {
            guard let item = try? bytes.richExtendedString(decoder: decoder, maxBytes: maxCell) else { break }
            if item.cut { truncated.insert(strings.count) }
            // An overhead per item, so a flood of empty strings is bounded too.
            total += item.text.utf8.count + 16
            if total > limits.maxSharedStringBytes { throw XLSWorkbook.sstTooLarge(path, limits) }
            strings.append(item.text)
        }
    }
}

/// What every sheet of an .xls workbook shares.
final class XLSContext {
    let path: String
    let stream: CFBStream
    let strings: XLSSharedStrings
    let styles: XLSXStyles
    let date1904: Bool
    let decoder: BIFFStringDecoder
    let limits: IngestLimits

    init(path: String, stream: CFBStream, strings: XLSSharedStrings, styles: XLSXStyles, date1904: Bool,
         decoder: BIFFStringDecoder, limits: IngestLimits) {
        self.path = path
        self.stream = stream
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        self.decoder = decoder
        self.limits = limits
    }

    /// A number as the xlsx reader shows a numeric cell of the same style.
    func numberText(_ v: Double, xf: Int) -> String {
        let kind = styles.kind(ofStyle: xf)
        return kind == .number ? XLSXValueText.number(v) : XLSXValueText.date(v, kind: kind, date1904: date1904)
    }
}

/// One worksheet: its substream of the workbook stream, from its BOF to its EOF.
final class XLSSheet: SheetSource {
    let context: XLSContext
    let name: String
    let offset: Int
    /// Where the next sheet's records begin (or the stream ends): reading stops there.
    let end: Int

    var sheetName: String? { name }

    init(context: XLSContext, name: String, offset: Int, end: Int) {
        self.context = context
        self.name = name
        self.offset = offset
        self.end = end
    }

    /// Records of the sheet's own level (embedded chart substreams skipped); `body` gets
    /// the reader positioned on each.
    private func forEachRecord(_ body: (BIFFRecordReader) throws -> Bool) throws {
        let reader = BIFFRecordReader(stream: context.stream)
        guard offset >= 0, offset < context.stream.size else {
            throw IngestError(file: context.path, sheet: name, Localized(
                zh: "文件已损坏：工作表的起始位置（\(offset)）超出工作簿流", en: "the file is damaged: the sheet's offset (\(offset)) lies outside the workbook stream"))
        }
        reader.seek(to: offset)
        do {
            guard try reader.next(), reader.type == BIFFRecordType.bof else {
                throw IngestError(file: context.path, sheet: name, Localized(
                    zh: "文件已损坏：工作表的起始位置没有 BOF 记录", en: "the file is damaged: no BOF record where the sheet should start"))
            }
            var depth = 0
            while reader.position < end, try reader.next() {
                let type = reader.type
                if type == BIFFRecordType.bof { depth += 1; continue }
                if type == BIFFRecordType.eof {
                    if depth == 0 { return }
                    depth -= 1
                    continue
                }
                if depth > 0 { continue }
                if try !body(reader) { return }
            }
        } catch var e as IngestError where e.sheet == nil && e.file == context.path {
            e.sheet = name
            throw e
        }
    }

    /// BIFF8's last row, 1-based.
    static let lastBIFF8Row = 65_536

    /// Whether a record is a cell, with its row (0-based).
    private static func cellRow(_ type: UInt16, _ p: [UInt8]) -> Int? {
        switch type {
        case BIFFRecordType.labelSST, BIFFRecordType.label, BIFFRecordType.richString, BIFFRecordType.number,
             BIFFRecordType.rk, BIFFRecordType.mulRK, BIFFRecordType.boolErr, BIFFRecordType.blank,
             BIFFRecordType.mulBlank, BIFFRecordType.formula:
            return p.u16(0)
        default:
            return nil
        }
    }

    func forEachRow(_ body: (RawRow) throws -> Bool) throws {
        // Pass 1: merged ranges (MERGEDCELLS follows the cells) and whether the cells
        // come row by row, as every writer seen writes them.
        var merges: [XLSXMergeRange] = []
        let maxColumns = max(1, context.limits.maxColumns)
        var lastRow = -1
        var inOrder = true
        // Rows with a ROW record (height, format) but no cells: Excel writes them, and
        // the xlsx reader shows such a row (<row> without <c>) as a blank row; so does this.
        var declared = Set<Int>()
        var withCells = Set<Int>()
        // The last row (1-based) with a value, and the last with any record.
        var lastValueRow = 0
        var lastAnyRow = 0
        try forEachRecord { r in
            let p = r.payload
            if r.type == BIFFRecordType.mergedCells {
                let count = p.u16(0)
                var k = 0
                while k < count && 2 + 8 * k + 8 <= p.count && merges.count < XLSXMergeScanner.maxRanges {
                    let o = 2 + 8 * k
                    let r1 = p.u16(o) + 1, r2 = p.u16(o + 2) + 1, c1 = p.u16(o + 4), c2 = p.u16(o + 6)
                    let range = XLSXMergeRange(firstRow: min(r1, r2), firstColumn: min(c1, c2),
                                               lastRow: max(r1, r2), lastColumn: min(max(c1, c2), XLSXGrid.maxColumn))
                    if range.firstColumn < maxColumns { merges.append(range) }
                    k += 1
                }
            } else if r.type == BIFFRecordType.row {
                declared.insert(p.u16(0) + 1)
                lastAnyRow = max(lastAnyRow, p.u16(0) + 1)
            } else if let row = Self.cellRow(r.type, p) {
                if row < lastRow { inOrder = false }
                withCells.insert(row + 1)
                lastRow = max(lastRow, row)
                lastAnyRow = max(lastAnyRow, row + 1)
                if r.type != BIFFRecordType.blank && r.type != BIFFRecordType.mulBlank {
                    lastValueRow = max(lastValueRow, row + 1)
                }
            }
            return true
        }
        // LibreOffice Calc writes a column's format as blank cells down to the sheet's
        // last row (65,536) in .xls, where its .xlsx has a column style and no rows: blank
        // rows after the last value that run to the last row are left out, so both read
        // alike (merged ranges begun by then still count).
        var lastRowShown = Int.max
        if lastAnyRow >= Self.lastBIFF8Row {
            lastRowShown = merges.filter { $0.firstRow <= lastValueRow }.reduce(lastValueRow) { max($0, $1.lastRow) }
        }
        // Pass 2: cells into rows.
        var rows = XLSRowBuilder(context: context, merges: merges, buffered: !inOrder,
                                 emptyRows: declared.subtracting(withCells).filter { $0 <= lastRowShown }.sorted())
        var stopped = false
        try forEachRecord { r in
            let p = r.payload
            let type = r.type
            if type == BIFFRecordType.string {
                // The text of the string formula just before it (possibly continued).
                var more: [[UInt8]] = []
                while try r.peekType() == BIFFRecordType.continue, try r.next() { more.append(r.payload) }
                rows.formulaString(BIFFStrings.unicode(p, at: 0, more: more, decoder: context.decoder,
                                                       maxBytes: max(1, context.limits.maxCellBytes)))
                return true
            }
            guard let row = Self.cellRow(type, p), row < lastRowShown else { return true }
            if try !rows.start(row: row + 1, body) { stopped = true; return false }
            switch type {
            case BIFFRecordType.labelSST:
                let index = Int(p.u32(6))
                let strings = context.strings
                if index < strings.strings.count {
                    rows.set(p.u16(2), strings.strings[index], cut: strings.truncated.contains(index))
                } else {
                    rows.markUndecodable()  // a string the table does not hold: named, not silently blank
                }
            case BIFFRecordType.label, BIFFRecordType.richString:
                let s = BIFFStrings.unicode(p, at: 6, decoder: context.decoder, maxBytes: max(1, context.limits.maxCellBytes))
                rows.set(p.u16(2), s.text, cut: s.cut)
            case BIFFRecordType.number:
                rows.set(p.u16(2), context.numberText(p.f64(6), xf: p.u16(4)))
            case BIFFRecordType.rk:
                rows.set(p.u16(2), context.numberText(BIFFValues.rk(p.u32(6)), xf: p.u16(4)))
            case BIFFRecordType.mulRK:
                let first = p.u16(2)
                let n = max(0, (p.count - 6) / 6)
                for k in 0..<n {
                    let o = 4 + 6 * k
                    rows.set(first + k, context.numberText(BIFFValues.rk(p.u32(o + 2)), xf: p.u16(o)))
                }
            case BIFFRecordType.boolErr:
                let value = p.u8(6)
                rows.set(p.u16(2), p.u8(7) == 1 ? BIFFValues.errorText(value) : (value != 0 ? "TRUE" : "FALSE"))
            case BIFFRecordType.formula:
                let column = p.u16(2)
                if p.count >= 14 && p[12] == 0xFF && p[13] == 0xFF {
                    switch p[6] {
                    case 0: rows.expectString(column: column)
                    case 1: rows.set(column, p[8] != 0 ? "TRUE" : "FALSE")
                    case 2: rows.set(column, BIFFValues.errorText(Int(p[8])))
                    default: break // 3: an empty string
                    }
                } else {
                    rows.set(column, context.numberText(p.f64(6), xf: p.u16(4)))
                }
            default:
                break // BLANK, MULBLANK: the row exists, its cells are empty
            }
            return true
        }
        if !stopped { try rows.finish(body) }
    }
}

/// Gathers one row's cells and hands finished rows on, merged ranges filled as the xlsx
/// reader fills them. With `buffered` (cells out of row order, which no writer seen
/// does) all rows are held and handed on sorted at the end.
struct XLSRowBuilder {
    private let maxCell: Int
    private let maxColumns: Int
    private let buffered: Bool
    private var fill: MergedCellFill
    private var ready: [RawRow] = []
    private var held: [Int: (cells: [String], truncated: Bool, undecodable: Bool)] = [:]

    private var row = 0
    private var cells: [String] = []
    private var truncated = false
    /// A LABELSST cell of this row pointed past the string table (shown blank, DQ009).
    private var undecodable = false
    private var lastEmitted = 0
    private var pendingString: Int?
    /// Rows declared by ROW records that hold no cell, ascending; `nextEmpty` is the
    /// first not yet handed on.
    private let emptyRows: [Int]
    private var nextEmpty = 0

    init(context: XLSContext, merges: [XLSXMergeRange], buffered: Bool, emptyRows: [Int] = []) {
        self.emptyRows = emptyRows
        maxCell = max(1, context.limits.maxCellBytes)
        maxColumns = max(1, context.limits.maxColumns)
        self.buffered = buffered
        fill = MergedCellFill(merges: merges, maxColumns: maxColumns)
    }

    /// Moves to `number` (1-based), handing on the row before it; false when the caller
    /// asked to stop.
    mutating func start(row number: Int, _ body: (RawRow) throws -> Bool) throws -> Bool {
        pendingString = nil
        if number == row { return true }
        if buffered {
            if row > 0 { held[row] = (cells, truncated, undecodable) }
            let old = held[number]
            row = number
            cells = old?.cells ?? []
            truncated = old?.truncated ?? false
            undecodable = old?.undecodable ?? false
            return true
        }
        let more = try flush(body)
        row = number
        cells = []
        truncated = false
        undecodable = false
        return more
    }

    /// Hands on the current row (and the merged and empty declared rows before it).
    private mutating func flush(_ body: (RawRow) throws -> Bool) throws -> Bool {
        guard row > 0 else { return true }
        emitEmptyRows(below: row)
        fill.fillGap(after: lastEmitted, upTo: row, into: &ready)
        fill.emit(number: row, cells: cells, truncated: truncated, undecodable: undecodable, into: &ready)
        lastEmitted = row
        row = 0
        return try handOn(body)
    }

    private mutating func handOn(_ body: (RawRow) throws -> Bool) throws -> Bool {
        defer { ready.removeAll(keepingCapacity: true) }
        for r in ready where try !body(r) { return false }
        return true
    }

    private mutating func emitEmptyRows(below limit: Int) {
        while nextEmpty < emptyRows.count && emptyRows[nextEmpty] < limit {
            let r = emptyRows[nextEmpty]
            nextEmpty += 1
            guard r > lastEmitted else { continue }
            fill.fillGap(after: lastEmitted, upTo: r, into: &ready)
            fill.emit(number: r, cells: [], truncated: false, into: &ready)
            lastEmitted = r
        }
    }

    mutating func finish(_ body: (RawRow) throws -> Bool) throws {
        if buffered {
            if row > 0 { held[row] = (cells, truncated, undecodable) }
            row = 0
            for number in held.keys.sorted() {
                let (c, t, u) = held[number]!
                row = number
                cells = c
                truncated = t
                undecodable = u
                if try !flush(body) { return }
            }
        } else if try !flush(body) {
            return
        }
        emitEmptyRows(below: Int.max)
        _ = try handOn(body)
    }

    mutating func expectString(column: Int) { pendingString = column }

    /// A cell of this row could not be decoded as stored.
    mutating func markUndecodable() { undecodable = true }

    mutating func formulaString(_ s: (text: String, cut: Bool)) {
        guard let column = pendingString else { return }
        pendingString = nil
        set(column, s.text, cut: s.cut)
    }

    mutating func set(_ column: Int, _ value: String, cut: Bool = false) {
        var text = value
        var cut = cut
        if text.utf8.count > maxCell {
            text = UTF8Bytes.cut(text, limit: maxCell)
            cut = true
        }
        if cut { truncated = true }
        guard column < maxColumns else { truncated = true; return }
        if text.isEmpty { return }
        if cells.count <= column {
            cells.reserveCapacity(column + 1)
            while cells.count <= column { cells.append("") }
        }
        cells[column] = text
    }
}
