import ArgumentParser
import Foundation
import TrainAudit

/// Where findings go: the format (from --format, else -o's extension, else table on a
/// terminal and JSON Lines otherwise) and the checks on -o made before any input is read.
struct OutputTarget {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, tsv, csv, table, xlsx, html, pdf
    }

    /// The format an output file's extension names, if any.
    static func format(forExtension path: String) -> Format? {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonl
        case "tsv": return .tsv
        case "csv": return .csv
        case "xlsx": return .xlsx
        case "html", "htm": return .html
        case "pdf": return .pdf
        default: return nil
        }
    }

    /// Checks -o FILE against --format, the inputs and --baseline, and that its folder can
    /// be written, so a wrong path fails at once rather than after the whole scan.
    static func validate(output: String?, format: Format?, inputs: [String], baseline: String?, lang: Lang) throws {
        let zh = lang == .zh
        guard let output else {
            if (format == .xlsx || format == .pdf) && isTerminal(1) {
                throw ValidationError(zh ? "\(format!.rawValue) 是二进制文件，不能输出到终端：请用 -o 文件名.\(format!.rawValue)"
                                         : "\(format!.rawValue) is binary and cannot go to a terminal: give -o FILE.\(format!.rawValue)")
            }
            if format == .pdf, Browser.path == nil { throw ValidationError(Browser.missing(lang)) }
            return
        }
        if format == .pdf || Self.format(forExtension: output) == .pdf, Browser.path == nil { throw ValidationError(Browser.missing(lang)) }
        if let format, let named = Self.format(forExtension: output), named != format {
            throw ValidationError(zh ? "-o \(output) 的扩展名表示 \(named.rawValue) 格式，与 --format \(format.rawValue) 不符"
                                     : "-o \(output): the extension means \(named.rawValue), but --format is \(format.rawValue)")
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: output, isDirectory: &isDir), isDir.boolValue {
            throw ValidationError(zh ? "-o \(output) 是文件夹，请给出文件名" : "-o \(output) is a folder: give a file name")
        }
        let folder = (output as NSString).deletingLastPathComponent.isEmpty ? "." : (output as NSString).deletingLastPathComponent
        if !fm.fileExists(atPath: folder, isDirectory: &isDir) || !isDir.boolValue {
            throw ValidationError(zh ? "-o \(output)：文件夹 \(folder) 不存在" : "-o \(output): the folder \(folder) does not exist")
        }
        if access(folder, W_OK) != 0 || (fm.fileExists(atPath: output) && access(output, W_OK) != 0) {
            throw ValidationError(zh ? "-o \(output)：没有写入权限" : "-o \(output): not writable (permission denied)")
        }
        // Never write over what the run reads.
        let target = realPath(output)
        if let baseline, realPath(baseline) == target {
            throw ValidationError(zh ? "-o \(output) 就是 --baseline 文件，不能覆盖" : "-o \(output) is the --baseline file: it would be overwritten")
        }
        if fm.fileExists(atPath: output) {
            let files = InputFiles.expand(inputs).files
            if files.contains(where: { realPath($0) == target }) {
                throw ValidationError(zh ? "-o \(output) 是输入文件之一，不能覆盖" : "-o \(output) is one of the input files: it would be overwritten")
            }
        }
    }

    /// The path with symbolic links and `..` resolved (the folder's, when the file is new).
    static func realPath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path) { return url.resolvingSymlinksInPath().path }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }
}

/// A progress line on stderr while a scan runs, only when stderr is a terminal: what is
/// being done, files and rows once known, and the time so far. Redrawn in place with CR,
/// cleared at the end.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    private var running = true
    private let start = Date()
    private let enabled: Bool
    private var thread: Thread?

    init(enabled: Bool = isTerminal(2)) {
        self.enabled = enabled
        guard enabled else { return }
        let t = Thread { [weak self] in
            while let self, self.tick() { Thread.sleep(forTimeInterval: 0.25) }
        }
        thread = t
        t.start()
    }

    func set(_ s: String) {
        lock.lock(); text = s; lock.unlock()
        _ = draw()
    }

    private func tick() -> Bool { draw() }

    @discardableResult private func draw() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard enabled, running else { return false }
        let seconds = String(format: "%.1fs", Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text + "  " + seconds).utf8))
        return true
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        guard enabled, running else { return }
        running = false
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Terminal size from `stty size` on the controlling terminal; nil when there is none.
func terminalSize() -> (rows: Int, columns: Int)? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "stty size < /dev/tty 2>/dev/null"]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let parts = String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
    guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
    return (parts[0], parts[1])
}

/// Shows `text` through $PAGER (default `less -R`); false when no pager could be run.
/// popen, not Process: Foundation starts a child in a session of its own, where the pager
/// has no terminal to read keys from and quits after the first screen.
func page(_ text: String) -> Bool {
    let pager = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -R"
    if ProcessInfo.processInfo.environment["LESS"] == nil { setenv("LESS", "FRX", 1) }
    // A reader who quits the pager early closes the pipe: ignore SIGPIPE and stop writing.
    signal(SIGPIPE, SIG_IGN)
    guard let pipe = popen(pager, "w") else { return false }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, pipe) }
        if n <= 0 { break }
        bytes = bytes.dropFirst(n)
    }
    let status = pclose(pipe)
    // 127: the shell found no such pager; then the text is printed as it is.
    return status != -1 && (status >> 8) & 0xff != 127
}

/// The PDF is the HTML page printed by a real browser (Chromium headless), so it is exactly
/// what "print to PDF" of the page gives: the print stylesheet's A4 pages, page numbers and
/// repeated table header, Chinese fonts from the system (fonts-noto-cjk).
enum Browser {
    static var path: String? {
        if let env = ProcessInfo.processInfo.environment["TRAINAUDIT_CHROMIUM"], !env.isEmpty {
            return FileManager.default.isExecutableFile(atPath: env) ? env : nil
        }
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        }
        return nil
    }

    static func missing(_ lang: Lang) -> String {
        lang == .zh ? "--format pdf 需要 Chromium 浏览器（Debian：apt-get install chromium fonts-noto-cjk），或用 --format html 后在浏览器中打印"
                    : "--format pdf needs Chromium (Debian: apt-get install chromium fonts-noto-cjk); or write --format html and print it from a browser"
    }

    /// Prints `html` to `pdf`; the error names what went wrong.
    static func printToPDF(html: String, pdf: String, lang: Lang) throws {
        guard let exe = path else { throw CocoaError(.fileNoSuchFile) }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("trainaudit-print-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let page = work.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        let out = URL(fileURLWithPath: pdf).standardizedFileURL.path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        // Chromium refuses its sandbox to root; elsewhere it keeps it.
        p.arguments = ["--headless", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                       "--user-data-dir=" + work.appendingPathComponent("profile").path,
                       "--no-pdf-header-footer", "--print-to-pdf=" + out, page.absoluteString]
            + (geteuid() == 0 ? ["--no-sandbox"] : [])
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0, fm.fileExists(atPath: out) else {
            // Seen: Chromium 156 exits 0 without a PDF for a page of 12,000 findings
            // (thousands of A4 pages).
            throw NSError(domain: "trainaudit", code: Int(p.terminationStatus), userInfo: [NSLocalizedDescriptionKey: lang == .zh
                ? "\(exe) 没有生成 PDF（退出码 \(p.terminationStatus)）；报告很大时请用 --format html，或用 --min-severity、--select 缩小范围"
                : "\(exe) made no PDF (exit \(p.terminationStatus)); for a large report write --format html, or narrow it with --min-severity or --select"])
        }
    }
}
