import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// A CSV sheet read with the cells of columns no record reader reads left unmade
/// (`CellProjection`) gives exactly the records, problems, reports and findings that
/// reading every cell gives, in one piece and in parts.
struct CellProjectionTests {
    static let ids = ["640422199001010017", "11010519491231002X", "640221200409221094", "642127196803280389"]

    /// Rows whose only text, if any, is in columns no reader reads, all through a file: a
    /// total and a footer in such a column (behind blank or invisible cells), text there
    /// alone (not a blank row), spaces there alone (a blank row), bad bytes (DQ009), a cell
    /// over the size limit (DQ008), a quoted line break, and rows longer than the header.
    static func tricky(_ i: Int, width: Int) -> [UInt8]? {
        let blanks = String(repeating: ",", count: width - 1)
        switch i % 40 {
        case 3: return Array(("合计" + blanks).utf8)
        case 5: return Array((",,\u{200B},   " + String(repeating: ",", count: width - 5) + "小计 12 人").utf8)
        case 9: return Array((" ,\u{3000}," + String(repeating: ",", count: width - 3) + "负责人：张三").utf8)
        case 11: return Array((String(repeating: ",", count: width - 1) + "x").utf8)
        case 15: return Array(("\u{3000}, ,\u{00A0}" + String(repeating: ",", count: width - 3)).utf8)
        case 19: return Array(blanks.utf8)
        default: return nil
        }
    }

    /// A data row with its unread cells spoilt: bad bytes, an overlong cell, a quoted line
    /// break, extra cells past the header.
    static func spoil(_ i: Int, _ unread: String) -> [UInt8] {
        switch i % 40 {
        case 23: return Array(unread.utf8) + [0xFF, 0xFE] + Array("尾".utf8)
        case 27: return Array(String(repeating: "长", count: 30_000).utf8)
        case 31: return Array("\"第一行\n第二行\"".utf8)
        default: return Array(unread.utf8)
        }
    }

    static func file(header: [String], rows: Int, unread: Set<Int>, cells: (Int) -> [String]) -> [UInt8] {
        var out = Array(("说明：本表为测试数据" + String(repeating: ",", count: header.count - 1) + "\n").utf8)
        out += Array((header.joined(separator: ",") + "\n").utf8)
        for i in 0..<rows {
            if let t = tricky(i, width: header.count) { out += t + [0x0A]; continue }
            if i % 40 == 35 { out += Array((header.joined(separator: ",") + "\n").utf8); continue }
            let row = cells(i)
            for (j, cell) in row.enumerated() {
                if j > 0 { out.append(0x2C) }
                out += unread.contains(j) ? spoil(i, cell) : Array(cell.utf8)
            }
            if i % 40 == 37 { out += Array(",多余1,多余2".utf8) }
            out.append(0x0A)
        }
        return out
    }

