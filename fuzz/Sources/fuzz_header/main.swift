// The header finder with the shipped catalogue (rules/columns.yaml): the input as text,
// one row per line, cells split at tabs (or at commas in a line without a tab); the first
// line is the file's name (file hints break ties). As the loader does, the finder sees at
// most the catalogue's header_search_rows rows and a row at most maxColumns (512) cells;
// every later row is checked as a repeated header. A layout's columns, header rows and
// unknown columns must point inside what it was given.
import TrainAudit
import CFuzzerDriver
import FuzzSupport
import Foundation

let catalog: ColumnCatalog = {
    do { return try ColumnCatalog(path: RepoRoot.rules + "/columns.yaml") } catch {
        fatalError("cannot load \(RepoRoot.rules)/columns.yaml: \(error) (set TRAINAUDIT_ROOT)")
    }
}()
let finder = HeaderFinder(catalog: catalog)
let maxColumns = IngestLimits.default.maxColumns

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let fileName = lines.isEmpty ? "" : String(lines.removeFirst())
    var rows: [RawRow] = []
    for (i, line) in lines.enumerated() {
        let sep: Character = line.contains("\t") ? "\t" : ","
        var cells = line.split(separator: sep, omittingEmptySubsequences: false).map(String.init)
        var truncated = false
        if cells.count > maxColumns { cells.removeLast(cells.count - maxColumns); truncated = true }
        rows.append(RawRow(number: i + 1, cells: cells, truncated: truncated))
    }
    let head = Array(rows.prefix(catalog.headerSearchRows))
    guard let layout = finder.find(in: head, fileName: fileName) else { return 0 }

    let numbers = Set(head.map(\.number))
    require(!layout.headerRows.isEmpty && layout.headerRows.allSatisfy(numbers.contains), "header rows \(layout.headerRows) not among the rows given")
    let widest = head.filter { layout.headerRows.contains($0.number) }.map(\.cells.count).max() ?? 0
    require(layout.headers.count <= widest, "\(layout.headers.count) headers from rows of at most \(widest) cells")
    for (name, j) in layout.columns { require(j >= 0 && j < layout.headers.count, "column \(name) at \(j) of \(layout.headers.count)") }
    require(Set(layout.columns.values).count == layout.columns.count, "one header serves two columns: \(layout.columns)")
    for j in layout.unknown { require(j >= 0 && j < layout.headers.count && layout.columns.values.allSatisfy { $0 != j }, "unknown column \(j)") }
    _ = layout.mapping
    let last = layout.headerRows.last ?? 0
    for row in rows where row.number > last { _ = HeaderFinder.repeats(row, layout) }
    return 0
}

exit(trainaudit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, { fuzzOne($0, $1) }))
