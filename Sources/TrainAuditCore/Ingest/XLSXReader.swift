import Foundation
import ZIPFoundation

/// An .xlsx (or .xlsm) workbook: one `SheetSource` per worksheet, in workbook order.
///
/// Opening reads the small parts (workbook, relationships, styles, shared strings); each
/// sheet's XML is streamed from the zip when its rows are read, so a sheet of hundreds of
/// megabytes never sits in memory. Every part is untrusted: DTDs are refused, entry sizes
/// are counted while inflating (zip headers can lie), and cells are cut at the limits.
public final class XLSXWorkbook {
    public let path: String
    public let limits: IngestLimits
    /// True when the workbook counts dates from 1904 (old Mac Excel).
    public let date1904: Bool
    public private(set) var sheets: [any SheetSource] = []

    public convenience init(path: String, limits: IngestLimits = .default) throws {
        try self.init(path: path, limits: limits, chunkSize: XLSXPackage.defaultChunkSize)
    }

    /// `chunkSize`: bytes per decompressed chunk; tests lower it to put chunk boundaries
    /// everywhere in the XML.
    init(path: String, limits: IngestLimits, chunkSize: Int) throws {
        self.path = path
        self.limits = limits
        let package = try XLSXPackage(path: path, limits: limits)
        package.chunkSize = max(1, chunkSize)

        let workbookPart = package.officeDocumentPath() ?? "xl/workbook.xml"
        guard package.has(workbookPart) else {
            throw IngestError(file: path, Localized(
                zh: "不是有效的 .xlsx 文件（缺少 \(workbookPart)）",
                en: "not a valid .xlsx file (\(workbookPart) is missing)"))
        }
        let workbook = XLSXWorkbookHandler()
        try package.stream(workbookPart, handler: workbook)
        self.date1904 = workbook.date1904

        let relsPart = XLSXPackage.relsPath(for: workbookPart)
        let rels = XLSXRelsHandler(base: XLSXPackage.directory(of: workbookPart))
        if package.has(relsPart) { try package.stream(relsPart, handler: rels) }

        // Styles: which style indexes show numbers as dates.
        var styles = XLSXStyles()
        let stylesPart = rels.target(ofTypeSuffix: "/styles") ?? "xl/styles.xml"
        if package.has(stylesPart) {
            let handler = XLSXStylesHandler()
            try package.stream(stylesPart, handler: handler)
            styles = handler.styles
        }

        // Shared strings.
        let shared = XLSXSharedStringsHandler(limits: limits)
        let sstPart = rels.target(ofTypeSuffix: "/sharedStrings") ?? "xl/sharedStrings.xml"
        if package.has(sstPart) {
            do {
                try package.stream(sstPart, handler: shared)
            } catch is XLSXSharedStringsHandler.TooLarge {
                throw IngestError(file: path, Localized(
                    zh: "共享字符串表超过上限（\(limits.maxSharedStringBytes) 字节），已拒绝读取",
                    en: "the shared-string table exceeds the limit (\(limits.maxSharedStringBytes) bytes) and was refused"))
            }
        }
        let context = XLSXContext(package: package, sharedStrings: shared.strings,
                                  truncatedStrings: shared.truncated, styles: styles,
                                  date1904: workbook.date1904, limits: limits)
        // Each worksheet part is read once, however many entries name it, and at most
        // `maxSheets` of them: a workbook listing thousands of entries cannot make a run
        // read one part thousands of times. What is left out is reported.
        var sheets: [any SheetSource] = []
        var seen: Set<String> = []
        var repeats: [String] = []
        for sheet in workbook.sheets {
            let target = sheet.relationshipID.flatMap { rels.targets[$0] }
            if let target, !seen.insert(target).inserted { repeats.append(sheet.name); continue }
            sheets.append(XLSXSheet(context: context, name: sheet.name, part: target))
        }
        if !repeats.isEmpty {
            let shown = repeats.prefix(5).joined(separator: "、") + (repeats.count > 5 ? "…" : "")
            sheets.append(UnreadableSheet(sheetName: repeats[0], error: IngestError(file: path, sheet: repeats[0], Localized(
                zh: "\(repeats.count) 个工作表条目（\(shown)）指向已读取过的同一工作表数据，未重复读取",
                en: "\(repeats.count) sheet entries (\(shown)) point at worksheet data already read: not read again"))))
        }
        self.sheets = limits.capped(sheets, listed: sheets.count + workbook.unlisted, path: path)
    }

