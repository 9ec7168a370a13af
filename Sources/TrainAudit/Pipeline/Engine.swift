import Foundation

/// Why a check did not run.
public struct SkippedCheck: Sendable {
    public var code: String
    public var reason: Localized
}

/// A finished scan: ranked findings, what ran and what was skipped, and what was read.
public struct ScanResult: Sendable {
    public var findings: [Finding]
    public var ran: [String]
    public var skipped: [SkippedCheck]
    public var reports: [TableReport]
    public var data: AuditData

    /// Why the run could not do its job though files were read: every table empty, or no
    /// trainee with a readable ID. The command line then exits 2, so a script never takes
    /// "could not check" for "clean".
    public var failure: Localized? {
        let tables = reports.filter { $0.layout != nil && $0.error == nil }
        guard !tables.isEmpty else { return nil }
        if tables.allSatisfy({ $0.records == 0 }) {
            return Localized(zh: "读到的表格都只有表头，没有数据行：无法核查", en: "every table read has a header and no data rows: nothing could be checked")
        }
        if data.enrollments.count > 0, !data.enrollments.contains(where: { $0.id.id != nil }) {
            return Localized(zh: "培训台账中没有一个可读的身份证号：各表无法关联，核查无法进行（见 DQ001、ID 类问题）",
                             en: "no line of the training ledgers has a readable ID: the tables cannot be joined and the checks cannot run (see DQ001 and the ID findings)")
        }
        return nil
    }
}

/// Wires the one flow together: files → rows → records → index → checks → ranked findings.
/// The command line and the tests both go through it.
public struct Engine: Sendable {
    public let rulesDirectory: String
    public let catalog: ColumnCatalog
    public let settings: Settings
    public let regions: RegionTable
    public var limits: IngestLimits = .default

    /// Loads `columns.yaml`, `regions.tsv` and the pack from `rulesDirectory`.
    public init(rulesDirectory: String, pack: String) throws {
        self.rulesDirectory = rulesDirectory
        catalog = try ColumnCatalog(path: rulesDirectory + "/columns.yaml")
        settings = try RulePack.load(pack, directory: rulesDirectory)
        regions = try RegionTable(tsvPath: rulesDirectory + "/regions.tsv")
    }

    /// The loader this engine reads files with.
    public var loader: Loader { Loader(catalog: catalog, limits: limits, settings: settings) }

    public func load(_ paths: [String]) -> LoadedRun {
        loader.load(paths: paths)
    }

    public func scan(_ paths: [String], asOf: Day, checks: [any Check] = AllChecks.all) -> ScanResult {
        let run = load(paths)
        return scan(run.data, asOf: asOf, checks: checks)
    }

    public func scan(_ data: AuditData, asOf: Day, checks: [any Check] = AllChecks.all) -> ScanResult {
        let audit = Audit(data: data, settings: settings, regions: regions, asOf: asOf)
        var findings: [Finding] = []
        var ran: [String] = [], skipped: [SkippedCheck] = []
        var toRun: [any Check] = []
        for check in checks {
            if let reason = Engine.skipReason(check.info, audit) {
                skipped.append(SkippedCheck(code: check.info.code, reason: reason))
                continue
            }
            ran.append(check.info.code)
            toRun.append(check)
        }
        // Checks only read the data: they run on all cores, their findings joined in
        // check order as a loop would. Review checks (TGT) read the others' findings: when
        // one runs, every other check that can run does, selected or not, and only the
        // selected ones' findings are reported.
        let reviews = toRun.compactMap { $0 as? any ReviewCheck }
        let selected = Set(toRun.map(\.info.code))
        let first = reviews.isEmpty ? toRun
            : AllChecks.all.filter { !($0 is any ReviewCheck) && Engine.skipReason($0.info, audit) == nil }
        var everything: [Finding] = []
        for found in Parallel.map(first.count, { i in first[i].run(audit) }) { everything += found }
        findings = everything.filter { selected.contains($0.code) }
        for review in reviews { findings += review.review(audit, findings: everything) }
        return ScanResult(findings: Ranking.rank(RowNotes.apply(findings, data), data: data), ran: ran, skipped: skipped, reports: data.reports, data: data)
    }

    /// A check runs only when its tables are present and the pack sets what it reads.
    static func skipReason(_ info: CheckInfo, _ audit: Audit) -> Localized? {
        let missing = info.needs.filter { !audit.data.has($0) }
        if !missing.isEmpty {
            return Localized(zh: "缺少" + missing.map { $0.title.zh }.joined(separator: "、"),
                             en: "no " + missing.map { $0.title.en }.joined(separator: ", "))
        }
        let unset = info.settings.filter { !audit.settings.has($0) }.map(\.name)
        if !unset.isEmpty {
            return Localized(zh: "规则包 \(audit.settings.packName) 未设定 " + unset.joined(separator: "、"),
                             en: "pack \(audit.settings.packName) does not set " + unset.joined(separator: ", "))
        }
        return nil
    }
}

extension RegionTable: RegionCodes {}

/// Where the shipped `rules/` folder is: `$TRAINAUDIT_RULES`, else `PREFIX/share/trainaudit/rules`
/// beside an installed `PREFIX/bin/trainaudit` (scripts/install), else the nearest `rules/`
/// with a columns.yaml above the executable (a build in the checkout), else `./rules`.
public enum RulesDirectory {
    public static func locate(executable: String = CommandLine.arguments.first ?? "") -> String {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["TRAINAUDIT_RULES"], !env.isEmpty { return env }
        // Run by name from PATH, argv[0] has no folder: the kernel knows the file.
        var path = executable
        if !path.contains("/"), let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { path = exe }
        var dir = URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = dir.deletingLastPathComponent().appendingPathComponent("share/trainaudit/rules")
        if fm.fileExists(atPath: installed.appendingPathComponent("columns.yaml").path) { return installed.path }
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("rules")
            if fm.fileExists(atPath: candidate.appendingPathComponent("columns.yaml").path) { return candidate.path }
            dir.deleteLastPathComponent()
        }
        return fm.currentDirectoryPath + "/rules"
    }
}
