// The .xls/.et reader (compound file: header, FAT, DIFAT, mini-FAT, directory; BIFF8
// records: SST with CONTINUE, cells, formulas, merges, formats): the input is the file.
// Every sheet is opened and every row read under small limits, twice: the rows and errors
// must agree (the reader keeps no state between reads), rows stay within the column limit
// and cells within the size limit, and Workbook.open agrees with the reader on the sheets.
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
    l.maxSharedStringBytes = 1 << 20
    l.maxSheets = 16
    return l
}()

func read(_ path: String) -> (sheets: [(name: String?, rows: [RowValue], error: String?)], error: String?) {
    let book: XLSWorkbook
    do { book = try XLSWorkbook(path: path, limits: limits) } catch { return ([], "\(error)") }
    var out: [(name: String?, rows: [RowValue], error: String?)] = []
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
        out.append((sheet.sheetName, rows, failure))
    }
    return (out, nil)
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = Scratch.write("input.xls", UnsafeRawBufferPointer(start: data, count: size))
    let first = read(path)
    let again = read(path)
    require(first.error == again.error, "open errors differ: \(first.error ?? "-") / \(again.error ?? "-")")
    require(first.sheets.count == again.sheets.count, "\(first.sheets.count) sheets, then \(again.sheets.count)")
    for (a, b) in zip(first.sheets, again.sheets) {
        require(a.name == b.name && a.error == b.error && a.rows == b.rows, "sheet \(a.name ?? "-") read twice differs: \(firstDifference(a.rows, b.rows))")
    }
    if size >= 8, Array(UnsafeRawBufferPointer(start: data, count: 4)) == [0xD0, 0xCF, 0x11, 0xE0] {
        let opened = (try? Workbook.open(path, limits: limits))?.count
        require(opened == (first.error == nil ? first.sheets.count : nil),
                "Workbook.open gave \(String(describing: opened)) sheets, the reader \(first.sheets.count) (\(first.error ?? "-"))")
    }
    return 0
}

exit(trainaudit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, { fuzzOne($0, $1) }))