    public var sheetNames: [String] { sheets.compactMap { $0.sheetName } }
}

/// What every sheet of a workbook shares.
final class XLSXContext {
    let package: XLSXPackage
    let sharedStrings: [String]
    let truncatedStrings: Set<Int>
    let styles: XLSXStyles
    let date1904: Bool
    let limits: IngestLimits

    init(package: XLSXPackage, sharedStrings: [String], truncatedStrings: Set<Int>,
         styles: XLSXStyles, date1904: Bool, limits: IngestLimits) {
        self.package = package
        self.sharedStrings = sharedStrings
        self.truncatedStrings = truncatedStrings
        self.styles = styles
        self.date1904 = date1904
        self.limits = limits
    }
}

/// Stops a stream early without it being an error.
struct XLSXStop: Error {}

/// An error thrown by the caller's row closure, carried through the zip reader unchanged.
struct XLSXCallerError: Error { let inner: Error }

/// The zip container and its parts.
final class XLSXPackage {
    let path: String
    let limits: IngestLimits
    private let archive: Archive
    /// Deflated parts, read with a bounded inflate of their own (ZipDeflatedParts).
    private let deflated: ZipDeflatedParts?
    /// Parts by path, for lookups that do not depend on ZIPFoundation's path handling.
    private var entries: [String: Entry] = [:]

    static let defaultChunkSize = 256 * 1024
    var chunkSize = defaultChunkSize

    init(path: String, limits: IngestLimits) throws {
        self.path = path
        self.limits = limits
        let notZip = IngestError(file: path, Localized(
            zh: "不是有效的 .xlsx 文件（无法作为 zip 打开）；改了扩展名的文件请用 Excel/WPS 另存为 .xlsx",
            en: "not a valid .xlsx file (cannot be opened as a zip); save renamed files as .xlsx in Excel or WPS"))
        // Check the magic first: ZIPFoundation would search a large non-zip file for an
        // end-of-central-directory record.
        let head = try ByteFile(path: path).readUpTo(4)
        guard head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06] else { throw notZip }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw notZip
        }
        for entry in archive where entry.type == .file {
            let p = entry.path
            if entries[p] == nil { entries[p] = entry }
        }
        deflated = ZipDeflatedParts(path: path)
    }

    func has(_ part: String) -> Bool { entries[part] != nil }

    /// The workbook part named by _rels/.rels, if any.
    func officeDocumentPath() -> String? {
        guard has("_rels/.rels") else { return nil }
        let rels = XLSXRelsHandler(base: "")
        guard (try? stream("_rels/.rels", handler: rels)) != nil else { return nil }
        return rels.target(ofTypeSuffix: "/officeDocument")
    }

    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    static func relsPath(for part: String) -> String {
        let dir = directory(of: part)
        let name = part.dropFirst(dir.count)
        return dir + "_rels/" + name + ".rels"
    }

    /// Resolves a relationship target against the folder of the part that names it.
    static func resolve(_ target: String, base: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : base + target
        var parts: [Substring] = []
        for piece in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if piece == "." { continue }
            if piece == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }

    /// Streams one part through the tokenizer into `handler`; `afterChunk` runs after each
    /// decompressed chunk (the sheet reader hands finished rows to its caller there).
    func stream<H: XMLHandler>(_ part: String, handler: H, sheet: String? = nil,
                               afterChunk: () throws -> Void = {}) throws {
        guard let entry = entries[part] else {
            throw IngestError(file: path, sheet: sheet, Localized(
                zh: "xlsx 内缺少部件 \(part)", en: "the xlsx lacks its part \(part)"))
        }
        let limit = limits.maxZipEntryBytes
        let tooLarge = IngestError(file: path, sheet: sheet, Localized(
            zh: "xlsx 内的部件 \(part) 解压后超过上限（\(limit) 字节），疑似压缩炸弹，已拒绝读取",
            en: "the xlsx part \(part) inflates beyond the limit (\(limit) bytes), a possible zip bomb, and was refused"))
        if entry.uncompressedSize > UInt64(limit) { throw tooLarge }
        let tokenizer = XMLTokenizer(handler: handler)
        var total = 0
        func consume(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            total += bytes.count
            if total > limit { throw tooLarge }
            try tokenizer.feed(bytes)
            try afterChunk()
        }
        do {
            if let deflated, let place = deflated.places[part] {
                try deflated.inflate(place, path: path, chunk: chunkSize, consume)
            } else {
                _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: true) { data in
                    try data.withUnsafeBytes { try consume($0.bindMemory(to: UInt8.self)) }
                }
            }
            try tokenizer.finish()
            try afterChunk()
        } catch ZipDeflatedParts.Failure.truncated {
            throw IngestError(file: path, sheet: sheet, Localized(
                zh: "xlsx 部件 \(part) 的压缩数据不完整（文件被截断或损坏），已拒绝读取",
                en: "the compressed data of the xlsx part \(part) is incomplete (the file is cut or damaged) and was refused"))
        } catch ZipDeflatedParts.Failure.corrupt {
            throw IngestError(file: path, sheet: sheet, Localized(
                zh: "xlsx 部件 \(part) 的压缩数据已损坏，已拒绝读取",
                en: "the compressed data of the xlsx part \(part) is damaged and was refused"))
        } catch is XLSXStop {
            return
        } catch let e as XLSXCallerError {
            throw e
        } catch let e as IngestError {
            throw e
        } catch is XLSXSharedStringsHandler.TooLarge {
            throw XLSXSharedStringsHandler.TooLarge()
        } catch XMLStreamError.doctype {
            throw IngestError(file: path, sheet: sheet, Localized(
                zh: "xlsx 部件 \(part) 含有 <!DOCTYPE> 声明（正常的 xlsx 不会有），已拒绝读取；实体不会被展开",
                en: "the xlsx part \(part) contains a <!DOCTYPE> declaration (a normal xlsx never does) and was refused; entities are never expanded"))
        } catch XMLStreamError.tokenTooLarge {
            throw IngestError(file: path, sheet: sheet, Localized(
                zh: "xlsx 部件 \(part) 中有超长的 XML 标记，已拒绝读取",
                en: "the xlsx part \(part) holds an oversized XML token and was refused"))
        } catch {
            throw IngestError(file: path, sheet: sheet, Localized(
                zh: "无法读取 xlsx 部件 \(part)（\(error)）",
                en: "cannot read the xlsx part \(part) (\(error))"))
        }
    }
}

