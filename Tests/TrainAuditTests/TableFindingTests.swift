import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Finding the table in real files: title and 填报单位 rows, merged two-row headers,
/// footers, repeated headers, and every row accounted for.
struct TableFindingTests {
    func load(_ paths: [String]) throws -> LoadedRun {
        try Engines.pack("national").load(paths)
    }

    @Test(arguments: ["merged.xlsx", "calc_merged.xlsx"])
    func mergedTwoRowHeaderUnderATitle(_ file: String) throws {
        let run = try load([Repo.path("Tests/Fixtures/ingest/" + file)])
        let r = try #require(run.reports.first { $0.sheet == "第一期" })
        let l = try #require(r.layout)
        #expect(l.kind == .roster)
        #expect(l.headerRows == [3, 4])
        #expect(l.index("name") == 1)
        #expect(l.index("start_date") == 2)   // 培训期限/起
        #expect(l.index("end_date") == 3)     // 培训期限/止
        #expect(l.index("subsidy") == 4)
        #expect(l.missing.contains("id_number"))
        #expect(r.records == 2)
        #expect(r.skipped[.beforeHeader] == 2)  // title, 填报单位
        #expect(r.skipped[.footer] == 1)        // 负责人：…
        let e = run.data.enrollments
        #expect(e.map(\.name) == ["张三", "李四"])
        #expect(e.first?.start == Day(year: 2016, month: 3, day: 1))
        #expect(e.first?.end == Day(year: 2016, month: 3, day: 25))
        #expect(e.map(\.subsidy) == [160_000, 80_000])
    }

    @Test func gb18030CSVIsReadAsATable() throws {
        let run = try load([Repo.path("Tests/Fixtures/tables/roster_gb18030.csv")])
        let r = try #require(run.reports.first)
        #expect(r.layout?.kind == .roster)
        #expect(r.records == 2 && r.skipped[.total] == 1)
        let e = run.data.enrollments
        #expect(e.map(\.name) == ["马小军", "阿依古丽·买买提"])
        #expect(e.map(\.subsidy) == [160_000, 160_000])
        #expect(e.map { $0.id.id?.description } == ["640422199001010017", "11010519491231002X"])
        #expect(e[1].start == Day(year: 2019, month: 3, day: 1) && e[1].end == Day(year: 2019, month: 3, day: 25))
    }

    @Test func everyRowOfTheDemoIsAccountedFor() throws {
        let run = try load([Repo.path("corpus/demo")])
        #expect(run.reports.count >= 12)
        for r in run.reports where r.error == nil {
            let header = r.layout?.headerRows.count ?? 0
            #expect(r.rowsRead == header + r.records + r.skippedTotal, "\(r.file) \(r.sheet ?? "")")
        }
        let kinds = Set(run.reports.compactMap { $0.layout?.kind })
        #expect(kinds == Set(TableKind.allCases))
        // the sheet of notes is reported, not silently dropped
        #expect(run.reports.contains { $0.sheet == "填表说明" && $0.error != nil })
    }

    @Test func repeatedHeaderMidSheetIsSkipped() throws {
        let csv = "\(rosterHeader)\n马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n\(rosterHeader)\n\n李梅,11010519491231002X,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n"
        let run = try load([try writeTables([("roster.csv", csv)])])
        let r = try #require(run.reports.first)
        #expect(r.records == 2)
        #expect(r.skipped[.repeatedHeader] == 1)
        #expect(r.skipped[.blank] == 1)
        #expect(r.skippedRows[.repeatedHeader] == [3])
    }

    @Test func webPageXlsAndFakeXlsxAreReportedAndTheRestIsRead() throws {
        let dir = try writeTables([("roster.csv", "\(rosterHeader)\n马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n")])
        // An .xls that is really a web page (what "save as web page" and many export
        // systems write): named so, not read.
        try Data("<html><body><table><tr><td>姓名</td></tr></table></body></html>".utf8)
            .write(to: URL(fileURLWithPath: dir + "/旧台账.xls"))
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: dir + "/假.xlsx"))
        let result = try Engines.pack("national").scan([dir], asOf: testToday)
        let errors = result.reports.compactMap(\.error)
        #expect(errors.count == 2)
        #expect(errors.contains { $0.file.hasSuffix("旧台账.xls") && $0.message.zh.contains("网页（HTML）") })
        #expect(errors.contains { $0.file.hasSuffix("假.xlsx") })
        #expect(result.data.enrollments.count == 1)
        #expect(result.findings.filter { $0.code == "DQ007" }.count == 2)
    }
}
