import Foundation

/// What a run was made from, so it can be reproduced and filed with the working papers
/// (issue 11 §5; what ACL's log and IDEA's history give their users): the tool version,
/// the pack with the files of its chain and a hash of the settings in force, the as-of
/// day, and every input file with its SHA-256 and the rows read from each sheet.
/// `--summary FILE` writes it as JSON; the workbooks carry it on a sheet of their own.
public struct RunRecord {
    public struct Sheet {
        public var sheet: String?
        public var kind: TableKind?
        public var rowsRead: Int
        public var records: Int
        public var skipped: Int
        public var error: String?
    }

    public struct Input {
        public var file: String
        public var path: String?
        public var sha256: String?
        public var bytes: Int64?
        public var sheets: [Sheet]
    }

    public var command: String
    public var arguments: [String]
    public var version = ToolVersion.current
    public var pack: String
    public var packChain: [String]
    /// Each pack file of the chain (base first) with its SHA-256.
    public var packFiles: [(name: String, path: String, sha256: String?)]
    /// SHA-256 over every setting in force, one "key<TAB>value<TAB>source" line each (and
    /// the class-start days of a dated value), keys sorted: equal when two runs applied the
    /// same thresholds, whatever the files look like.
    public var settingsSHA256: String
    public var asOf: Day
    public var inputs: [Input]
    /// What the command adds (counts, the seed, the baseline…): key → a JSON value as text.
    public var extra: [(key: String, json: String)] = []

    public init(command: String, arguments: [String], engine: Engine, packArgument: String, asOf: Day,
                reports: [TableReport], paths: [String]) {
        self.command = command
        self.arguments = arguments
        let s = engine.settings
        pack = s.packName
        packChain = s.chain
        settingsSHA256 = RunRecord.settingsHash(s)
        // The chain as RulePack resolves it: the named pack, then each `extends` in the
        // folder of the file that names it.
        var files: [(String, String, String?)] = []
        var path = RulePack.path(packArgument, directory: engine.rulesDirectory)
        for name in s.chain.reversed() {
            if files.isEmpty == false { path = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name + ".yaml") }
            files.append((name, path, SHA256.file(path)))
        }
        packFiles = files.reversed()
        self.asOf = asOf
        let byName = FindingsReport.inputFiles(paths)
        var order: [String] = []
        var sheets: [String: [Sheet]] = [:]
        for r in reports {
            if sheets[r.file] == nil { order.append(r.file) }
            sheets[r.file, default: []].append(Sheet(sheet: r.sheet, kind: r.layout?.kind, rowsRead: r.rowsRead, records: r.records,
                                                     skipped: r.skippedTotal, error: r.error?.message.text(.en)))
        }
        inputs = order.map { file in
            let p = byName[file]
            let size = p.flatMap(InputFiles.size).map(Int64.init)
            return Input(file: file, path: p, sha256: p.flatMap(SHA256.file), bytes: size, sheets: sheets[file] ?? [])
        }
    }

    public static func settingsHash(_ s: Settings) -> String {
        var text = ""
        for k in AnySettingKey.all.sorted(by: { $0.name < $1.name }) {
            for d in s.describe(k) {
                let days = d.from == nil && d.until == nil ? "" : "\t\(d.from?.description ?? "")..\(d.until?.description ?? "")"
                text += "\(k)\t\(d.value)\t\(d.source.canonical)\(days)\n"
            }
        }
        var h = SHA256()
        h.update(Array(text.utf8))
        return h.finish()
    }

    public var rowsRead: Int { inputs.flatMap(\.sheets).map(\.rowsRead).reduce(0, +) }

    /// The record as one JSON object (keys in a fixed order, two-space indent).
    public func json() -> String {
        let q = JSONLWriter.json
        func opt(_ s: String?) -> String { s.map(q) ?? "null" }
        var out = "{\n"
        out += "  \"tool\": \"trainaudit\",\n  \"version\": \(q(version)),\n  \"command\": \(q(command)),\n"
        out += "  \"arguments\": [" + arguments.map(q).joined(separator: ", ") + "],\n"
        out += "  \"pack\": \(q(pack)),\n  \"pack_chain\": [" + packChain.map(q).joined(separator: ", ") + "],\n"
        out += "  \"pack_files\": [" + packFiles.map { "{\"name\": \(q($0.name)), \"path\": \(q($0.path)), \"sha256\": \(opt($0.sha256))}" }
            .joined(separator: ", ") + "],\n"
        out += "  \"settings_sha256\": \(q(settingsSHA256)),\n  \"as_of\": \(q(asOf.description)),\n"
        out += "  \"inputs\": [\n" + inputs.map { i in
            "    {\"file\": \(q(i.file)), \"path\": \(opt(i.path)), \"sha256\": \(opt(i.sha256)), \"bytes\": \(i.bytes.map { String($0) } ?? "null"), "
                + "\"rows_read\": \(i.sheets.map(\.rowsRead).reduce(0, +)), \"sheets\": ["
                + i.sheets.map { s in
                    "{\"sheet\": \(opt(s.sheet)), \"kind\": \(opt(s.kind?.rawValue)), \"rows_read\": \(s.rowsRead), \"records\": \(s.records), "
                        + "\"skipped\": \(s.skipped), \"error\": \(opt(s.error))}"
                }.joined(separator: ", ") + "]}"
        }.joined(separator: ",\n") + "\n  ]"
        for (k, v) in extra { out += ",\n  \(q(k)): \(v)" }
        return out + "\n}\n"
    }

    /// The record as label/value pairs for a workbook sheet or a page.
    public func pairs(_ lang: Lang) -> [(String, String)] {
        let zh = lang == .zh
        var out: [(String, String)] = [
            (zh ? "工具版本" : "tool version", "trainaudit " + version),
            (zh ? "命令" : "command", (["trainaudit", command] + arguments).joined(separator: " ")),
            (zh ? "规则包" : "rule pack", pack + "（" + packChain.joined(separator: " → ") + "）"),
            (zh ? "规则设定 SHA-256" : "settings SHA-256", settingsSHA256),
            (zh ? "检查基准日" : "as of", asOf.description),
        ]
        for f in packFiles { out.append((zh ? "规则包文件 \(f.name)" : "pack file \(f.name)", (f.sha256 ?? "?") + "  " + f.path)) }
        for i in inputs {
            let rows = i.sheets.map(\.rowsRead).reduce(0, +)
            out.append((i.file, (i.sha256 ?? (zh ? "（无法读取）" : "(unreadable)")) + (zh ? "  读取 \(rows) 行" : "  \(rows) rows read")))
        }
        return out
    }

    /// One line for the run summary on stderr: what the output was made from, without
    /// reading the inputs again (their digests are in `--summary FILE` and the workbook).
    public static func headline(settings: Settings, asOf: Day, reports: [TableReport], lang: Lang) -> String {
        let files = Set(reports.map(\.file)).count, rows = reports.map(\.rowsRead).reduce(0, +)
        let hash = String(settingsHash(settings).prefix(12))
        return lang == .zh
            ? "运行记录：trainaudit \(ToolVersion.current)，规则包 \(settings.packName)（设定 SHA-256 \(hash)…），基准日 \(asOf)，\(files) 个文件 \(rows) 行（各文件 SHA-256 见 --summary FILE）"
            : "run: trainaudit \(ToolVersion.current), pack \(settings.packName) (settings SHA-256 \(hash)…), as of \(asOf), \(files) files, \(rows) rows (each file's SHA-256: --summary FILE)"
    }

    /// Writes `json()` to `path` (whole, through a temporary file).
    public func write(to path: String) throws {
        try Data(json().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
