import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// `--mask` (issue 9 §6): a masked run of the demo, in every output format, holds no ID,
/// name, phone or account number that its input holds.
struct MaskedOutputTests {
    /// What the demo's input holds that a masked report must not: every resident ID (18 or
    /// 15 digits), mobile and landline number, account number (12 digits or more), and
    /// every name in a column of names or after a label ending in 人 ("填表人：…").
    struct Personal {
        var numbers = Set<String>()
        var names = Set<String>()
    }

    /// Headers of columns that hold people's names, by this test's own reading (not the
    /// writer's list).
    static let nameHeaders = ["姓名", "户名", "教师", "签字", "名字", "开户", "收款", "联系人"]

    nonisolated(unsafe) static var compiled: [String: NSRegularExpression] = [:]
    static let lock = NSLock()

    static func matches(_ pattern: String, in text: String, group: Int = 0) -> [String] {
        lock.lock()
        let re = compiled[pattern] ?? (try! NSRegularExpression(pattern: pattern))
        compiled[pattern] = re
        lock.unlock()
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    static func personal() throws -> Personal {
        let dir = Repo.path("corpus/demo")
        let (result, _) = try ReportTests.scan(dir)
        var layouts: [String: TableLayout] = [:]
        for r in result.reports { if let l = r.layout { layouts[r.file + "|" + (r.sheet ?? "")] = l } }
        var out = Personal()
        var names = Set<String>(), otherCells = Set<String>()
        for (file, path) in FindingsReport.inputFiles([dir]).sorted(by: { $0.key < $1.key }) {
            for sheet in try Workbook.open(path) {
                let layout = layouts[file + "|" + (sheet.sheetName ?? "")]
                let headers = layout?.headers ?? []
                let lastHeader = layout?.headerRows.last ?? 0
                try sheet.forEachRow { row in
                    for (i, raw) in row.cells.enumerated() {
                        let cell = raw.trimmingCharacters(in: .whitespaces)
                        guard !cell.isEmpty else { continue }
                        for n in matches("[0-9]{17}[0-9Xx]|[0-9]{15}|(?<![0-9])1[0-9]{10}(?![0-9])|[0-9]{12,}|0[0-9]{2,3}-[0-9]{7,8}", in: cell) {
                            out.numbers.insert(n)
                        }
                        for n in matches("人[:：]\\s*([\\p{Han}]{2,4})", in: cell, group: 1) { names.insert(n) }
                        let header = i < headers.count ? headers[i] : ""
                        if row.number > lastHeader, nameHeaders.contains(where: { header.contains($0) }) {
                            for part in cell.split(whereSeparator: { "、，, ".contains($0) }) where part.count > 1 { names.insert(String(part)) }
                        } else if !cell.contains("人：") {
                            otherCells.insert(cell)
                        }
                    }
                    return true
                }
            }
        }
        // A name that is also part of a place or an institution (马莲 in 马莲乡) cannot be
        // told from it in a report.
        var inOtherCells = Set<String>()
        for cell in otherCells { inOtherCells.formUnion(hanRuns(cell)) }
        out.names = names.subtracting(inOtherCells)
        return out
    }

    @Test func maskedDemoInEveryFormatHoldsNoIDNamePhoneOrAccountOfTheInput() throws {
        let secrets = try Self.personal()
        #expect(secrets.numbers.count > 3000, "IDs, phones and accounts of the demo: \(secrets.numbers.count)")
        #expect(secrets.names.count > 500, "names of the demo: \(secrets.names.count)")
        let cli = CommandLineTests()
        let args = ["scan", "--pack", "guyuan", "--as-of", "2026-11-23", "--min-severity", "info", "--fail-on", "never", "--mask", "corpus/demo"]
        var outputs: [String: String] = [:]
        for format in ["jsonl", "tsv", "csv", "table"] {
            let r = try cli.run(args + ["--format", format])
            #expect(r.status == 0)
            outputs[format] = r.stdout
        }
        let page = ReportTests.temp("masked.html"), book = ReportTests.temp("masked.xlsx")
        defer { for p in [page, book] { try? FileManager.default.removeItem(atPath: p) } }
        for path in [page, book] { #expect(try cli.run(args + ["-o", path]).status == 0) }
        outputs["html"] = try String(contentsOfFile: page, encoding: .utf8)
        outputs["xlsx"] = try ReportTests.dump(book).sheets.flatMap { $0.rows.flatMap { $0 } }.compactMap { $0.v?.text }.joined(separator: "\n")
        for (format, text) in outputs.sorted(by: { $0.key < $1.key }) {
            #expect(text.count > 10_000, "\(format) holds the findings")
            let (numbers, names) = Self.found(secrets, in: text)
            #expect(numbers.isEmpty, "\(format) shows \(numbers.prefix(5))")
            #expect(names.isEmpty, "\(format) shows \(names.prefix(5))")
        }
        // The same run unmasked shows them: the test sees what it looks for.
        let plain = try cli.run(args.filter { $0 != "--mask" } + ["--format", "jsonl"]).stdout
        let shown = Self.found(secrets, in: plain)
        #expect(shown.numbers.count > 30 && shown.names.count > 30, "unmasked: \(shown.numbers.count) numbers, \(shown.names.count) names")
        // The people and the shared thing are there, masked.
        let jsonl = try #require(outputs["jsonl"])
        #expect(jsonl.contains("\"people\":[{\"id\":\"640422********"))
        #expect(jsonl.contains("账号 6229***********1589"))
        #expect(jsonl.contains("\"case\":\"person:640422********"))
    }

    /// The secrets a text shows: its digit runs (and landlines) that are input numbers, and
    /// its runs of two to four Chinese characters that are input names. (Looking each
    /// secret up in the text is thousands of slow substring searches.)
    static func found(_ secrets: Personal, in text: String) -> (numbers: [String], names: [String]) {
        var numbers = Set<String>(), names = Set<String>()
        for n in matches("[0-9]{11,}[Xx]?|0[0-9]{2,3}-[0-9]{7,8}", in: text) {
            if secrets.numbers.contains(n) { numbers.insert(n) } else { numbers.formUnion(secrets.numbers.filter { n.contains($0) }) }
        }
        for candidate in hanRuns(text) where secrets.names.contains(candidate) { names.insert(candidate) }
        return (numbers.sorted(), names.sorted())
    }

    /// Every substring of two to four characters of a text.
    static func hanRuns(_ text: String) -> Set<String> {
        let chars = Array(text)
        var out = Set<String>()
        for i in chars.indices {
            for length in 2...4 where i + length <= chars.count { out.insert(String(chars[i..<i + length])) }
        }
        return out
    }

    @Test func unmaskedTheSharedAccountAndThePeopleAreShownInFull() throws {
        let cli = CommandLineTests()
        let r = try cli.run(cli.demo + ["--fail-on", "never", "--select", "DUP005,PRX003"])
        #expect(r.stdout.contains("账号 6229470999707181589"))
        #expect(r.stdout.contains("手机号15379246790"))
        #expect(r.stdout.contains("{\"id\":\"640422199111150723\",\"name\":\"虎凤霞\"}"))
    }

    @Test func landlinesAndLabelledNamesAreMasked() {
        let p = Presentation(lang: .zh, mask: true)
        #expect(p.masked("负责人：马某某    填表人：李某某    联系电话：0954-3012345", names: []) == "负责人：马**    填表人：李**    联系电话：0954-***2345")
        #expect(p.masked("2019-04-08 开班", names: []) == "2019-04-08 开班")
        #expect(XLSXWriter.masked(EvidenceCells.Cell(header: "授课教师", value: "海军、冯建平")) == "授课教师：海*、冯**")
        #expect(XLSXWriter.masked(EvidenceCells.Cell(header: "户名", value: "郭建军")) == "户名：郭**")
        #expect(XLSXWriter.masked(EvidenceCells.Cell(header: "备注", value: "代郭建军领取"), names: ["郭建军"]) == "备注：代郭**领取")
    }
}