/// xl/workbook.xml: sheet names and relationship ids, and the 1904 date flag.
final class XLSXWorkbookHandler: XMLHandler {
    struct Sheet { var name: String; var relationshipID: String? }
    var wantsText: Bool { false }
    private(set) var sheets: [Sheet] = []
    /// `<sheet>` entries past those kept (memory stays bounded however many there are).
    private(set) var unlisted = 0
    private(set) var date1904 = false
    /// Entries kept: enough for any sheet limit a caller sets, plus duplicates.
    static let maxEntries = 100_000

    func start(_ tag: XMLTag, selfClosing: Bool) throws {
        if tag.named("sheet") {
            guard sheets.count < Self.maxEntries else { unlisted += 1; return }
            let name = tag.attribute("name") ?? "Sheet\(sheets.count + 1)"
            sheets.append(Sheet(name: name, relationshipID: tag.attribute("id", prefixed: true)))
        } else if tag.named("workbookPr") {
            let v = tag.attribute("date1904")?.lowercased()
            date1904 = v == "1" || v == "true"
        }
    }
    func end(_ localName: UnsafeBufferPointer<UInt8>) throws {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}

/// A .rels part: relationship id → resolved part path.
final class XLSXRelsHandler: XMLHandler {
    let base: String
    var wantsText: Bool { false }
    private(set) var targets: [String: String] = [:]
    private var byType: [(type: String, target: String)] = []

    init(base: String) { self.base = base }

    func start(_ tag: XMLTag, selfClosing: Bool) throws {
        guard tag.named("Relationship"), let id = tag.attribute("Id"), let target = tag.attribute("Target") else { return }
        if tag.attribute("TargetMode") == "External" { return }
        let resolved = XLSXPackage.resolve(target, base: base)
        targets[id] = resolved
        byType.append((tag.attribute("Type") ?? "", resolved))
    }
    func end(_ localName: UnsafeBufferPointer<UInt8>) throws {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}

