import Foundation

/// How a file is read: in one piece, or, a big CSV file, as byte ranges read at the same
/// time (`CSVReader.cuts`) and joined into what reading it in one piece gives.
struct FileSplit: Sendable {
    var size: Int
    /// For a file read in parts: how to read them, and where each starts.
    var parts: CSVParts?

    /// One for a file read in one piece.
    var partCount: Int { parts?.starts.count ?? 1 }

    /// The bytes of part `k`, to start the biggest work first.
    func bytes(of k: Int) -> Int {
        guard let starts = parts?.starts else { return size }
        return (k + 1 < starts.count ? starts[k + 1].offset : size) - starts[k].offset
    }
}

/// A big CSV file's parts. The first is read like a whole file (header search included);
/// the later ones with its encoding, separator and layout.
struct CSVParts: Sendable {
    let encoding: TextEncoding
    let separator: Character
    let layout: TableLayout
    /// The rows the header was searched in: their length sizes each part's arrays.
    let head: [RawRow]
    /// The first part's start (byte 0, line 1), then the cuts.
    let starts: [CSVReader.Cut]
}

/// What `Loader.read` needs to read a later part of a big CSV file.
struct LaterPart {
    let layout: TableLayout
    let head: [RawRow]
}

extension Loader {
    /// A CSV file is read in parts when it holds at least two of this many bytes, in
    /// as many parts as there are cores (or fewer, of at least this size). Finding the
    /// cuts in 16 MiB takes milliseconds, reading it a quarter of a second: so mid-size
    /// files are cut too, and a county's 60 MB registry does not run alone at the end
    /// (scale 0.1: files read in 2.4 s instead of 2.8 s with 64 MiB).
    static let minimumPartSize = 16 << 20

    /// Each file's records and reports, in input order. Big CSV files are cut first (one
    /// pass over their bytes), so that a province's 2 GB sign-in file is not read on one
    /// core while the others, done with the smaller files, wait. Then the files and parts
    /// are read on all cores, biggest first so that no big one starts last and runs alone,
    /// and each file's parts are joined in order.
    func readAll(_ files: [(path: String, display: String)], into tables: RunTables) -> [FilePart] {
        let splits = Parallel.map(files.count) { i in split(files[i].path) }
        let tasks = files.indices.flatMap { i in (0..<splits[i].partCount).map { (file: i, part: $0) } }
        let order = tasks.indices.sorted {
            splits[tasks[$0].file].bytes(of: tasks[$0].part) > splits[tasks[$1].file].bytes(of: tasks[$1].part)
        }
        var done: [FilePart?] = Parallel.map(order.count) { j in
            let (i, k) = tasks[order[j]]
            return read(part: k, of: splits[i], path: files[i].path, display: files[i].display, into: tables)
        }
        var position = [Int](repeating: 0, count: tasks.count)
        for (j, t) in order.enumerated() { position[t] = j }
        // A part is let go as soon as it is joined, so that only the one being copied is
        // held twice.
        var t = 0
        return files.indices.map { i in
            var file = FilePart()
            for _ in 0..<splits[i].partCount {
                file.append(done[position[t]].take()!)
                t += 1
            }
            return file
        }
    }

    /// Whether and where to cut the file at `path`. Anything unexpected (not CSV, no
    /// header in the first rows, no line feed to cut at) reads the file in one piece, as
    /// before; its errors are reported then.
    func split(_ path: String) -> FileSplit {
        let size = InputFiles.size(of: path) ?? 0
        var split = FileSplit(size: size)
        let count = min(maxParts, size / max(1, partSize))
        let ext = (path as NSString).pathExtension.lowercased()
        guard count > 1, !Workbook.workbookExtensions.contains(ext),
              let csv = (try? Workbook.open(path, limits: limits))?.first as? CSVReader else { return split }
        // The header is searched in the first rows: they must all be in the first part,
        // and a header must be there for the other parts to be read with.
        let searched = catalog.headerSearchRows
        var head: [RawRow] = []
        guard (try? csv.forEachRow { head.append($0); return head.count <= searched }) != nil, head.count > searched,
              let layout = HeaderFinder(catalog: catalog).find(in: Array(head.prefix(searched)),
                                                               fileName: (path as NSString).lastPathComponent),
              let cuts = try? csv.cuts(into: count) else { return split }
        let later = cuts.filter { $0.line >= head[searched].number }
        guard !later.isEmpty else { return split }
        split.parts = CSVParts(encoding: csv.encoding, separator: csv.separator, layout: layout,
                               head: Array(head.prefix(searched)), starts: [CSVReader.Cut(offset: 0, line: 1)] + later)
        return split
    }

    /// Part `k` of a file as `split` cut it (the whole file when it is not cut).
    func read(part k: Int, of split: FileSplit, path: String, display: String, into tables: RunTables) -> FilePart {
        guard let parts = split.parts else { return readFile(path: path, display: display, into: tables) }
        let start = parts.starts[k]
        // The last part reads to the end of the file, wherever that is now.
        let end = k + 1 < parts.starts.count ? parts.starts[k + 1].offset : Int.max
        let reader = CSVReader(path: path, limits: limits, encoding: parts.encoding, separator: parts.separator,
                               range: start.offset..<end, firstLine: start.line)
        let later = k == 0 ? nil : LaterPart(layout: parts.layout, head: parts.head)
        var part = FilePart()
        var report = read(reader, file: display, into: &part.sinks[0], tables: tables, later: later)
        report.content = Lazy<String?> { ContentKey.of(path: path) }
        if let kind = report.layout?.kind { part.present.insert(kind) }
        part.reports = [report]
        return part
    }
}

extension Loader.FilePart {
    /// The next part of the same file: its records after these, its report's counts
    /// added to this one's. After a part that failed, the rest is dropped, as reading the
    /// file in one piece would have stopped there.
    mutating func append(_ next: Loader.FilePart) {
        guard let last = reports.indices.last else { self = next; return }
        guard reports[last].error == nil else { return }
        sinks += next.sinks
        present.formUnion(next.present)
        for report in next.reports { reports[last].append(report) }
    }
}

extension TableReport {
    /// A later part's counts added to these: rows read, records and skips, and the first
    /// skipped rows of each reason (the cap counts across parts, as in one piece).
    mutating func append(_ next: TableReport) {
        rowsRead += next.rowsRead
        records += next.records
        truncatedRows += next.truncatedRows
        for (reason, n) in next.skipped { skipped[reason, default: 0] += n }
        for (reason, rows) in next.skippedRows {
            let room = Self.keptSkippedRows - skippedRows[reason, default: []].count
            if room > 0 { skippedRows[reason, default: []].append(contentsOf: rows.prefix(room)) }
        }
        error = next.error
    }
}
