import Foundation

/// Everything a run read: the records and indexes, and what happened to each sheet.
public struct LoadedRun: Sendable {
    public var data: AuditData
    public var reports: [TableReport]
}

/// files → rows → typed records: the one way data enters an audit.
public struct Loader: Sendable {
    public let catalog: ColumnCatalog
    public let limits: IngestLimits
    /// The pack's 鉴定或考核通过情况 words for a failed assessment (Enrollment.certPassed).
    let failedAssessment: Pattern?
    /// A big CSV file is read in up to `maxParts` parts (one per core) of at least
    /// `partSize` bytes (`FileSplit`); tests lower both to cut small files.
    var partSize = Loader.minimumPartSize
    var maxParts = ProcessInfo.processInfo.activeProcessorCount
    /// Whether a CSV sheet's cells of columns no record reader reads are left unmade once
    /// its header is found (`CellProjection`); tests turn it off to compare.
    var projectsColumns = true

    /// The settings the record readers read: the failed-assessment words for `certPassed`.
    public static let settings = AnySettingKey.list(.failedAssessment)

    public init(catalog: ColumnCatalog, limits: IngestLimits = .default, settings: Settings = Settings()) {
        self.catalog = catalog
        self.limits = limits
        failedAssessment = settings[.failedAssessment]?.value
    }

    /// Reads files and folders (recursively). Problems with a file become reports with an
    /// error; the other files are still read.
    public func load(paths: [String]) -> LoadedRun {
        var reports: [TableReport] = []
        let (found, problems) = Loader.inputs(paths)
        for p in problems { reports.append(TableReport(file: p.file, sheet: p.sheet, error: p)) }
        // A file with the same bytes as one before it (a 副本 beside the original, a file
        // also given by name) is read once, and the copy is reported (DQ011).
        let (inputs, copies) = Loader.withoutCopies(found)
        for (copy, original) in copies {
            var r = TableReport(file: copy.display)
            r.copyOf = original.display
            reports.append(r)
        }
        // One task per file on all cores, or per part of a big CSV file, each reading into
        // its own sink; the parts are joined in input order, so records, problems and
        // reports come out exactly as reading the files one after another gives them.
        // The run's own intern tables: they go with its AuditData, not the process.
        let runTables = RunTables()
        var tables = RecordTables(tables: runTables)
        var present = Set<TableKind>()
        for part in readAll(inputs, into: runTables) {
            for sink in part.sinks { tables.append(sink) }
            present.formUnion(part.present)
            reports.append(contentsOf: part.reports)
        }
        // Rows another file repeats are one record; then IDs lost or mistyped are inferred
        // where the run holds exactly one agreeing person (both said in findings).
        let repeats = RepeatedRows.merge(&tables)
        let inferred = IDRepair.repair(&tables)
        let data = AuditData(tables, present: present, reports: reports, repeatedRows: repeats, inferredIDs: inferred)
        return LoadedRun(data: data, reports: reports)
    }

    /// The files to read, each with the name findings show (relative to the folder it
    /// was found in), and the problems met finding them (named the same way).
    static func inputs(_ paths: [String]) -> (files: [(path: String, display: String)], problems: [IngestError]) {
        var inputs: [(path: String, display: String)] = []
        var problems: [IngestError] = []
        for arg in paths {
            let (files, found) = InputFiles.expand([arg])
            let base = InputFiles.entry(arg) == .folder ? (arg.hasSuffix("/") ? arg : arg + "/") : nil
            func display(_ f: String) -> String {
                guard let base, f.hasPrefix(base) else { return f }
                return String(f.dropFirst(base.count))
            }
            for var p in found {
                p.file = display(p.file)
                problems.append(p)
            }
            for f in files { inputs.append((f, display(f))) }
        }
        return (inputs, problems)
    }

    /// `files` less those whose bytes equal an earlier one's, and each copy with its original.
    /// Only files of equal size are compared, by `ContentKey` and then byte for byte, so
    /// two files are never taken for one by a hash that happens to agree.
    static func withoutCopies(_ files: [(path: String, display: String)])
        -> (kept: [(path: String, display: String)], copies: [(copy: (path: String, display: String), of: (path: String, display: String))]) {
        var bySize: [Int: [Int]] = [:]
        for (k, f) in files.enumerated() {
            let size = (try? ByteFile(path: f.path).size()) ?? -1
            if size > 0 { bySize[size, default: []].append(k) }
        }
        var copyOf: [Int: Int] = [:]
        for group in bySize.values where group.count > 1 {
            let keys = group.map { ContentKey.of(path: files[$0].path) }
            for (a, k) in group.enumerated() where copyOf[k] == nil {
                for b in (a + 1)..<group.count where copyOf[group[b]] == nil && keys[a] != nil && keys[a] == keys[b] {
                    if ContentKey.sameBytes(files[k].path, files[group[b]].path) { copyOf[group[b]] = k }
                }
            }
        }
        var kept: [(path: String, display: String)] = []
        var copies: [(copy: (path: String, display: String), of: (path: String, display: String))] = []
        for (k, f) in files.enumerated() {
            if let original = copyOf[k] { copies.append((f, files[original])) } else { kept.append(f) }
        }
        return (kept, copies)
    }