    /// A registry, a sign-in file and a training ledger, each with columns no reader reads
    /// (the ledger: one with no header, which `Enrollment.extra` does not keep either).
    static func folder() throws -> String {
        let registry = file(header: ["备注", "县(市、区、旗)", "乡(镇)", "行政村", "户编号", "姓名", "证件号码", "民族", "与户主关系",
                                     "文化程度", "人员状态", "人联系电话", "致贫原因", "开户银行", "银行卡号"],
                            rows: 400, unread: [0, 7, 9, 12, 13]) { i in
            ["r\(i)", "西吉县", "吉强镇", "龙王坝村", "64042200\(i % 50)", "学员\(i % 60)", ids[i % 4], "回族", "户主",
             "初中", "正常", "1390000\(String(format: "%04d", i))", "缺资金", "中国农业银行", "62\(i)"]
        }
        let attendance = file(header: ["照片地址", "班级编号", "身份证号码", "姓名", "考勤日期", "时段", "签到时间", "签退时间",
                                       "签到方式", "设备编号", "温度"],
                              rows: 400, unread: [0, 10]) { i in
            ["http://p/\(i).jpg", "XJ-2019-\(i / 100)", ids[i % 4], "学员\(i % 60)", "2019-03-\(String(format: "%02d", i % 28 + 1))",
             i % 2 == 0 ? "上午" : "下午", "08:0\(i % 10):00", "11:30:00", "人脸识别", "FACE-\(i % 3)", "36.\(i % 10)"]
        }
        let roster = file(header: ["序号", "姓名", "身份证号码", "培训职业(工种)", "开班日期", "结业日期", "民族", "", "班级编号"],
                          rows: 200, unread: [6, 7]) { i in
            ["\(i + 1)", "学员\(i % 60)", ids[i % 4], "电工", "2019-03-01", "2019-03-28", "汉族", "无头\(i)", "XJ-2019-\(i / 100)"]
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trainaudit-projection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(registry).write(to: dir.appendingPathComponent("建档立卡名册.csv"))
        try Data(attendance).write(to: dir.appendingPathComponent("考勤记录.csv"))
        try Data(roster).write(to: dir.appendingPathComponent("培训台账.csv"))
        return dir.path
    }

    @Test func projectedReadGivesWhatTheWholeReadGives() throws {
        let folder = try Self.folder()
        let engine = try Engines.pack("guyuan")
        var whole = Loader(catalog: engine.catalog)
        whole.projectsColumns = false
        let projected = Loader(catalog: engine.catalog)
        var wholeParts = whole, projectedParts = projected
        wholeParts.partSize = 4096; wholeParts.maxParts = 4
        projectedParts.partSize = 4096; projectedParts.maxParts = 4
        let (files, _) = InputFiles.expand([folder])
        #expect(files.allSatisfy { projectedParts.split($0).partCount == 4 })

        let base = whole.load(paths: [folder])
        let reference = LoaderPartsTests.digest(base)
        let findings = try LoaderPartsTests.jsonl(base)
        for loader in [projected, wholeParts, projectedParts] {
            let run = loader.load(paths: [folder])
            #expect(LoaderPartsTests.digest(run) == reference)
            #expect(try LoaderPartsTests.jsonl(run) == findings)
        }

        // What the whole read gives, as the rows are written: every tricky row is what it says.
        let reports = Dictionary(uniqueKeysWithValues: base.reports.map { ($0.file, $0) })
        let registry = try #require(reports["建档立卡名册.csv"])
        #expect(registry.skipped == [.blank: 20, .total: 20, .footer: 10, .repeatedHeader: 10])
        #expect(registry.records == 340 && registry.truncatedRows == 10)
        // Ten rows of bad bytes and ten of a cut cell in each 400-row file, five in the ledger.
        #expect(base.data.problems.filter { $0.kind == .undecodable }.count == 25)
        #expect(base.data.problems.filter { $0.kind == .badText }.count == 25)
        #expect(base.data.enrollments.contains { e in e.extra.contains { $0.1 == "汉族" } })
    }

    /// The parser leaves the cells of the left-out columns unmade once the projection is
    /// set, and only those (and only after a cell with text in the row); a kept cell after
    /// that is held as bytes (`RawRow.held`), its text through `text(at:)`. Neither is
    /// stored in `cells`, which ends at the row's first cell with text; `count` still
    /// counts every cell.
    @Test func leftOutCellsAreNotMade() throws {
        let text = "备注,姓名,身份证号码\n甲,张三,\(Self.ids[0])\n乙,李四,\(Self.ids[1])\n, ,\n丙,王五,\(Self.ids[2])\n"
        let path = try IngestFixtures.temporaryFile("名单.csv", Array(text.utf8))
        let csv = try CSVReader(path: path)
        let projection = CellProjection()
        var rows: [[String]] = [], texts: [[String]] = [], counts: [Int] = []
        try csv.forEachRow(projection: projection) { row in
            rows.append(row.cells)
            counts.append(row.count)
            texts.append((0..<row.count).map { row.text(at: $0) })
            if row.number == 1 { projection.keep([0, 2]) }
            return true
        }
        #expect(rows == [["备注", "姓名", "身份证号码"], ["甲"], ["乙"], ["", " ", ""], ["丙"]])
        #expect(counts == [3, 3, 3, 3, 3])
        #expect(texts == [["备注", "姓名", "身份证号码"], ["甲", "", Self.ids[0]], ["乙", "", Self.ids[1]], ["", " ", ""], ["丙", "", Self.ids[2]]])
    }

    /// A left-out cell whose bytes are not valid UTF-8 is made after all, at its own
    /// column: the cells not stored before it read as "" in `cells`, a held one still as
    /// its text.
    @Test func cellMadeAfterUnstoredOnesKeepsItsColumn() throws {
        var bytes = Array("备注,姓名,身份证号码,其他\n甲,张三,\(Self.ids[0]),".utf8) + [0xFF] + Array("\n".utf8)
        bytes += Array("乙,".utf8) + [0xFE] + Array(",\(Self.ids[1]),丁\n".utf8)
        // Enough good text after them that the file is still taken for UTF-8.
        for _ in 0..<10 { bytes += Array("丙,王小五,\(Self.ids[2]),已核实无误\n".utf8) }
        let path = try IngestFixtures.temporaryFile("名单.csv", bytes)
        let csv = try CSVReader(path: path)
        let projection = CellProjection()
        var rows: [[String]] = [], texts: [[String]] = [], undecodable: [Bool] = []
        try csv.forEachRow(projection: projection) { row in
            rows.append(row.cells)
            texts.append((0..<row.count).map { row.text(at: $0) })
            undecodable.append(row.undecodable)
            if row.number == 1 { projection.keep([0, 2]) }
            return true
        }
        #expect(Array(rows.dropFirst().prefix(3)) == [["甲", "", "", "\u{FFFD}"], ["乙", "\u{FFFD}"], ["丙"]])
        #expect(Array(texts.dropFirst().prefix(3)) == [["甲", "", Self.ids[0], "\u{FFFD}"], ["乙", "\u{FFFD}", Self.ids[1], ""],
                                                       ["丙", "", Self.ids[2], ""]])
        #expect(undecodable == [false, true, true] + Array(repeating: false, count: 10))
        #expect(csv.replacedByteSequences == 2)
    }

    /// Rows kept after the parser has gone on still read their own held cells: the parser
    /// writes a row's cells into memory of its own once a row it gave out still holds the
    /// last, and grows it for long cells and wide rows without losing a row's earlier cells.
    @Test func keptRowsKeepTheirHeldCells() throws {
        let width = 40
        var text = (0..<width).map { "列\($0)" }.joined(separator: ",") + "\n"
        var expected: [[String]] = []
        for i in 0..<200 {
            let cells = (0..<width).map { j -> String in
                if j == 0 { return "行\(i)" }
                // Now and then a cell long enough to make the memory grow mid-row.
                return i % 17 == 3 && j == 20 ? String(repeating: "长\(i)", count: 400) : "\(i)-\(j)"
            }
            expected.append(cells)
            text += cells.joined(separator: ",") + "\n"
        }
        let path = try IngestFixtures.temporaryFile("宽表.csv", Array(text.utf8))
        let csv = try CSVReader(path: path)
        let projection = CellProjection()
        var kept: [RawRow] = []
        try csv.forEachRow(projection: projection) { row in
            if row.number == 1 { projection.keep(Array(0..<width)) } else { kept.append(row) }
            return true
        }
        #expect(kept.count == 200)
        // Every row past the first data row holds its cells after the first as bytes.
        #expect(kept.dropFirst().allSatisfy { !$0.held.isEmpty && $0.cells.count == 1 && $0.count == width })
        #expect(kept.map { row in (0..<width).map { row.text(at: $0) } } == expected)
    }

    /// Cells of the forms the readers answer from held bytes and of every other form next
    /// to them (IDs, dates, times, phones, names, codes as offices type them, and broken):
    /// read held or made, the records, problems and findings are the same.
    @Test func heldCellsReadAsMadeCells() throws {
        let ids = Self.ids
        let idForms = [ids[0], " \(ids[1])", "６４０２２１２００４０９２２１０９４", "11010519491231002x", "640422900101001",
                       "6.40422E+17", "\(ids[3]).0", "64042219900101001", "64042219900101001Y", "", "'\(ids[2])", "640422199013010011"]
        let dates = ["2019-03-05", "2019/3/5", "2019年3月5日", "43530", "2019-02-30", "", "2019-03-05 08:00", " 2019-03-05", "无", "2019.03.05"]
        let times = ["08:01:02", "8:1", " 08:01", "08:01:02.5", "上午8点", "25:00", "2019-03-05 08:01:02", "", "８:００", "07:59", "12:60"]
        let phones = ["13812345678", "138 1234 5678", "+86 13812345678", "0951-1234567", "暂无", "13812345678.0", "12345678901", "", "1381234567"]
        let names = ["张三", "张 三", "阿依古丽.买买提", "ＡＢＣ", "阿依古丽·买买提·艾合买提江", "李四\u{200B}", "", "王五"]
        let codes = ["上午", " 上午", "上午\u{3000}", "下午", "（补）上午", "", "人脸识别", "人脸识别 ", "户主", "配偶"]
        func pick<T>(_ list: [T], _ i: Int, _ k: Int) -> T { list[(i * k + i / 7) % list.count] }
        var registry = Array("证件号码,姓名,县(市、区、旗),乡(镇),行政村,户编号,与户主关系,人员状态,人联系电话,户联系电话\n".utf8)
        var attendance = Array("班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,签到方式,设备编号\n".utf8)
        for i in 0..<300 {
            registry += Array([pick(idForms, i, 1), pick(names, i, 3), "西吉县", pick(["吉强镇", "兴隆镇", " 兴隆镇"], i, 1),
                               pick(codes, i, 5), "6404220\(i % 40)", pick(codes, i, 7), pick(["正常", "死亡", "", "正常 "], i, 1),
                               pick(phones, i, 1), pick(phones, i, 5)].joined(separator: ",").utf8) + [0x0A]
            attendance += Array(["XJ-2019-0\(i / 100)", pick(idForms, i, 5), pick(names, i, 1), pick(dates, i, 1), pick(codes, i, 1),
                                 pick(times, i, 1), pick(times, i, 3), pick(codes, i, 3), pick(["FACE-1", "FACE-2", "", "ＦＡＣＥ-1"], i, 1)]
                                .joined(separator: ",").utf8) + [0x0A]
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trainaudit-held-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(registry).write(to: dir.appendingPathComponent("建档立卡名册.csv"))
        try Data(attendance).write(to: dir.appendingPathComponent("考勤记录.csv"))

        let engine = try Engines.pack("guyuan")
        var whole = Loader(catalog: engine.catalog)
        whole.projectsColumns = false
        let held = Loader(catalog: engine.catalog)
        var heldParts = held
        heldParts.partSize = 2048; heldParts.maxParts = 4
        let base = whole.load(paths: [dir.path])
        let reference = LoaderPartsTests.digest(base)
        let findings = try LoaderPartsTests.jsonl(base)
        // The forms above are read: IDs with issues, bad dates and times, phones and names
        // of every kind reach the records and problems compared.
        #expect(base.data.problems.contains { $0.kind == .badDate })
        #expect(base.data.signIns.count == 300 && base.data.registry.count == 300)
        for loader in [held, heldParts] {
            let run = loader.load(paths: [dir.path])
            #expect(LoaderPartsTests.digest(run) == reference)
            #expect(try LoaderPartsTests.jsonl(run) == findings)
        }
    }
}
