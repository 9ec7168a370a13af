import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// A big CSV file read as parts at the same time (`FileSplit`) gives exactly what reading
/// it in one piece gives: the records and their row numbers, the cell problems, the
/// reports and the findings.
struct LoaderPartsTests {
    static let header = "班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号,签到地点"
    static let ids = ["640422199001010017", "11010519491231002X", "640221200409221094", "642127196803280389"]

    /// A sign-in file of 400 rows with a title above the header, blank, total, footer and
    /// repeated header rows all through it, quoted places with line breaks (one of them
    /// long, in the middle), a stray quote, a bad date near the end and an unterminated
    /// quote at the very end. Returns the text, the physical line each row starts on, the
    /// row with the bad date, and the long place.
    static func attendance(lineEnd: String) -> (text: String, lines: [Int], badDateRow: Int, longPlace: String) {
        var rows = ["固原市2019年培训考勤记录,,,,,,,,", header]
        var badDateRow = 0
        let longPlace = "\"" + (1...300).map { "第\($0)教室" }.joined(separator: lineEnd) + "\""
        for i in 0..<400 {
            let id = ids[i % ids.count]
            var place = "实训楼"
            var name = "学员\(i)"
            var date = "2019-03-\(String(format: "%02d", i % 28 + 1))"
            switch i % 50 {
            case 7: rows.append(""); continue
            case 13: rows.append("合计,,,,,,,,"); continue
            case 17: rows.append("负责人：张三,,,,,,,,"); continue
            case 29: rows.append(header); continue
            case 21: place = "\"二楼\(lineEnd)东侧\r西\n\""
            case 33: name = "王\"五"
            case 41: place = "\"他说\"\"好\"\"\""
            default: break
            }
            if i == 200 { place = longPlace }
            if i == 377 { date = "2019-13-45"; badDateRow = rows.count }
            rows.append("XJ-2019-\(i / 100),\(id),\(name),\(date),上午,08:0\(i % 10):00,11:30:00,FACE-\(i % 3),\(place)")
        }
        rows.append("XJ-2019-9,\(ids[0]),末行,2019-03-01,下午,14:00:00,17:00:00,FACE-1,\"没有结束")
        // LF, CR and CR LF (one Character) each end a line.
        var lines = [1]
        for row in rows.dropLast() { lines.append(lines.last! + 1 + row.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }) }
        return (rows.joined(separator: lineEnd), lines, badDateRow, longPlace)
    }

    /// Everything a load gave, as text: every record with all its fields, every cell
    /// problem, and each report.
    static func digest(_ run: LoadedRun) -> [String] {
        let d = run.data
        var out: [String] = []
        out += d.enrollments.map { "\($0)" } + d.signIns.map { "\($0)" } + d.registrations.map { "\($0)" }
        out += d.payments.map { "\($0)" } + d.registry.map { "\($0)" } + d.targets.map { "\($0)" }
        out += d.watchlist.map { "\($0)" } + d.problems.map { "\($0)" }
        out.append("\(d.present.map(\.rawValue).sorted())")
        out += run.reports.map { r in
            let skips = TableReport.SkipReason.allCases.map { "\($0): \(r.skipped[$0] ?? 0) \(r.skippedRows[$0] ?? [])" }
            return [r.file, r.sheet ?? "-", r.layout.map { "\($0.kind) \($0.headerRows) \($0.headers)" } ?? "-",
                    "\(r.rowsRead) \(r.records) \(r.truncatedRows)", skips.joined(separator: ", "),
                    r.error?.description ?? "-"].joined(separator: " | ")
        }
        return out
    }

    /// The findings of a scan of what a load gave, as JSON Lines.
    static func jsonl(_ run: LoadedRun) throws -> [String] {
        try Engines.pack("guyuan").scan(run.data, asOf: testToday).findings.map { JSONLWriter.line($0, Presentation()) }
    }

    /// Loads `folder` in one piece and with files cut into up to `maxParts` parts of
    /// `partSize` bytes or more; returns both and how many parts each file was cut into.
    static func loadBothWays(_ folder: String, partSize: Int, maxParts: Int) throws -> (whole: LoadedRun, split: LoadedRun, parts: [String: Int]) {
        let engine = try Engines.pack("guyuan")
        let whole = Loader(catalog: engine.catalog)
        var cut = whole
        cut.partSize = partSize
        cut.maxParts = maxParts
        let (files, _) = InputFiles.expand([folder])
        let parts = Dictionary(uniqueKeysWithValues: files.map { (($0 as NSString).lastPathComponent, cut.split($0).partCount) })
        return (whole.load(paths: [folder]), cut.load(paths: [folder]), parts)
    }

    @Test(arguments: ["utf8", "utf8BOM", "gb18030", "crlf"], [2, 4, 32])
    func attendanceInPartsIsTheSameAsInOnePiece(_ variant: String, _ maxParts: Int) throws {
        let (text, lines, badDateRow, longPlace) = Self.attendance(lineEnd: variant == "crlf" ? "\r\n" : "\n")
        let bytes: [UInt8] = switch variant {
        case "utf8BOM": [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "gb18030": IngestFixtures.gb18030(text)
        default: Array(text.utf8)
        }
        let path = try IngestFixtures.temporaryFile("考勤记录.csv", bytes)
        let (whole, split, parts) = try Self.loadBothWays((path as NSString).deletingLastPathComponent,
                                                          partSize: bytes.count / maxParts, maxParts: maxParts)
        let n = try #require(parts["考勤记录.csv"])
        #expect(maxParts == 32 ? n > 20 : n == maxParts)
        if maxParts == 2 {
            // The middle cut falls inside the long quoted place.
            let place = variant == "gb18030" ? IngestFixtures.gb18030(longPlace) : Array(longPlace.utf8)
            let at = try #require(bytes.firstRange(of: place))
            #expect(at.lowerBound < bytes.count / 2 && bytes.count / 2 < at.upperBound)
        }
        if maxParts == 32 {
            // Parts would start in the first 30 rows, where the header is searched: the
            // first part holds them all.
            var loader = Loader(catalog: try Engines.pack("guyuan").catalog)
            loader.partSize = bytes.count / maxParts
            loader.maxParts = maxParts
            let starts = try #require(loader.split(path).parts?.starts)
            #expect(starts[1].offset > bytes.count / 16 && starts.dropFirst().allSatisfy { $0.line >= lines[30] })
        }
        #expect(Self.digest(split) == Self.digest(whole))
        #expect(try Self.jsonl(split) == Self.jsonl(whole))

        // What reading in one piece gives, as it should be.
        let r = try #require(whole.reports.first)
        #expect(r.layout?.headerRows == [2] && r.records == 369 && r.error == nil)
        #expect(r.skipped == [.beforeHeader: 1, .blank: 8, .total: 8, .footer: 8, .repeatedHeader: 8])
        #expect(whole.data.signIns.count == 369)
        let bad = whole.data.problems.filter { $0.kind == .badDate && $0.column == "date" }
        #expect(bad.map(\.source.row) == [lines[badDateRow]] && bad.first?.value == "2019-13-45")
        let cut = whole.data.problems.filter { $0.kind == .badText }
        #expect(cut.map(\.source.row) == [lines.last!] && whole.data.signIns.last?.source.row == lines.last!)
    }

    @Test func aLinkedFileIsCutAsTheFileItself() throws {
        let (text, _, _, _) = Self.attendance(lineEnd: "\n")
        let bytes = Array(text.utf8)
        let path = try IngestFixtures.temporaryFile("考勤记录.csv", bytes)
        let link = try IngestFixtures.temporaryFile("placeholder", []) + ".csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(InputFiles.size(of: link) == bytes.count)
        var loader = Loader(catalog: try Engines.pack("guyuan").catalog)
        loader.partSize = bytes.count / 4
        loader.maxParts = 4
        #expect(loader.split(path).partCount == 4)
        #expect(loader.split(link).partCount == 4)
    }

    @Test func skippedRowsAreKeptUpToTwentyAcrossParts() throws {
        var lines = [Self.header]
        for i in 0..<240 { lines.append(i % 4 == 2 ? "" : "XJ-2019-1,\(Self.ids[i % 4]),学员\(i),2019-03-01,上午,08:00:00,11:30:00,FACE-1,实训楼") }
        let path = try IngestFixtures.temporaryFile("签到.csv", Array(lines.joined(separator: "\n").utf8))
        let (whole, split, parts) = try Self.loadBothWays((path as NSString).deletingLastPathComponent, partSize: 1024, maxParts: 4)
        #expect(parts["签到.csv"] == 4)
        #expect(whole.reports.first?.skipped[.blank] == 60)
        #expect(whole.reports.first?.skippedRows[.blank] == Array(stride(from: 4, through: 80, by: 4)))
        #expect(Self.digest(split) == Self.digest(whole))
    }

    @Test func demoCorpusInPartsIsTheSameAsInOnePiece() throws {
        let (whole, split, parts) = try Self.loadBothWays(Repo.path("corpus/demo"), partSize: 8 << 10, maxParts: 4)
        #expect(parts["考勤记录_人脸识别导出.csv"] == 4)
        #expect(parts["2019年培训补贴发放明细.csv"] == 4)
        #expect(parts["财政供养人员名单.csv"] == 1)
        #expect(parts["西吉县2019年精准脱贫技能培训台账.xlsx"] == 1)
        #expect(Self.digest(split) == Self.digest(whole))
        #expect(try Self.jsonl(split) == Self.jsonl(whole))
    }
}

