import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// The outputs offices open (issue 10): the workbook read back by a real reader
/// (openpyxl), the page rendered by a real browser (Chromium headless), CSV for Excel, and
/// cells from hostile inputs that must never become formulas or markup.
struct ReportTests {
    /// Cells an input may carry to attack the spreadsheet or the page that shows them.
    static let hostile = ["=HYPERLINK(\"http://x\",\"点我\")", "+1", "@SUM(A1)", "-5", "\tTAB", "\rCR",
                          "<script>alert(1)</script>", "\"&'"]

    /// An 18-digit resident ID with its ISO 7064 check digit.
    static func residentID(_ body17: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body17, weights).map { Int(String($0.0))! * $0.1 }.reduce(0, +)
        return body17 + String(Array("10X98765432")[sum % 11])
    }

    /// A roster whose trainees are all absent from the registry (REG001 for each), with the
    /// hostile cells as names and institutions.
    static func hostileCorpus() throws -> String {
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var roster = "姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训和鉴定补贴金额(元),班级编号,培训机构\n"
        for (i, name) in hostile.enumerated() {
            let id = residentID("64222319900101" + String(format: "%03d", i + 10))
            let institution = i % 2 == 0 ? "=cmd|' /C calc'!A0" : "<b>学校</b>"
            roster += "\(q(name)),\(id),中式烹调师,初级,2019-03-01,2019-03-25,1600,XJ-2019-0\(i),\(q(institution))\n"
        }
        return try writeTables([("roster.csv", roster), ("registry.csv", "姓名,证件号码,户编号,人员状态\n李梅,642223198802020023,6404220001,正常\n")])
    }

    static func scan(_ dir: String) throws -> (ScanResult, Engine) {
        let engine = try Engines.pack("guyuan")
        return (engine.scan([dir], asOf: testToday), engine)
    }

    static func report(_ dir: String, lang: Lang = .zh) throws -> FindingsReport {
        let (result, engine) = try scan(dir)
        return FindingsReport(result: result, shown: result.findings, settings: engine.settings, asOf: testToday,
                              presentation: Presentation(lang: lang), paths: [dir])
    }

    static func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)-\(name)").path
    }

    // MARK: cell safety, CSV, TSV

    @Test func formulaStartsAreQuotedButNegativeNumbersStay() {
        #expect(CellSafety.neutralised("=HYPERLINK(\"http://x\",\"点我\")") == "'=HYPERLINK(\"http://x\",\"点我\")")
        #expect(CellSafety.neutralised("+1") == "'+1")
        #expect(CellSafety.neutralised("@SUM(A1)") == "'@SUM(A1)")
        #expect(CellSafety.neutralised("\tTAB") == "'\tTAB")
        #expect(CellSafety.neutralised("\rCR") == "'\rCR")
        #expect(CellSafety.neutralised("-1+2") == "'-1+2")
        #expect(CellSafety.neutralised("-5") == "-5")
        #expect(CellSafety.neutralised("-12.5") == "-12.5")
        #expect(CellSafety.neutralised("马小军") == "马小军")
        #expect(CellSafety.neutralised("") == "")
    }

    @Test func tsvAndCSVNeutraliseHostileCellsAndCSVIsForExcel() {
        var f = WriterTests.sample()
        f.person = PersonRef(id: "640422199001010017", name: "=HYPERLINK(\"http://x\",\"点我\")")
        f.institution = "@SUM(A1)"
        f.classID = "+1"
        f.county = "\tTAB"
        f.message = Localized(zh: "-5", en: "-5")
        let p = Presentation()
        let tsv = TSVWriter.line(f, p).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(tsv.count == TSVWriter.columns.count)
        #expect(tsv[5] == "'=HYPERLINK(\"http://x\",\"点我\")")
        #expect(tsv[6] == "'+1" && tsv[7] == "'@SUM(A1)" && tsv[8] == "' TAB")
        #expect(tsv[11] == "-5")
        #expect(tsv[4] == "640422199001010017")
        let csv = CSVWriter.document([f, WriterTests.sample()], p)
        #expect(csv.hasPrefix("\u{FEFF}score,severity,code,"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines.count == 4 && lines[3].isEmpty)  // header, two findings, the final CRLF
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines[1].contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\","))
        #expect(lines[1].contains(",'+1,'@SUM(A1),' TAB,"))
        #expect(lines[0].split(separator: ",").count == TSVWriter.columns.count)
    }

    @Test func sha256MatchesTheStandardVectors() throws {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let path = Self.temp("a.bin")
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(SHA256.file(path) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // MARK: HTML

    @Test func pageEscapesHostileCellsAndLoadsNothingFromOutside() throws {
        let html = HTMLWriter(report: try Self.report(try Self.hostileCorpus())).render()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)"))
        #expect(html.contains("&quot;&amp;&#39;"))
        #expect(!html.contains("<b>学校</b>") && html.contains("&lt;b&gt;学校&lt;/b&gt;"))
        #expect(html.components(separatedBy: "<script").count == 2)  // one script: the filter
        // Nothing to fetch: no src or href attribute, no CSS url() or @import, and a policy
        // that forbids any other source.
        for needle in [" src=", " href=", "url(", "@import", "<link", "<iframe", "<img"] { #expect(!html.contains(needle), "\(needle)") }
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("<li>roster.csv 第 2 行</li>"), "evidence row numbers as written")
    }

    @Test func pageIsChineseByDefaultAndEnglishUnderLangEn() throws {
        let dir = try Self.hostileCorpus()
        let zh = HTMLWriter(report: try Self.report(dir)).render()
        let en = HTMLWriter(report: try Self.report(dir, lang: .en)).render()
        #expect(zh.contains("<html lang=\"zh-CN\">") && zh.contains("问题清单"))
        #expect(en.contains("<html lang=\"en\">") && en.contains("Findings") && !en.contains("问题清单"))
        #expect(zh.contains("@page") && zh.contains("table-header-group") && zh.contains("counter(page)"))
    }

    // MARK: the workbook, read back by openpyxl

    struct Dump: Decodable {
        struct Cell: Decodable {
            var v: Value?
            var t: String
            var fmt: String
            var quote: Bool
        }
        enum Value: Decodable, Equatable {
            case text(String), number(Double)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .text(try c.decode(String.self)) }
            }
            var text: String? { if case .text(let s) = self { return s }; return nil }
            var number: Double? { if case .number(let d) = self { return d }; return nil }
        }
        struct Link: Decodable { var cell: String; var location: String? }
        struct Sheet: Decodable {
            var name: String
            var rows: [[Cell]]
            var freeze: String?
            var autofilter: String?
            var links: [Link]
        }
        var sheets: [Sheet]
        var formulas: [String]

        func sheet(_ name: String) throws -> Sheet { try #require(sheets.first { $0.name == name }, "sheet \(name)") }
    }

    /// The workbook as openpyxl reads it (Tests/Fixtures/report/dump_xlsx.py).
    static func dump(_ xlsx: String) throws -> Dump {
        let r = try Tool.run("/usr/bin/env", ["python3", Repo.path("Tests/Fixtures/report/dump_xlsx.py"), xlsx])
        try #require(r.status == 0, "python3 with openpyxl reads the workbook (scripts/setup installs openpyxl): \(r.stderr)")
        return try JSONDecoder().decode(Dump.self, from: r.stdout)
    }

    @Test func hostileWorkbookHasNoFormulaAndKeepsEveryCellAsText() throws {
        let dir = try Self.hostileCorpus()
        let (result, engine) = try Self.scan(dir)
        let report = FindingsReport(result: result, shown: result.findings, settings: engine.settings, asOf: testToday,
                                    presentation: Presentation(), paths: [dir])
        let path = Self.temp("hostile.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cells = EvidenceCells(findings: result.findings, files: FindingsReport.inputFiles([dir]), reports: result.reports)
        try XLSXWriter(report: report, evidence: cells).write(to: path)
        let d = try Self.dump(path)
        #expect(d.formulas.isEmpty)
        #expect(d.sheets.map(\.name) == ["概要", "问题清单", "证据", "按机构", "按班级", "按县"])
        let sheet = try d.sheet("问题清单")
        #expect(sheet.rows.count == result.findings.count + 1)
        let names = sheet.rows.dropFirst().compactMap { $0[7].v?.text }
        for h in ["=HYPERLINK(\"http://x\",\"点我\")", "+1", "@SUM(A1)", "-5", "<script>alert(1)</script>", "\"&'"] {
            #expect(names.contains(h), "name \(h) kept as written")
        }
        for row in sheet.rows.dropFirst() {
            #expect(row[7].t == "s" && row[6].t == "s" && row[9].t == "s")
            #expect(row[6].fmt == "@")
        }
        let institutions = Set(sheet.rows.dropFirst().compactMap { $0[9].v?.text })
        #expect(institutions == ["=cmd|' /C calc'!A0", "<b>学校</b>"])
        // The evidence sheet holds the rows' own cells, hostile ones as text.
        let evidence = try d.sheet("证据")
        let texts = evidence.rows.flatMap { $0 }.filter { $0.t == "s" }.compactMap { $0.v?.text }
        #expect(texts.contains("姓名：=HYPERLINK(\"http://x\",\"点我\")"))
        #expect(texts.contains("身份证号码：" + Self.residentID("64222319900101010")))
    }

    @Test func maskedWorkbookHoldsNoIDOrNameFromTheInput() throws {
        let dir = try Self.hostileCorpus()
        let (result, engine) = try Self.scan(dir)
        let report = FindingsReport(result: result, shown: result.findings, settings: engine.settings, asOf: testToday,
                                    presentation: Presentation(lang: .zh, mask: true), paths: [dir])
        let path = Self.temp("masked.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cells = EvidenceCells(findings: result.findings, files: FindingsReport.inputFiles([dir]), reports: result.reports)
        try XLSXWriter(report: report, evidence: cells).write(to: path)
        let texts = try Self.dump(path).sheets.flatMap { $0.rows.flatMap { $0 } }.compactMap { $0.v?.text }
        let id = Self.residentID("64222319900101010")
        #expect(!texts.contains { $0.contains(id) })
        #expect(texts.contains { $0.contains(String(id.prefix(6)) + "********" + String(id.suffix(4))) })
        #expect(!texts.contains { $0.contains("<script>alert(1)</script>") })
        #expect(texts.contains("姓名：<" + String(repeating: "*", count: "<script>alert(1)</script>".count - 1)))
    }

    @Test func demoWorkbookHoldsEveryFindingOfTheJSONLinesInRankOrder() throws {
        let cli = CommandLineTests()
        let jsonl = try cli.run(cli.demo + ["--fail-on", "never"])
        let findings = try jsonl.stdout.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let path = Self.temp("demo.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let args = cli.demo.filter { $0 != "--format" && $0 != "jsonl" } + ["-o", path, "--fail-on", "never"]
        let r = try cli.run(args)
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let d = try Self.dump(path)
        #expect(d.formulas.isEmpty)
        let sheet = try d.sheet("问题清单")
        #expect(sheet.freeze == "A2")
        #expect(sheet.autofilter == "A1:S\(findings.count + 1)")
        #expect(sheet.rows.count == findings.count + 1)
        var evidenceRows = 0
        for (i, f) in findings.enumerated() {
            let row = sheet.rows[i + 1]
            #expect(row[0].v?.number == Double(i + 1))
            #expect(row[3].v?.text == f["code"] as? String)
            #expect(row[15].v?.text == f["fingerprint"] as? String)
            #expect(row[18].v?.text == f["case"] as? String)
            let people = (f["people"] as? [[String: Any]])?.map { "\($0["name"]!) \($0["id"]!)" }.joined(separator: "、")
            #expect(row[16].v?.text == people)
            #expect(row[17].v?.text == (f["classes"] as? [String])?.joined(separator: "、"))
            let person = f["person"] as? [String: Any]
            if let id = person?["id"] as? String {
                #expect(row[6].v?.text == id, "ID as the same text")
                #expect(row[6].t == "s")
            }
            if let amount = f["amount"] as? Double { #expect(row[11].v?.number == amount && row[11].t == "n") }
            evidenceRows += (f["evidence"] as? [Any])?.count ?? 0
        }
        // Each finding links to its first evidence row on the evidence sheet.
        #expect(sheet.links.count == findings.filter { !(($0["evidence"] as? [Any]) ?? []).isEmpty }.count)
        #expect(sheet.links.first?.location == "'证据'!A2")
        let evidence = try d.sheet("证据")
        #expect(evidence.rows.count == evidenceRows + 1)
        let fingerprints = Set(findings.compactMap { $0["fingerprint"] as? String })
        #expect(Set(evidence.rows.dropFirst().compactMap { $0[0].v?.text }) == fingerprints)
        #expect(Set(evidence.rows.dropFirst().compactMap { $0[3].v?.text }) == Set(findings.compactMap { $0["case"] as? String }))
        // The summary names every input with its SHA-256; the roll-ups count money once.
        let summary = try d.sheet("概要")
        let hashes = summary.rows.compactMap { $0.count > 6 ? $0[6].v?.text : nil }.filter { $0.count == 64 }
        #expect(hashes.count >= 10)
        let county = try d.sheet("按县")
        let countyMoney = county.rows.dropFirst().compactMap { $0[9].v?.number }.reduce(0, +)
        #expect(countyMoney > 0)
    }

    // MARK: the page, rendered by Chromium

    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func browser(_ args: [String]) throws -> Tool.Result {
        let exe = try #require(chromium, "Chromium is installed by scripts/setup (apt-get install chromium fonts-noto-cjk)")
        let profile = temp("chromium-profile")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        return try Tool.run(exe, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                  "--user-data-dir=\(profile)", "--hide-scrollbars"] + args)
    }

    @Test func demoPageRenderedByChromiumHoldsEveryFindingAndIsNotBlank() throws {
        let cli = CommandLineTests()
        let jsonl = try cli.run(cli.demo + ["--fail-on", "never"])
        let fingerprints = jsonl.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.range(of: "\"fingerprint\":\"") else { return nil }
            return String(line[r.upperBound...].prefix(16))
        }
        let page = Self.temp("demo.html")
        defer { try? FileManager.default.removeItem(atPath: page) }
        let r = try cli.run(cli.demo.filter { $0 != "--format" && $0 != "jsonl" } + ["-o", page, "--fail-on", "never"])
        #expect(r.status == 0)
        let dom = try Self.browser(["--dump-dom", URL(fileURLWithPath: page).absoluteString])
        let text = String(decoding: dom.stdout, as: UTF8.self)
        #expect(text.contains("问题清单"))
        #expect(fingerprints.count > 40)
        for fp in fingerprints { #expect(text.contains("data-fingerprint=\"\(fp)\""), "finding \(fp) in the DOM") }
        // The people of a finding about several, and every finding's case.
        #expect(text.contains("<li>虎凤霞 640422199111150723</li>"))
        #expect(text.components(separatedBy: " data-case=\"").count - 1 == fingerprints.count)
        #expect(text.contains("data-case=\"person:640422199101178650\""))
        // The script ran: the filter bar is shown and counts the rows.
        #expect(text.contains("<form id=\"filters\" class=\"filters\">"))
        #expect(text.contains("\(fingerprints.count) / \(fingerprints.count)"))
        let png = Self.temp("demo.png")
        defer { try? FileManager.default.removeItem(atPath: png) }
        _ = try Self.browser(["--window-size=1280,1600", "--screenshot=\(png)", URL(fileURLWithPath: page).absoluteString])
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 20_000, "a screenshot of text and charts, not a blank page")
        let colours = try Tool.run("/usr/bin/env", ["python3", Repo.path("Tests/Fixtures/report/png_colours.py"), png])
        let count = Int(String(decoding: colours.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(count > 50, "distinct colours in the screenshot: \(count)")
    }

    @Test func hostilePageInChromiumRunsOnlyItsOwnScriptAndShowsTheCellsAsText() throws {
        let page = Self.temp("hostile.html")
        defer { try? FileManager.default.removeItem(atPath: page) }
        try HTMLWriter(report: try Self.report(try Self.hostileCorpus())).render().write(toFile: page, atomically: true, encoding: .utf8)
        let dom = String(decoding: try Self.browser(["--dump-dom", URL(fileURLWithPath: page).absoluteString]).stdout, as: UTF8.self)
        #expect(dom.components(separatedBy: "<script").count == 2)
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!dom.contains("<b>学校</b>"))
        #expect(dom.contains("8 / 8"))
    }

    @Test func pdfIsThePagePrintedByChromiumOnA4() throws {
        _ = try #require(Self.chromium, "Chromium is installed by scripts/setup")
        let cli = CommandLineTests()
        let pdf = Self.temp("demo.pdf")
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        let r = try cli.run(cli.demo.filter { $0 != "--format" && $0 != "jsonl" } + ["-o", pdf, "--fail-on", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try #require(FileManager.default.contents(atPath: pdf))
        #expect(data.prefix(5) == Data("%PDF-".utf8))
        // Chromium writes one MediaBox per page: A4 is 595.28 × 841.89 pt, written rounded.
        let pages = String(decoding: data, as: UTF8.self).components(separatedBy: "/MediaBox [0 0 594.9").count - 1
        #expect(pages > 3, "several A4 pages: \(pages)")
    }

    // MARK: the terminal table

    @Test func tableShowsRankAndInstitutionWrapsIndentedAndEndsWithTheSummary() {
        var f = WriterTests.sample()
        f.institution = "西吉县职业技能培训学校"
        f.message = Localized(zh: String(repeating: "很长的说明", count: 30), en: "")
        let text = TableWriter(presentation: Presentation(), colour: false, width: 60).render([f, WriterTests.sample()], summary: "发现 2 项问题")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("#  分数"))
        #expect(lines[0].contains("培训机构"))
        #expect(lines[1].hasPrefix("1  ") && lines[1].contains("西吉县职业技能培训学校"))
        let details = lines.dropFirst(2).prefix { !$0.hasPrefix("2  ") }
        #expect(details.count > 2, "the long message wraps")
        #expect(details.allSatisfy { $0.hasPrefix("      ") && TableWriter.displayWidth(String($0)) <= 60 })
        #expect(text.hasSuffix("\n发现 2 项问题\n"))
    }
}

/// Runs a helper program and collects its output.
enum Tool {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ executable: String, _ args: [String]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle(forWritingAtPath: errPath)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let err = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Result(status: p.terminationStatus, stdout: data, stderr: err)
    }
}
