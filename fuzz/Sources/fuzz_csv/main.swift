// The CSV reader: the input bytes as a CSV file, every row read, three ways that must
// agree: in one piece with the reader's 1 MiB chunks, in one piece with tiny chunks (so a
// chunk boundary falls inside every kind of token), and cut into parts at record
// boundaries (`CSVReader.cuts`) each read from its own line, as big files are read.
// Also: no row over the column limit, no cell over the size limit, row numbers rising.
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
    return l
}()

/// All rows, or the error's text.
func rows(_ reader: CSVReader) -> (rows: [RowValue], error: String?) {
    var out: [RowValue] = []
    do {
        try reader.forEachRow { out.append(RowValue($0)); return true }
        return (out, nil)
    } catch {
        return (out, "\(error)")
    }
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let path = Scratch.write("input.csv", bytes)
    guard let reader = try? CSVReader(path: path, limits: limits) else { return 0 }
    // One read holds the whole input, as the reader's 1 MiB does for any input libFuzzer
    // makes (-max_len is below 128 KiB), without zeroing 1 MiB per reader.
    reader.chunkSize = 128 << 10
    let whole = rows(reader)

    var previous = 0
    for r in whole.rows {
        require(r.cells.count <= limits.maxColumns, "\(r.cells.count) cells > maxColumns")
        // A cut cell holds at most maxCellBytes input bytes; each invalid byte may become U+FFFD (3 bytes).
        for c in r.cells { require(c.utf8.count <= 3 * limits.maxCellBytes, "cell of \(c.utf8.count) bytes") }
        require(r.number > previous, "row numbers not rising: \(r.number) after \(previous)")
        previous = r.number
    }

    // Small chunks, chosen by the input's size: 3 to 63 bytes for inputs up to 8 KiB, about
    // 1 to 5 KiB beyond. (A read shorter than the byte-order mark, 3 bytes of a UTF-32
    // one, leaves the rest of the mark to the next read: crashes/csv/utf32-invalid-unit-
    // 3-byte-chunks.csv; FuzzRegressionTests covers chunks of 1 to 8 bytes.)
    let small = try! CSVReader(path: path, limits: limits)
    small.chunkSize = size <= 8192 ? 3 + size % 61 : 1021 + size % 4093
    let chunked = rows(small)
    require(chunked.rows == whole.rows && chunked.error == whole.error,
            "chunk size \(small.chunkSize) differs: \(firstDifference(whole.rows, chunked.rows)); errors \(whole.error ?? "-") / \(chunked.error ?? "-")")

    // Projected, as the loader reads a sheet once its header is known: from the second
    // record on, only the even columns are made or held as bytes (`CellProjection`,
    // `RawRow.held`). Every row is kept, so rows given out stay intact while the parser
    // goes on. A kept cell reads the same through `text(at:)`; a left-out one is "" (stored
    // or not: `cells` may end early) or what it was; the row's number, cell count (`count`)
    // and flags do not change.
    var plain: [RawRow] = [], projectedRows: [RawRow] = []
    let plainReader = try! CSVReader(path: path, limits: limits)
    plainReader.chunkSize = small.chunkSize
    let plainError = (try? plainReader.forEachRow { plain.append($0); return true }) == nil
    let projected = try! CSVReader(path: path, limits: limits)
    projected.chunkSize = small.chunkSize
    let projection = CellProjection()
    let projectedError = (try? projected.forEachRow(projection: projection) { row in
        projectedRows.append(row)
        if projection.kept == nil { projection.keep(Array(stride(from: 0, to: limits.maxColumns, by: 2))) }
        return true
    }) == nil
    require(plainError == projectedError && plain.count == projectedRows.count,
            "projected read: \(projectedRows.count) rows vs \(plain.count), errors \(projectedError) / \(plainError)")
    for (w, p) in zip(plain, projectedRows) {
        require(w.number == p.number && w.cells.count == p.count && p.cells.count <= p.count
                && w.truncated == p.truncated && w.undecodable == p.undecodable,
                "projected row \(p.number): flags or count differ from row \(w.number)")
        for j in w.cells.indices {
            if j % 2 == 0 {
                require(p.text(at: j) == w.cells[j], "projected row \(p.number) column \(j): \(String(reflecting: p.text(at: j))) vs \(String(reflecting: w.cells[j]))")
            } else {
                require(j >= p.cells.count || p.cells[j].isEmpty || p.cells[j] == w.cells[j], "projected row \(p.number) left-out column \(j) changed")
            }
        }
    }

    // Parts, as the loader reads a big file: cuts near a third and two thirds of the file.
    // UTF-16 and UTF-32 files are never cut (a line feed is not one byte there).
    guard whole.error == nil, size > 2, reader.encoding.cutsAtLineFeeds else { return 0 }
    let start = reader.encoding == .utf8BOM ? 3 : 0
    let separator: UInt8 = reader.separator == "\t" ? 0x09 : 0x2C
    guard let file = try? ByteFile(path: path),
          let cuts = try? CSVReader.cuts(file, from: start, separator: separator, near: [size / 3, 2 * size / 3]) else { return 0 }
    let starts = [CSVReader.Cut(offset: 0, line: 1)] + cuts.filter { $0.offset < size }
    var parts: [RowValue] = []
    for (k, s) in starts.enumerated() {
        let end = k + 1 < starts.count ? starts[k + 1].offset : Int.max
        let part = CSVReader(path: path, limits: limits, encoding: reader.encoding, separator: reader.separator,
                             range: s.offset..<end, firstLine: s.line)
        part.chunkSize = 128 << 10
        let got = rows(part)
        require(got.error == nil, "part at \(s.offset) failed: \(got.error ?? "")")
        parts += got.rows
    }
    require(parts == whole.rows, "parts cut at \(starts.map { "\($0.offset)@line\($0.line)" }) differ: \(firstDifference(whole.rows, parts))")
    return 0
}

exit(trainaudit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, { fuzzOne($0, $1) }))