    /// The first `limit` rows of every file and sheet exactly as the readers give them
    /// (after decoding, before any header search), for `inspect --rows`; files that
    /// cannot be read come back as errors, and the others are still read.
    public func firstRows(_ paths: [String], limit: Int,
                          _ body: (_ file: String, _ sheet: String?, _ row: RawRow) -> Void) -> [IngestError] {
        let (inputs, problems) = Loader.inputs(paths)
        var errors = problems
        for input in inputs {
            do {
                for sheet in try Workbook.open(input.path, limits: limits) {
                    var n = 0
                    do {
                        try sheet.forEachRow { row in
                            guard n < limit else { return false }
                            n += 1
                            body(input.display, sheet.sheetName, row)
                            return n < limit
                        }
                    } catch let e as IngestError {
                        var e = e
                        e.file = input.display
                        errors.append(e)
                    }
                }
            } catch let e as IngestError {
                var e = e
                e.file = input.display
                errors.append(e)
            } catch {
                errors.append(IngestError(file: input.display, Localized(zh: "无法读取：\(error)", en: "cannot be read: \(error)")))
            }
        }
        return errors
    }

    /// What one file gave: its records, the kinds of its tables, a report per sheet.
    struct FilePart {
        /// The file's records: one sink, or one per part of a file read in parts.
        var sinks = [RecordSink()]
        var present = Set<TableKind>()
        var reports: [TableReport] = []
    }

    /// A whole file: its sheets, each report keyed on the file's content.
    func readFile(path: String, display: String, into tables: RunTables) -> FilePart {
        var part = readSheets(path: path, display: display, into: tables)
        let content = Lazy<String?> { ContentKey.of(path: path) }
        for k in part.reports.indices { part.reports[k].content = content }
        return part
    }

    private func readSheets(path: String, display: String, into tables: RunTables) -> FilePart {
        var part = FilePart()
        let sheets: [any SheetSource]
        do { sheets = try Workbook.open(path, limits: limits) } catch let e as IngestError {
            var e = e
            e.file = display
            part.reports.append(TableReport(file: display, sheet: e.sheet, error: e))
            return part
        } catch {
            part.reports.append(TableReport(file: display, error: IngestError(file: display, Localized(
                zh: "无法读取：\(error)", en: "cannot be read: \(error)"))))
            return part
        }
        for sheet in sheets {
            let r = read(sheet, file: display, into: &part.sinks[0], tables: tables)
            if let k = r.layout?.kind { part.present.insert(k) }
            part.reports.append(r)
        }
        return part
    }

