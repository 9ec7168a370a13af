// The xlsx reader (zip, workbook and relationships, styles, shared strings, sheet XML):
// the input is either a whole .xlsx file (it begins with PK\3\4) or a list of parts
// (name, line feed, bytes; NUL between parts) packed here into a zip of stored entries,
// so that mutations reach the XML. Every sheet is opened and every row read, under small
// limits; rows stay within the column limit and cells within the size limit.
import TrainAudit
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

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let path: String
    if StoredZip.isZip(bytes) {
        path = Scratch.write("input.xlsx", bytes)
    } else {
        let zip = StoredZip.archive(StoredZip.parts(bytes))
        path = zip.withUnsafeBytes { Scratch.write("input.xlsx", $0) }
    }
    guard let sheets = try? Workbook.open(path, limits: limits) else { return 0 }
    for sheet in sheets {
        _ = sheet.sheetName
        try? sheet.forEachRow { row in
            require(row.cells.count <= limits.maxColumns, "\(row.cells.count) cells > maxColumns")
            for c in row.cells { require(c.utf8.count <= 3 * limits.maxCellBytes, "cell of \(c.utf8.count) bytes") }
            return true
        }
    }
    return 0
}

exit(trainaudit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, { fuzzOne($0, $1) }))
