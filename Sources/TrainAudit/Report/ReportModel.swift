import Foundation

/// What the workbook and the HTML report show besides the findings: the run's inputs, the
/// pack and its documents, the as-of day, the tool version, counts, money at risk and the
/// roll-ups. Built once from a scan; the writers only lay it out.
public struct FindingsReport {
    /// One sheet (or CSV file) that was read, with the digest of its file.
    public struct Input {
        public var file: String
        public var sheet: String?
        public var kind: TableKind?
        public var rowsRead: Int
        public var records: Int
        public var skipped: Int
        public var sha256: String?
        public var error: String?
    }

    /// Findings and money at risk for one institution, class or county.
    public struct Rollup {
        public var unit: String
        public var findings: Int
        public var bySeverity: [Severity: Int]
        public var people: Int
        /// Each payment counted once, in the unit of the class it pays for
        /// (RunSummary.moneyAtRisk, PaymentAttribution): the units add up to the total.
        public var moneyAtRisk: Int64
    }

    public var findings: [Finding]
    public var presentation: Presentation
    public var inputs: [Input]
    public var pack: String
    public var packChain: [String]
    /// The policy documents the pack's settings cite, by title (and 文号, date).
    public var documents: [String]
    /// The declared documents, to show the checks' sources by.
    public var policyDocuments: PolicyDocuments
    public var asOf: Day
    public var version: String
    /// SHA-256 of the settings in force (RunRecord.settingsHash).
    public var settingsSHA256: String
    public var moneyAtRisk: Int64
    public var byInstitution: [Rollup]
    public var byClass: [Rollup]
    public var byCounty: [Rollup]
    /// Checks that did not run, with why.
    public var skipped: [SkippedCheck]

    public var lang: Lang { presentation.lang }

    /// - Parameters:
    ///   - paths: the paths the scan was given, to find each input's file for its digest.
    public init(result: ScanResult, shown: [Finding], settings: Settings, asOf: Day,
                presentation: Presentation, paths: [String], digests: Bool = true) {
        findings = shown
        self.presentation = presentation
        self.asOf = asOf
        version = ToolVersion.current
        pack = settings.packName
        packChain = settings.chain
        settingsSHA256 = RunRecord.settingsHash(settings)
        policyDocuments = settings.documents
        documents = settings.citedDocuments.map { PolicySource.cited($0, presentation.lang) }
        let files = digests ? FindingsReport.inputFiles(paths) : [:]
        var digestOf: [String: String] = [:]
        inputs = result.reports.map { r in
            var sha: String?
            if let path = files[r.file] {
                if let known = digestOf[path] { sha = known } else { sha = SHA256.file(path); digestOf[path] = sha }
            }
            return Input(file: r.file, sheet: r.sheet, kind: r.layout?.kind, rowsRead: r.rowsRead, records: r.records,
                         skipped: r.skippedTotal, sha256: sha, error: r.error?.message.text(presentation.lang))
        }
        let paid = RunSummary.paidAmounts(result.data)
        moneyAtRisk = RunSummary.moneyAtRisk(shown, paid: paid)
        skipped = result.skipped
        let unknown = presentation.lang == .zh ? "（未填）" : "(blank)"
        let attribution = PaymentAttribution(data: result.data, rows: Set(shown.flatMap(\.paymentRefs)))
        func unitOfPayment(_ unit: @escaping (Payment) -> String?) -> (SourceRef) -> String {
            { ref in attribution.payment(ref).flatMap(unit) ?? unknown }
        }
        byInstitution = FindingsReport.rollup(shown, paid: paid, paymentUnit: unitOfPayment(attribution.institution(of:))) { $0.institution ?? unknown }
        byClass = FindingsReport.rollup(shown, paid: paid, paymentUnit: unitOfPayment(attribution.classID(of:))) { $0.classID ?? unknown }
        byCounty = FindingsReport.rollup(shown, paid: paid, paymentUnit: unitOfPayment(attribution.county(of:))) { $0.county ?? unknown }
    }

    /// Display name (as the reports name a file) → its path, the way the loader names them:
    /// a file given by path keeps it, a file found in a folder is named relative to it.
    public static func inputFiles(_ paths: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for arg in paths {
            let files = InputFiles.expand([arg]).files
            var isDir: ObjCBool = false
            let dir = FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) && isDir.boolValue
            let base = arg.hasSuffix("/") ? arg : arg + "/"
            for f in files {
                let display = dir && f.hasPrefix(base) ? String(f.dropFirst(base.count)) : f
                if out[display] == nil { out[display] = f }
            }
        }
        return out
    }

    /// Findings grouped by `unit`, most money at risk first, then most findings, then name;
    /// each payment at risk in the unit `paymentUnit` gives it.
    static func rollup(_ findings: [Finding], paid: [SourceRef: Int64], paymentUnit: (SourceRef) -> String,
                       unit: (Finding) -> String) -> [Rollup] {
        var groups: [String: [Finding]] = [:]
        for f in findings { groups[unit(f), default: []].append(f) }
        let risk = RunSummary.moneyAtRisk(findings, paid: paid, paymentUnit: paymentUnit, findingUnit: unit)
        for u in risk.keys where groups[u] == nil { groups[u] = [] }
        return groups.map { name, fs in
            var bySeverity: [Severity: Int] = [:]
            for f in fs { bySeverity[f.severity, default: 0] += 1 }
            return Rollup(unit: name, findings: fs.count, bySeverity: bySeverity,
                          people: Set(fs.compactMap { $0.person?.id }).count,
                          moneyAtRisk: risk[name] ?? 0)
        }.sorted { a, b in
            if a.moneyAtRisk != b.moneyAtRisk { return a.moneyAtRisk > b.moneyAtRisk }
            if a.findings != b.findings { return a.findings > b.findings }
            return a.unit < b.unit
        }
    }

    /// Findings per family and severity, families in catalogue order.
    public var counts: [(family: Family, bySeverity: [Severity: Int], total: Int)] {
        var table: [Family: [Severity: Int]] = [:]
        for f in findings { table[Family(code: f.code), default: [:]][f.severity, default: 0] += 1 }
        return Family.allCases.compactMap { fam in
            guard let row = table[fam] else { return nil }
            return (fam, row, row.values.reduce(0, +))
        }
    }

    /// The policy source of a finding's check, in the report's language.
    public func source(of code: String) -> String? { AllChecks.check(code).map { $0.info.source.text(lang, policyDocuments) } }
}

extension Family {
    /// The family a check code belongs to (its letters).
    public init(code: String) {
        self = Family(rawValue: String(code.prefix(while: { $0.isLetter }))) ?? .DQ
    }
}
