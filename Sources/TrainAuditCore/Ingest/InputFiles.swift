import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the paths a user gave into the list of files to read.
public enum InputFiles {
    /// Extensions read as tables.
    static let tableExtensions: Set<String> = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "et"]
    /// A folder walk stops past this many files, or this deep, and says so: a link farm
    /// or a runaway export cannot make a run endless.
    static let maxFiles = 100_000
    static let maxDepth = 32

    /// What a path is, from stat(2), following links.
    enum Entry { case file, folder, special, missing }

    static func entry(_ path: String) -> Entry {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .special
        }
    }

    /// The folder's identity (device and inode): the same folder reached through any
    /// number of links is one.
    static func identity(_ path: String) -> [UInt64]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    /// The file's size in bytes, from stat(2), following links (FileManager's attributes
    /// are the link's own: a linked 2 GB sign-in file looked like a few bytes, was read on
    /// one core and was recorded with the link's size); nil when it cannot be read.
    public static func size(of path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    static func special(_ path: String) -> IngestError {
        IngestError(file: path, Localized(
            zh: "不是普通文件（管道、设备或套接字），已跳过",
            en: "not a regular file (a pipe, device or socket): skipped"))
    }

    /// Files are kept as given; folders are read recursively, entries sorted by path so a
    /// run is deterministic, each folder once however many links lead to it. Hidden
    /// entries (".…") and Office lock files ("~$…") are skipped; in folders only .csv .tsv
    /// .txt .xlsx .xlsm .xls .et are kept (other files ignored). A missing path, a special
    /// file (FIFO, device, socket), or a file given by name with another extension is a
    /// problem; so is a walk cut at `maxFiles` files or `maxDepth` levels.
    public static func expand(_ paths: [String]) -> (files: [String], problems: [IngestError]) {
        var walk = Walk()
        for path in paths {
            switch entry(path) {
            case .missing:
                walk.problems.append(IngestError(file: path, Localized(zh: "文件或文件夹不存在", en: "no such file or folder")))
            case .special:
                walk.problems.append(special(path))
            case .folder:
                walk.visit(path, depth: 0)
            case .file:
                let ext = (path as NSString).pathExtension.lowercased()
                if tableExtensions.contains(ext) {
                    walk.add(path)
                } else {
                    walk.problems.append(IngestError(file: path, Localized(
                        zh: "不支持的文件类型（支持 .xlsx .xlsm .xls .et .csv .tsv .txt）",
                        en: "unsupported file type (.xlsx .xlsm .xls .et .csv .tsv .txt are read)")))
                }
            }
        }
        return (walk.files, walk.problems)
    }

    private struct Walk {
        var files: [String] = []
        var problems: [IngestError] = []
        var visited: Set<[UInt64]> = []
        var stoppedAtFileCap = false

        mutating func add(_ file: String) {
            guard files.count < InputFiles.maxFiles else {
                if !stoppedAtFileCap {
                    stoppedAtFileCap = true
                    problems.append(IngestError(file: file, Localized(
                        zh: "文件数超过上限（\(InputFiles.maxFiles) 个），此后的文件未读取",
                        en: "more than \(InputFiles.maxFiles) files: this one and those after it were not read")))
                }
                return
            }
            files.append(file)
        }

        mutating func visit(_ folder: String, depth: Int) {
            guard let id = InputFiles.identity(folder), visited.insert(id).inserted else { return }
            guard depth <= InputFiles.maxDepth else {
                problems.append(IngestError(file: folder, Localized(
                    zh: "文件夹层级超过 \(InputFiles.maxDepth) 层，未读取", en: "nested more than \(InputFiles.maxDepth) folders deep: not read")))
                return
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                problems.append(IngestError(file: folder, Localized(zh: "无法读取文件夹", en: "cannot read the folder")))
                return
            }
            let children = names
                .filter { !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
                .map { (folder as NSString).appendingPathComponent($0) }
                .sorted()
            for child in children {
                let ext = (child as NSString).pathExtension.lowercased()
                switch InputFiles.entry(child) {
                case .missing: continue  // a dangling link
                case .folder: visit(child, depth: depth + 1)
                case .special:
                    if InputFiles.tableExtensions.contains(ext) { problems.append(InputFiles.special(child)) }
                case .file:
                    if InputFiles.tableExtensions.contains(ext) { add(child) }
                }
            }
        }
    }
}

/// Opens a file as sheets: CSV-like files as one sheet, workbooks as one per worksheet.
public enum Workbook {
    /// The extensions `open` reads as workbooks when their bytes do not say otherwise:
    /// any other file is text.
    static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xls", "et"]

    /// The format is decided by the file's first bytes, not its name (offices rename
    /// files): a compound file is read as .xls/.et, a zip as .xlsx, whatever the name; an
    /// .xls that is really HTML or an XML spreadsheet is named so; one that is really
    /// text is read as CSV.
    public static func open(_ path: String, limits: IngestLimits = .default) throws -> [any SheetSource] {
        if try ByteFile(path: path).size() == 0 {
            throw IngestError(file: path, Localized(zh: "文件为空（0 字节），没有可读取的内容", en: "the file is empty (0 bytes): nothing to read"))
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let head = try ByteFile(path: path).readUpTo(512)
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return try XLSWorkbook(path: path, limits: limits).sheets
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try XLSXWorkbook(path: path, limits: limits).sheets
        }
        switch ext {
        case "xlsx", "xlsm":
            return try XLSXWorkbook(path: path, limits: limits).sheets
        case "xls", "et":
            if head.count >= 2, BIFFRecordType.oldBOFs.contains(UInt16(head[0]) | UInt16(head[1]) << 8) {
                throw XLSWorkbook.tooOld(path, "Excel 2.x–4.x")
            }
            if let markup = markupKind(head) {
                throw IngestError(file: path, Localized(
                    zh: "文件扩展名是 .\(ext)，但内容其实是\(markup.zh)，不是 Excel 工作簿：请在 Excel/WPS 中打开后另存为 .xlsx",
                    en: "the file is named .\(ext) but is really \(markup.en), not an Excel workbook: open it in Excel or WPS and save it as .xlsx"))
            }
            return [try CSVReader(path: path, limits: limits)]
        default:
            return [try CSVReader(path: path, limits: limits)]
        }
    }

    /// What markup an .xls holds when it is a web page or an XML spreadsheet (what
    /// "save as web page" and many export systems write under an .xls name).
    static func markupKind(_ head: [UInt8]) -> Localized? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        while let b = bytes.first, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { bytes = bytes.dropFirst() }
        guard bytes.first == 0x3C else { return nil } // "<"
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        if text.contains("urn:schemas-microsoft-com:office:spreadsheet") || text.contains("<workbook") {
            return Localized(zh: "XML 表格（Excel 2003 XML）", en: "an XML spreadsheet (Excel 2003 XML)")
        }
        if text.hasPrefix("<?xml") && !text.contains("<html") {
            return Localized(zh: "XML 文件", en: "an XML file")
        }
        return Localized(zh: "网页（HTML）表格", en: "a web page (HTML table)")
    }
}
