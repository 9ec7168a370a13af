import Foundation

/// Turns the paths a user gave into the list of files to read.
public enum InputFiles {
    /// Extensions read as tables.
    static let tableExtensions: Set<String> = ["csv", "tsv", "txt", "xlsx", "xlsm"]

    static func oldXLS(_ path: String) -> IngestError {
        IngestError(file: path, Localized(
            zh: "旧版 .xls 格式不支持，请用 Excel/WPS 另存为 .xlsx",
            en: "old binary .xls is not supported: save it as .xlsx in Excel or WPS"))
    }

    /// Files are kept as given; folders are read recursively, entries sorted by path so a
    /// run is deterministic. Hidden entries (".…") and Office lock files ("~$…") are
    /// skipped; in folders only .csv .tsv .txt .xlsx .xlsm are kept (other files ignored,
    /// .xls reported). A missing path, or a file given by name with another extension, is
    /// a problem.
    public static func expand(_ paths: [String]) -> (files: [String], problems: [IngestError]) {
        var files: [String] = []
        var problems: [IngestError] = []
        var visited: Set<String> = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(IngestError(file: path, Localized(zh: "文件或文件夹不存在", en: "no such file or folder")))
                continue
            }
            if isDir.boolValue {
                walk(path, into: &files, problems: &problems, visited: &visited)
            } else {
                let ext = (path as NSString).pathExtension.lowercased()
                if ext == "xls" {
                    problems.append(oldXLS(path))
                } else if tableExtensions.contains(ext) {
                    files.append(path)
                } else {
                    problems.append(IngestError(file: path, Localized(
                        zh: "不支持的文件类型（支持 .xlsx .xlsm .csv .tsv .txt）",
                        en: "unsupported file type (.xlsx .xlsm .csv .tsv .txt are read)")))
                }
            }
        }
        return (files, problems)
    }

    private static func walk(_ folder: String, into files: inout [String], problems: inout [IngestError],
                             visited: inout Set<String>) {
        // Symbolic links could loop: each real folder is read once.
        let real = (folder as NSString).resolvingSymlinksInPath
        guard visited.insert(real).inserted else { return }
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder)
        } catch {
            problems.append(IngestError(file: folder, Localized(zh: "无法读取文件夹", en: "cannot read the folder")))
            return
        }
        let children = names
            .filter { !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
            .map { (folder as NSString).appendingPathComponent($0) }
            .sorted()
        for child in children {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: child, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                walk(child, into: &files, problems: &problems, visited: &visited)
            } else {
                let ext = (child as NSString).pathExtension.lowercased()
                if ext == "xls" {
                    problems.append(oldXLS(child))
                } else if tableExtensions.contains(ext) {
                    files.append(child)
                }
            }
        }
    }
}

/// Opens a file as sheets: CSV-like files as one sheet, workbooks as one per worksheet.
public enum Workbook {
    /// The extensions `open` reads as workbooks (or refuses, .xls): any other file is text.
    static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xls"]

    public static func open(_ path: String, limits: IngestLimits = .default) throws -> [any SheetSource] {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "xlsx", "xlsm":
            return try XLSXWorkbook(path: path, limits: limits).sheets
        case "xls":
            throw InputFiles.oldXLS(path)
        default:
            let head = try ByteFile(path: path).readUpTo(4)
            if head == [0x50, 0x4B, 0x03, 0x04] {
                throw IngestError(file: path, Localized(
                    zh: "文件扩展名是 .\(ext)，但内容其实是 xlsx（zip）文件：请把扩展名改为 .xlsx",
                    en: "the file is named .\(ext) but is really an xlsx (zip) file: rename it to .xlsx"))
            }
            if head == [0xD0, 0xCF, 0x11, 0xE0] {
                throw InputFiles.oldXLS(path)
            }
            return [try CSVReader(path: path, limits: limits)]
        }
    }
}