    /// One sheet: find the header in its first rows, then stream the rest. A later part
    /// of a big CSV file (`later`) has no header: it is all data, read with the layout the
    /// first part found. Records are coded in the run's `tables`.
    func read(_ sheet: any SheetSource, file: String, into sink: inout RecordSink, tables: RunTables,
              later: LaterPart? = nil) -> TableReport {
        var report = TableReport(file: file, sheet: sheet.sheetName)
        let finder = HeaderFinder(catalog: catalog)
        var head: [RawRow] = []
        var reader: (any RecordReader)?
        let fileName = (file as NSString).lastPathComponent
        let listName = ((fileName as NSString).deletingPathExtension)

        func skip(_ reason: TableReport.SkipReason, _ row: Int) {
            report.skipped[reason, default: 0] += 1
            if report.skippedRows[reason, default: []].count < TableReport.keptSkippedRows { report.skippedRows[reason, default: []].append(row) }
        }

        let projection = CellProjection()
        func makeReader(_ layout: TableLayout) {
            let cells = SheetReading(layout: layout, file: file, sheet: sheet.sheetName, tables: tables)
            let made = RecordReaders.for(cells, listName: listName, failedAssessment: failedAssessment)
            reader = made
            if projectsColumns { projection.keep(made.readColumns) }
        }

        func start() {
            guard let layout = finder.find(in: head, fileName: fileName) else { return }
            report.layout = layout
            makeReader(layout)
            reserve(for: layout.kind)
            let last = layout.headerRows.last ?? 0
            for row in head where row.number < layout.headerRows.first ?? 0 {
                row.isBlank ? skip(.blank, row.number) : skip(.beforeHeader, row.number)
            }
            // A header cut at the column or cell limit (100,000 columns) or holding bytes that
            // did not decode is named like such a data row (DQ008, DQ009).
            for row in head where layout.headerRows.contains(row.number) {
                let place = SourceRef(file: file, sheet: sheet.sheetName, row: row.number)
                if row.truncated {
                    report.truncatedRows += 1
                    sink.problems.append(CellProblem(kind: .badText, source: place, table: layout.kind, column: "", header: "", value: ""))
                }
                if row.undecodable {
                    sink.problems.append(CellProblem(kind: .undecodable, source: place, table: layout.kind, column: "", header: "", value: ""))
                }
            }
            for row in head where row.number > last { data(row) }
        }

        /// Room for the whole table at once, estimated from the CSV file's size and the
        /// first rows' length: growing an array of millions of records by doubling holds
        /// the old and the new copy at the same time, the run's peak memory. A part of a file
        /// read in parts takes room for its own bytes (parts are not copied together).
        func reserve(for kind: TableKind) {
            guard let csv = sheet as? CSVReader, csv.encoding.isUTF8,
                  let fileSize = InputFiles.size(of: csv.path) else { return }
            // The reader's share of the file: all of it, or one part.
            let size = min(fileSize, csv.range.upperBound) - csv.range.lowerBound
            let sample = (later?.head ?? head).filter { !$0.isBlank }
            let bytes = sample.reduce(0) { $0 + $1.cells.reduce($1.cells.count) { $0 + $1.utf8.count } }
            guard !sample.isEmpty, bytes > 0 else { return }
            let rows = Double(size) / (Double(bytes) / Double(sample.count))
            sink.reserve(kind, Int(rows * 1.05) + 16)
        }

        /// Rows held for the header search when reading failed: counted as not read.
        func failed() {
            for row in head { row.isBlank ? skip(.blank, row.number) : skip(.readError, row.number) }
            head = []
        }

        /// Rows of a sheet in which no header was found: counted as not read.
        func unread(_ rows: [RawRow]) {
            for row in rows { row.isBlank ? skip(.blank, row.number) : skip(.noHeader, row.number) }
        }

        var lastFirst: (text: String?, total: Bool, footer: Bool) = (nil, false, false)
        /// The previous row's first cell when it was the row's first non-blank one.
        var lastRawFirst: ExactText?
        func data(_ row: RawRow) {
            guard let reader else { return }
            if row.truncated { report.truncatedRows += 1 }
            if row.isBlank { skip(.blank, row.number); return }
            // Consecutive rows mostly start with the same cell (a class ID): clean and
            // match it once.
            let rawFirst = row.cells.first.map(ExactText.init)
            if rawFirst == nil || rawFirst != lastRawFirst {
                // The first cell is cleaned once: it is nearly always the first non-blank one.
                let firstIsText = row.cells.first.map { !TextReader.clean($0).isEmpty } ?? false
                let first = (firstIsText ? row.cells.first : row.cells.dropFirst().first { !TextReader.clean($0).isEmpty })
                    .map(ColumnCatalog.cleanHeader) ?? ""
                lastRawFirst = firstIsText ? rawFirst : nil
                if first != lastFirst.text { lastFirst = (first, total: catalog.totalRow.matches(first), footer: catalog.footerRow.matches(first)) }
            }
            if lastFirst.total { skip(.total, row.number); return }
            if lastFirst.footer { skip(.footer, row.number); return }
            if reader.sheet.repeatsHeader(row) { skip(.repeatedHeader, row.number); return }
            sink.add(row, with: reader)
            report.records += 1
        }

        if let later {
            report.layout = later.layout
            makeReader(later.layout)
            reserve(for: later.layout.kind)
        }
        // The header is looked for once, in the first `headerSearchRows` rows. A sheet
        // without one is then only counted, row by row (not kept): searching the growing
        // buffer again on every row was quadratic (1,000 rows of notes took a minute).
        var searched = false
        func each(_ row: RawRow) -> Bool {
            report.rowsRead += 1
            if reader != nil { data(row); return true }
            if searched {
                row.isBlank ? skip(.blank, row.number) : skip(.noHeader, row.number)
                return true
            }
            head.append(row)
            if head.count >= catalog.headerSearchRows {
                start()
                if reader == nil { searched = true; unread(head); head = [] }
            }
            return true
        }
        do {
            if let csv = sheet as? CSVReader { try csv.forEachRow(projection: projection, each) } else { try sheet.forEachRow(each) }
            if reader == nil, !searched, !head.isEmpty {
                start()
                if reader == nil { unread(head) }
            }
        } catch let e as IngestError {
            var e = e
            e.file = file
            report.error = e
            failed()
            return report
        } catch {
            report.error = IngestError(file: file, sheet: sheet.sheetName, Localized(zh: "读取失败：\(error)", en: "read failed: \(error)"))
            failed()
            return report
        }
        if reader == nil {
            let rows = report.skipped[.noHeader] ?? 0
            if rows > 0 {
                report.error = IngestError(file: file, sheet: sheet.sheetName, Localized(
                    zh: "前\(catalog.headerSearchRows)行中找不到可识别的表头（\(rows)行未读取）",
                    en: "no recognisable header in the first \(catalog.headerSearchRows) rows (\(rows) rows not read)"))
            }
        }
        return report
    }
}
