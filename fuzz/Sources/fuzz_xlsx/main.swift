// The xlsx reader (zip, workbook and relationships, styles, shared strings, sheet XML):
// the input is either a whole .xlsx file (it begins with PK\3\4) or a list of parts
// (name, line feed, bytes; NUL between parts) packed here into a zip of stored entries,
// so that mutations reach the XML. Every sheet is opened and every row read, under small
// limits, twice: with the reader's 256 KiB chunks and with small ones (so a chunk boundary
// falls inside every kind of XML token); both must give the same sheets, rows and errors.
// Rows stay within the column limit and cells within the size limit.
// FUZZ_DEBUG=1 prints what was read (to check a seed reaches the sheets).
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks
import CFuzzerDriver
import FuzzSupport
import Foundation

let limits: IngestLimits = {
    var l = IngestLimits()
    l.maxCellBytes = 2048
    l.maxColumns = 64
    l.maxZipEntryBytes = 4 << 20
    l.maxSharedStringBytes = 1 << 20
    return l
}()
let debug = ProcessInfo.processInfo.environment["FUZZ_DEBUG"] != nil

struct SheetValue: Equatable {
    var name: String?
    var rows: [RowValue]
    var error: String?
}

/// Every sheet's rows, or the error that stopped opening the workbook.
func read(_ path: String, chunkSize: Int) -> (sheets: [SheetValue], error: String?) {
    let book: XLSXWorkbook
    do { book = try XLSXWorkbook(path: path, limits: limits, chunkSize: chunkSize) } catch { return ([], "\(error)") }
    var out: [SheetValue] = []
    for sheet in book.sheets {
        var rows: [RowValue] = []
        var failure: String?
        do {
            try sheet.forEachRow { row in
                require(row.cells.count <= limits.maxColumns, "\(row.cells.count) cells > maxColumns")
                for c in row.cells { require(c.utf8.count <= 3 * limits.maxCellBytes, "cell of \(c.utf8.count) bytes") }
                rows.append(RowValue(row))
                return true
            }
        } catch {
            failure = "\(error)"
        }
        out.append(SheetValue(name: sheet.sheetName, rows: rows, error: failure))
    }
    return (out, nil)
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let path: String
    if StoredZip.isZip(bytes) {
        path = Scratch.write("input.xlsx", bytes)
    } else {
        let zip = StoredZip.archive(StoredZip.parts(bytes))
        path = zip.withUnsafeBytes { Scratch.write("input.xlsx", $0) }
    }
    // The public entry point first (it must agree with the workbook reader below).
    let opened = (try? Workbook.open(path, limits: limits))?.count
    let whole = read(path, chunkSize: XLSXPackage.defaultChunkSize)
    require(opened == (whole.error == nil ? whole.sheets.count : nil), "Workbook.open gave \(String(describing: opened)) sheets, the reader \(whole.sheets.count) (\(whole.error ?? "-"))")
    if debug {
        print("open: \(whole.error ?? "ok")")
        for s in whole.sheets { print("  sheet \(s.name ?? "-"): \(s.rows.count) rows\(s.error.map { ", error: \($0)" } ?? "")"); s.rows.prefix(3).forEach { print("    \($0)") } }
    }
    let chunk = size <= 8192 ? 1 + size % 61 : 509 + size % 4093
    let small = read(path, chunkSize: chunk)
    require(small.error == whole.error, "chunk size \(chunk): open error \(small.error ?? "-") vs \(whole.error ?? "-")")
    require(small.sheets.count == whole.sheets.count, "chunk size \(chunk): \(small.sheets.count) sheets vs \(whole.sheets.count)")
    for (a, b) in zip(whole.sheets, small.sheets) {
        require(a.name == b.name && (a.error == nil) == (b.error == nil), "chunk size \(chunk): sheet \(a.name ?? "-") error \(a.error ?? "-") vs \(b.name ?? "-") \(b.error ?? "-")")
        if a.error == nil {
            require(a.rows == b.rows, "chunk size \(chunk): sheet \(a.name ?? "-") rows differ: \(firstDifference(a.rows, b.rows))")
        } else {
            // A part refused midway: which limit or zlib error comes first, and how many
            // rows were handed on before it, depend on where the chunks end (a bomb with
            // corrupt data past 4 MiB is "too large" in small chunks, "corrupt" in large).
            let n = min(a.rows.count, b.rows.count)
            require(Array(a.rows.prefix(n)) == Array(b.rows.prefix(n)), "chunk size \(chunk): sheet \(a.name ?? "-") rows before the error differ: \(firstDifference(a.rows, b.rows))")
        }
    }
    return 0
}

exit(trainaudit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, { fuzzOne($0, $1) }))