    func target(ofTypeSuffix suffix: String) -> String? {
        byType.first { $0.type.hasSuffix(suffix) }?.target
    }
}

/// xl/sharedStrings.xml: each `<si>` is the concatenation of its `<t>` texts (plain or in
/// rich-text runs `<r>`), leaving out phonetic runs `<rPh>`.
final class XLSXSharedStringsHandler: XMLHandler {
    struct TooLarge: Error {}

    private let maxTotal: Int
    private let maxCell: Int
    private(set) var strings: [String] = []
    private(set) var truncated: Set<Int> = []
    private var total = 0
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var buffer: [UInt8] = []
    private var overflow = false

    init(limits: IngestLimits) {
        maxTotal = limits.maxSharedStringBytes
        maxCell = max(1, limits.maxCellBytes)
    }

    var wantsText: Bool { inText }

    func start(_ tag: XMLTag, selfClosing: Bool) throws {
        let name = tag.localName
        if XMLNames.equal(name, "si") {
            inItem = true
            buffer.removeAll(keepingCapacity: true)
            overflow = false
        } else if XMLNames.equal(name, "rPh") {
            phoneticDepth += 1
        } else if XMLNames.equal(name, "t") {
            inText = inItem && phoneticDepth == 0
        }
    }

    func end(_ name: UnsafeBufferPointer<UInt8>) throws {
        if XMLNames.equal(name, "t") {
            inText = false
        } else if XMLNames.equal(name, "rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        } else if XMLNames.equal(name, "si") {
            inItem = false
            inText = false
            var length = buffer.count
            if overflow || length > maxCell {
                length = buffer.withUnsafeBufferPointer { UTF8Bytes.cutLength($0, limit: maxCell) }
                truncated.insert(strings.count)
            }
            // Count an overhead per item too, so a flood of empty strings is bounded.
            total += length + 16
            if total > maxTotal { throw TooLarge() }
            strings.append(buffer.withUnsafeBufferPointer {
                XLSXValueText.unescapeXString(UnsafeBufferPointer(rebasing: $0[0..<length]))
            })
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard inText else { return }
        let room = maxCell + 4 - buffer.count
        if bytes.count > room {
            if room > 0 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<room])) }
            overflow = true
        } else {
            buffer.append(contentsOf: bytes)
        }
    }
}

/// One worksheet, read by streaming its XML part.
final class XLSXSheet: SheetSource {
    let context: XLSXContext
    let name: String
    let part: String?

    var sheetName: String? { name }

    init(context: XLSXContext, name: String, part: String?) {
        self.context = context
        self.name = name
        self.part = part
    }

    func forEachRow(_ body: (RawRow) throws -> Bool) throws {
        let package = context.package
        guard let part, package.has(part) else {
            let which = part ?? "?"
            throw IngestError(file: package.path, sheet: name, Localized(
                zh: "找不到该工作表的数据部件（\(which)）", en: "the worksheet's data part (\(which)) is missing"))
        }
        // Pass 1: merged ranges. <mergeCells> comes after <sheetData>, so the part is
        // streamed twice: a quick scan that only looks at <mergeCell> tags (no text
        // decoded), then the rows, filled from the merges as they stream. Holding rows
        // until the end instead would be unbounded (a merge may sit anywhere). Measured,
        // the scan costs about 0.3 s of 1.8 s on a 190 MB sheet XML; memory stays at
        // one chunk plus the merge list (at most 100,000 ranges).
        let mergeScan = XLSXMergeScanner(maxColumns: context.limits.maxColumns)
        try package.stream(part, handler: mergeScan, sheet: name)
        // Pass 2: rows.
        let handler = XLSXSheetHandler(context: context, merges: mergeScan.ranges)
        do {
            try package.stream(part, handler: handler, sheet: name) {
                if handler.ready.isEmpty { return }
                for row in handler.ready {
                    let more: Bool
                    do { more = try body(row) } catch { throw XLSXCallerError(inner: error) }
                    if !more { handler.ready.removeAll(); throw XLSXStop() }
                }
                handler.ready.removeAll(keepingCapacity: true)
            }
        } catch let e as XLSXCallerError {
            throw e.inner
        }
    }
}
