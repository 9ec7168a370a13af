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
    /// A big CSV file is read in up to `maxParts` parts (one per core) of at least
    /// `partSize` bytes (`FileSplit`); tests lower both to cut small files.
    var partSize = Loader.minimumPartSize
    var maxParts = ProcessInfo.processInfo.activeProcessorCount

    public init(catalog: ColumnCatalog, limits: IngestLimits = .default) {
        self.catalog = catalog
        self.limits = limits
    }

    /// Reads files and folders (recursively). Problems with a file become reports with an
    /// error; the other files are still read.
    public func load(paths: [String]) -> LoadedRun {
        var inputs: [(path: String, display: String)] = []
        var reports: [TableReport] = []
        for arg in paths {
            let (files, problems) = InputFiles.expand([arg])
            for p in problems { reports.append(TableReport(file: p.file, sheet: p.sheet, error: p)) }
            var isDir: ObjCBool = false
            let dir = FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) && isDir.boolValue
            for f in files {
                var display = f
                if dir {
                    let base = arg.hasSuffix("/") ? arg : arg + "/"
                    if f.hasPrefix(base) { display = String(f.dropFirst(base.count)) }
                }
                inputs.append((f, display))
            }
        }
        // One task per file on all cores, or per part of a big CSV file, each reading into
        // its own sink; the parts are joined in input order, so records, problems and
        // reports come out exactly as reading the files one after another gives them.
        var tables = RecordTables()
        var present = Set<TableKind>()
        for part in readAll(inputs) {
            for sink in part.sinks { tables.append(sink) }
            present.formUnion(part.present)
            reports.append(contentsOf: part.reports)
        }
        let data = AuditData(tables, present: present, reports: reports)
        return LoadedRun(data: data, reports: reports)
    }

    /// What one file gave: its records, the kinds of its tables, a report per sheet.
    struct FilePart {
        /// The file's records: one sink, or one per part of a file read in parts.
        var sinks = [RecordSink()]
        var present = Set<TableKind>()
        var reports: [TableReport] = []
    }

    func readFile(path: String, display: String) -> FilePart {
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
            let r = read(sheet, file: display, into: &part.sinks[0])
            if let k = r.layout?.kind { part.present.insert(k) }
            part.reports.append(r)
        }
        return part
    }

    /// One sheet: find the header in its first rows, then stream the rest. A later part
    /// of a big CSV file (`later`) has no header: it is all data, read with the layout the
    /// first part found.
    func read(_ sheet: any SheetSource, file: String, into sink: inout RecordSink, later: LaterPart? = nil) -> TableReport {
        var report = TableReport(file: file, sheet: sheet.sheetName)
        let finder = HeaderFinder(catalog: catalog)
        var head: [RawRow] = []
        var builder: RecordBuilder?
        let fileName = (file as NSString).lastPathComponent
        let listName = ((fileName as NSString).deletingPathExtension)

        func skip(_ reason: TableReport.SkipReason, _ row: Int) {
            report.skipped[reason, default: 0] += 1
            if report.skippedRows[reason, default: []].count < TableReport.keptSkippedRows { report.skippedRows[reason, default: []].append(row) }
        }

        func start() {
            guard let layout = finder.find(in: head, fileName: fileName) else { return }
            report.layout = layout
            builder = RecordBuilder(layout: layout, file: file, sheet: sheet.sheetName, listName: listName)
            reserve(for: layout.kind)
            let last = layout.headerRows.last ?? 0
            for row in head where row.number < layout.headerRows.first ?? 0 {
                row.isBlank ? skip(.blank, row.number) : skip(.beforeHeader, row.number)
            }
            for row in head where row.number > last { data(row) }
        }

        /// Room for the whole table at once, estimated from the CSV file's size and the
        /// first rows' length: growing an array of millions of records by doubling holds
        /// the old and the new copy at the same time, the run's peak memory. A part of a file
        /// read in parts takes room for its own bytes (parts are not copied together).
        func reserve(for kind: TableKind) {
            guard let csv = sheet as? CSVReader, csv.encoding != .gb18030,
                  let fileSize = (try? FileManager.default.attributesOfItem(atPath: csv.path))?[.size] as? Int else { return }
            // The reader's share of the file: all of it, or one part.
            let size = min(fileSize, csv.range.upperBound) - csv.range.lowerBound
            let sample = (later?.head ?? head).filter { !$0.isBlank }
            let bytes = sample.reduce(0) { $0 + $1.cells.reduce($1.cells.count) { $0 + $1.utf8.count } }
            guard !sample.isEmpty, bytes > 0 else { return }
            let rows = Double(size) / (Double(bytes) / Double(sample.count))
            sink.reserve(kind, Int(rows * 1.05) + 16)
        }

        var lastFirst: (text: String?, total: Bool, footer: Bool) = (nil, false, false)
        /// The previous row's first cell when it was the row's first non-blank one.
        var lastRawFirst: SharedText.Bytes?
        func data(_ row: RawRow) {
            guard let b = builder else { return }
            if row.truncated { report.truncatedRows += 1 }
            if row.isBlank { skip(.blank, row.number); return }
            // Consecutive rows mostly start with the same cell (a class ID): clean and
            // match it once.
            let rawFirst = row.cells.first.map(SharedText.Bytes.init)
            if rawFirst == nil || rawFirst != lastRawFirst {
                let first = row.cells.first { !TextReader.clean($0).isEmpty }.map(ColumnCatalog.cleanHeader) ?? ""
                lastRawFirst = row.cells.first.map { TextReader.clean($0).isEmpty } == false ? rawFirst : nil
                if first != lastFirst.text { lastFirst = (first, total: catalog.totalRow.matches(first), footer: catalog.footerRow.matches(first)) }
            }
            if lastFirst.total { skip(.total, row.number); return }
            if lastFirst.footer { skip(.footer, row.number); return }
            if HeaderFinder.repeats(row, b.layout) { skip(.repeatedHeader, row.number); return }
            sink.add(row, b)
            report.records += 1
        }

        if let later {
            report.layout = later.layout
            builder = RecordBuilder(layout: later.layout, file: file, sheet: sheet.sheetName, listName: listName)
            reserve(for: later.layout.kind)
        }
        do {
            try sheet.forEachRow { row in
                report.rowsRead += 1
                if builder != nil { data(row); return true }
                head.append(row)
                if head.count >= catalog.headerSearchRows { start() }
                return true
            }
            if builder == nil, !head.isEmpty { start() }
        } catch let e as IngestError {
            var e = e
            e.file = file
            report.error = e
            return report
        } catch {
            report.error = IngestError(file: file, sheet: sheet.sheetName, Localized(zh: "读取失败：\(error)", en: "read failed: \(error)"))
            return report
        }
        if builder == nil {
            let rows = head.filter { !$0.isBlank }.count
            if rows > 0 {
                report.error = IngestError(file: file, sheet: sheet.sheetName, Localized(
                    zh: "前\(catalog.headerSearchRows)行中找不到可识别的表头（\(rows)行未读取）",
                    en: "no recognisable header in the first \(catalog.headerSearchRows) rows (\(rows) rows not read)"))
            }
        }
        return report
    }
}
