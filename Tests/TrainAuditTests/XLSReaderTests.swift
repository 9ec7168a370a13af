import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// The .xls (BIFF8) reader, on files written by xlwt, by LibreOffice Calc and by hand
/// (Tests/Fixtures/ingest/make_xls_fixtures.py): the same rows as the xlsx reader gives
/// for the same tables, and every damaged or refused file an `IngestError` naming it.
struct XLSReaderTests {
    static func path(_ name: String) -> String { IngestFixtures.path("xls/" + name) }

    static func book(_ name: String, _ limits: IngestLimits = .default) throws -> XLSWorkbook {
        try XLSWorkbook(path: path(name), limits: limits)
    }

    /// Every sheet's rows (number, cells, truncated) and names.
    static func sheets(_ sources: [any SheetSource]) throws -> [(String?, [RawRow])] {
        try sources.map { ($0.sheetName, try IngestFixtures.rawRows($0)) }
    }

    static func same(_ a: [(String?, [RawRow])], _ b: [(String?, [RawRow])]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.0 == y.0 && x.1.count == y.1.count && zip(x.1, y.1).allSatisfy {
                $0.number == $1.number && $0.cells == $1.cells && $0.truncated == $1.truncated
            }
        }
    }

    /// The xlsx fixtures of make_fixtures.py and their .xls twins: xlwt wrote the same
    /// cells, Calc converted the xlsx itself.
    @Test(arguments: [
        ("basic.xlsx", ["xlwt_basic.xls", "calc_basic.xls", "wps_basic.et"]),
        ("dates.xlsx", ["xlwt_dates.xls", "calc_dates.xls"]),
        ("date1904.xlsx", ["calc_date1904.xls"]),
        ("merged.xlsx", ["xlwt_merged.xls", "calc_merged.xls"]),
    ])
    func xlsGivesTheSameRowsAsTheXlsx(_ xlsx: String, _ twins: [String]) throws {
        var expected = try Self.sheets(XLSXWorkbook(path: IngestFixtures.path(xlsx)).sheets)
        for twin in twins {
            var got = try Self.sheets(Self.book(twin).sheets)
            if xlsx == "date1904.xlsx" {
                // openpyxl names the sheet "Sheet", Calc keeps it; compare the rows.
                expected[0].0 = nil
                got[0].0 = nil
            }
            #expect(Self.same(got, expected), "\(twin) differs from \(xlsx): \(got.map { $0.1.map(\.cells) })")
        }
    }

    @Test func idsAsTextReadWholeAndAsNumbersAsExcelShowsThem() throws {
        for name in ["xlwt_basic.xls", "calc_basic.xls"] {
            let rows = try IngestFixtures.rawRows(Self.book(name).sheets[0])
            #expect(rows[1].cells[1] == "510502199001011234", "\(name)")
            // The number cell lost its last digits, as in Excel: the ID reader reports it.
            #expect(rows[2].cells[1] == "5.10502199001011E+17", "\(name)")
            #expect(rows[3].cells[4] == "1.23456789012346E+15", "\(name)")
        }
    }

    @Test func datesInThe1900And1904Systems() throws {
        let b1900 = try Self.book("xlwt_dates.xls")
        #expect(!b1900.date1904)
        let b1904 = try Self.book("xlwt_dates1904.xls")
        #expect(b1904.date1904)
        #expect(try Self.book("calc_date1904.xls").date1904)
        // xlwt stored the dates as 1904 serials: the same days come out. The bare serial
        // 42434 under a date format is another day in 1904 (2020-03-06), as Excel shows it.
        #expect(IngestFixtures.same(try IngestFixtures.rows(b1904.sheets[0]), [
            (1, ["2016-03-05"]), (2, ["2016-03-05 08:30:15"]), (3, ["08:30:00"]), (4, ["2020-03-06"]),
            (5, ["42434"]), (6, ["2020-03-06"]), (7, ["1600"]), (8, ["1600"]), (9, ["1600"]),
        ]))
    }

    @Test func formulasGiveTheirCachedValues() throws {
        let rows = try IngestFixtures.rows(Self.book("calc_formulas.xls").sheets[0])
        let long = String(repeating: "长", count: 300)
        #expect(IngestFixtures.same(rows, [
            (1, ["姓名", "学时", "补贴", "合格", "说明", "错误", "空", "日均"]),
            // 120/7 is held whole in the .xls and to 15 digits in Calc's .xlsx: read alike.
            (2, ["张三", "120", "1200", "TRUE", "合格", "#DIV/0!", "", "17.1428571428571"]),
            (3, ["李四", "80", "800", "FALSE", "李四（不合格）", "#N/A", "", "26.6666666666667"]),
            (4, ["合计", "", "2000", "", long]),
        ]))
        // The same document saved by Calc as xlsx: identical but for the boolean results,
        // which Calc's xlsx export stores as numbers (t="n", 1/0) and its xls export as
        // booleans.
        let xlsx = try IngestFixtures.rows(XLSXWorkbook(path: Self.path("calc_formulas.xlsx")).sheets[0])
        func noBooleans(_ r: [(Int, [String])]) -> [(Int, [String])] {
            r.map { n, c in (n, c.enumerated().map { $0.offset == 3 && n > 1 && !$0.element.isEmpty ? "bool" : $0.element }) }
        }
        #expect(IngestFixtures.same(noBooleans(rows), noBooleans(xlsx)))
        #expect(xlsx[1].1[3] == "1" && xlsx[2].1[3] == "0")
    }

    @Test func gbkByteStringsUnderCodePage936() throws {
        let book = try Self.book("hand_gbk.xls")
        #expect(book.codePage == 936)
        #expect(book.sheetNames == ["台账"])
        #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), [
            (1, ["姓名", "培训机构"]),
            // Bytes that are not GBK stay Latin-1.
            (2, ["张三", "西吉县职教中心", "café"]),
        ]))
    }

    @Test func sharedStringsSplitAcrossContinueRecords() throws {
        let book = try Self.book("hand_sst_continue.xls")
        #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), [
            // 8-bit then 16-bit, 16-bit then 8-bit, rich text with phonetic data (skipped),
            // a string starting at a record boundary.
            (1, ["ABCDEFGH张三", "李四abc", "阿依古丽", "XYZ"]),
            // A string formula whose STRING record continues.
            (2, ["abc合格中"]),
            // Cells written out of row order come out sorted.
            (3, ["2"]),
            (4, ["3"]),
        ]))
    }

    @Test func rowRecordsWithoutCellsAreBlankRowsInAVersion4Container() throws {
        let rows = try IngestFixtures.rows(Self.book("hand_rows_v4.xls").sheets[0])
        #expect(IngestFixtures.same(rows, [
            (1, ["1"]), (2, []), (3, []), (4, ["", "4"]), (5, []), (6, []), (8, []),
        ]))
    }

    @Test func sheetsSharingAnOffsetAreOneAndASheetEndsWhereTheNextBegins() throws {
        let book = try Self.book("hand_sheets.xls")
        #expect(book.sheetNames == ["甲", "乙"])
        #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), [(1, ["甲表"])]))
        #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[1]), [(1, ["乙表"])]))
    }

    @Test func blankCellsDownToTheLastRowAreLeftOutOthersAreBlankRows() throws {
        // Calc writes a column's format as blank cells to row 65,536 in .xls (its .xlsx
        // has a column style and no rows there).
        let trailing = try IngestFixtures.rows(Self.book("hand_trailing_blanks.xls").sheets[0])
        #expect(IngestFixtures.same(trailing, [(1, ["1"]), (2, ["2"])]))
        let blank = try IngestFixtures.rows(Self.book("hand_blank_rows.xls").sheets[0])
        #expect(IngestFixtures.same(blank, [(1, ["1"]), (2, ["2"]), (3, []), (4, []), (100, [])]))
    }

    @Test func fatSectorsListedInADIFATSector() throws {
        let plain = try Self.sheets(Self.book("xlwt_basic.xls").sheets)
        #expect(Self.same(try Self.sheets(Self.book("xlwt_basic_difat.xls").sheets), plain))
    }

    @Test func sixtyThousandRows() throws {
        let start = Date()
        let sheet = try Self.book("xlwt_large.xls").sheets[0]
        var count = 0
        var bad: [Int] = []
        let names = ["张三", "李四", "王五", "马福", "赵六", "穆宝志", "阿依古丽·买买提"]
        try sheet.forEachRow { row in
            count += 1
            let k = row.number - 1
            if k > 0 {
                let expected = [String(k), names[k % names.count], Self.largeID(k)]
                if row.cells != expected { bad.append(row.number) }
            }
            return true
        }
        #expect(count == 60_001)
        #expect(bad.isEmpty, "rows differ: \(bad.prefix(5))")
        // Generous: a debug build on a loaded machine (release reads it in well under 1 s).
        #expect(Date().timeIntervalSince(start) < 120)
    }

    /// make_xls_fixtures.py's large_id.
    static func largeID(_ k: Int) -> String {
        let body = "640422" + String(format: "%08d%03d", 19600101 + k % 28, k % 1000)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let total = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        return body + String(Array("10X98765432")[total % 11])
    }

    @Test func theFormatIsDecidedByTheBytesNotTheName() throws {
        let basic = try Self.sheets(XLSXWorkbook(path: IngestFixtures.path("basic.xlsx")).sheets)
        for name in ["really_xls.xlsx", "really_xls.csv", "wps_basic.et", "really_xlsx.xls"] {
            let sheets = try Workbook.open(Self.path(name))
            #expect(sheets.first is XLSSheet == !name.hasSuffix(".xls"), "\(name)")
            #expect(Self.same(try Self.sheets(sheets), basic), "\(name)")
        }
        // An .xls that is really text is read as CSV.
        let csv = try Workbook.open(Self.path("csv_text.xls"))
        #expect(csv.first is CSVReader)
        #expect(IngestFixtures.same(try IngestFixtures.rows(csv[0]), [
            (1, ["姓名", "身份证号", "金额"]), (2, ["张三", "510502199001011234", "1600"]),
        ]))
    }

    @Test(arguments: [
        ("html.xls", "a web page (HTML table)"),
        ("xml2003.xls", "an XML spreadsheet (Excel 2003 XML)"),
        ("hand_filepass.xls", "password-protected"),
        ("hand_encrypted.xlsx", "password-protected"),
        ("hand_biff5.xls", "Excel 5.0/95 (BIFF5)"),
        ("hand_word.xls", "a Word .doc document"),
    ])
    func refusedWithAMessageSayingWhatTheFileIs(_ name: String, _ says: String) throws {
        let error = #expect(throws: IngestError.self) { try Workbook.open(Self.path(name)) }
        #expect(error?.file == Self.path(name))
        #expect(error?.message.en.contains(says) == true, "\(error?.message.en ?? "")")
        #expect(error?.message.zh.isEmpty == false)
    }

    /// Damaged containers and lying records: an error naming the file (and the sheet when
    /// it is the sheet's records), at once, never a hang or a crash.
    @Test(arguments: [
        ("truncated.xls", "damaged or truncated"),
        ("fat_loop.xls", "sector chain loops"),
        ("stream_loop.xls", "sector chain loops"),
        ("bad_sector.xls", "which does not exist"),
        ("huge_size.xls", "more than the file holds"),
        ("many_fat_sectors.xls", "FAT sectors"),
        ("bad_sheet_offset.xls", "outside the workbook stream"),
        ("short_record.xls", "runs past its end"),
    ])
    func hostileFilesAreErrorsNamingTheFile(_ name: String, _ says: String) throws {
        let file = Self.path("hostile/" + name)
        let start = Date()
        let error = #expect(throws: IngestError.self) {
            for sheet in try Workbook.open(file) { _ = try IngestFixtures.rawRows(sheet) }
        }
        #expect(error?.file == file)
        #expect(error?.message.en.contains(says) == true, "\(error?.message.en ?? "")")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func anSSTThatOverstatesItsCountReadsWhatItHolds() throws {
        let rows = try IngestFixtures.rows(Self.book("hostile/lying_sst.xls").sheets[0])
        #expect(IngestFixtures.same(rows, [(1, ["A"])]))
    }

    /// Random damage to real files: every outcome is rows or an IngestError, quickly.
    @Test func randomlyDamagedFilesNeverCrashOrHang() throws {
        var rng = SeededGenerator(seed: 20190301)
        for name in ["xlwt_basic.xls", "calc_merged.xls", "calc_formulas.xls", "hand_sst_continue.xls"] {
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.path(name))))
            for _ in 0..<150 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    let at = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[at] = UInt8.random(in: 0...255, using: &rng)
                }
                if Bool.random(using: &rng) { bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng))) }
                let file = try IngestFixtures.temporaryFile("damaged.xls", bytes)
                let start = Date()
                do {
                    for sheet in try Workbook.open(file) { _ = try IngestFixtures.rawRows(sheet) }
                } catch let e as IngestError {
                    #expect(e.file == file)
                }
                #expect(Date().timeIntervalSince(start) < 10)
            }
        }
    }

    @Test func cellsAreCutAndColumnsDroppedAtTheLimits() throws {
        var limits = IngestLimits()
        limits.maxCellBytes = 4
        for name in ["xlwt_basic.xls", "calc_basic.xls"] {
            let raw = try IngestFixtures.rawRows(Self.book(name, limits).sheets[0])
            #expect(raw[0].cells == ["姓", "身", "金", "备"] && raw[0].truncated, "\(name)")
            #expect(raw[1].cells == ["张", "5105", "1600", "合"] && raw[1].truncated, "\(name)")
            #expect(raw[2].cells == ["李", "5.10", "1600"] && raw[2].truncated, "\(name)")
            #expect(raw[4].cells == ["0.1", "-42", "TRUE", "a&b "] && raw[4].truncated, "\(name)")
        }
        var narrow = IngestLimits()
        narrow.maxColumns = 2
        let raw = try IngestFixtures.rawRows(Self.book("calc_basic.xls", narrow).sheets[0])
        #expect(raw[0].cells == ["姓名", "身份证号"] && raw[0].truncated)
        var tight = IngestLimits()
        tight.maxSharedStringBytes = 100
        let error = #expect(throws: IngestError.self) { try Self.book("calc_basic.xls", tight) }
        #expect(error?.message.en.contains("shared-string table") == true)
    }

    @Test func stopsWhenAskedAndPassesCallerErrorsThrough() throws {
        let sheet = try Self.book("calc_merged.xls").sheets[0]
        var seen: [Int] = []
        try sheet.forEachRow { seen.append($0.number); return seen.count < 2 }
        #expect(seen == [1, 2])
        struct Mine: Error {}
        #expect(throws: Mine.self) { try sheet.forEachRow { _ in throw Mine() } }
    }

    @Test func rkNumbersAndErrorCodes() {
        #expect(BIFFValues.rk(0x3FF0_0000) == 1.0)
        #expect(BIFFValues.rk(100 << 2 | 0x2) == 100)
        #expect(BIFFValues.rk(UInt32(bitPattern: -42 << 2) | 0x2) == -42)
        #expect(BIFFValues.rk(12345 << 2 | 0x3) == 123.45)
        #expect(BIFFValues.errorText(0x07) == "#DIV/0!")
        #expect(BIFFValues.errorText(0x2A) == "#N/A")
        // Numbers render as the xlsx reader renders the same stored value.
        for v in [0.1, 1600, 1600.5, -42, 5.10502199001011264e17, 123456789012345, 1e-7, 1.0 / 3] {
            #expect(XLSXValueText.number(v) == XLSXValueText.number(String(v)))
        }
        // 15 significant digits, as Excel shows numbers and Calc writes them in .xlsx.
        #expect(XLSXValueText.number(0.1 + 0.2) == "0.3")
        #expect(XLSXValueText.number(1.0 / 3) == "0.333333333333333")
        #expect(XLSXValueText.number("0.333333333333333") == XLSXValueText.number(1.0 / 3))
        #expect(XLSXValueText.number(200.0 / 3) == "66.6666666666667")
        #expect(XLSXValueText.number(2.9999999999999996) == "3")
    }
}

/// SplitMix64, for repeatable random damage.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The demo county's ledger (openpyxl .xlsx) and the same workbook saved by LibreOffice
/// Calc as .xls give the same records, problems, reports and findings, but for the one ID
/// the .xlsx holds whole in a number cell (ID010's plant): Calc saved it as a double, so
/// the .xls keeps 15 significant digits (ID004), as Excel would have.
@Test func demoLedgerSavedAsXLSGivesTheSameRecordsAndFindings() throws {
    let xlsx = Repo.path("corpus/demo/西吉县2019年精准脱贫技能培训台账.xlsx")
    let xls = XLSReaderTests.path("calc_demo_ledger.xls")
    let engine = try Engines.pack("guyuan")
    let loader = Loader(catalog: engine.catalog)
    let fromXLSX = loader.load(paths: [xlsx])
    let fromXLS = loader.load(paths: [xls])
    // Records print their source as an interned (file, sheet) code: compare the sheets
    // and rows by label, the rest as printed.
    func neutral(_ s: String) -> String { s.replacingOccurrences(of: #"place: \d+"#, with: "place: _", options: .regularExpression) }
    let whole = "单娟燕"
    let a = LoaderPartsTests.digest(fromXLSX).map(neutral).filter { !$0.contains(whole) }
    let b = LoaderPartsTests.digest(fromXLS).map { neutral($0.replacingOccurrences(of: xls, with: xlsx)) }.filter { !$0.contains(whole) }
    #expect(fromXLSX.data.enrollments.count > 400)
    #expect(fromXLSX.data.enrollments.map { "\($0.source.sheet ?? "") \($0.source.row)" }
        == fromXLS.data.enrollments.map { "\($0.source.sheet ?? "") \($0.source.row)" })
    #expect(a.count == b.count)
    for (x, y) in zip(a, b) where x != y {
        Issue.record("xlsx: \(x)\nxls:  \(y)")
        break
    }
    // Fingerprints include the file's name; everything else must be the same.
    func noFingerprint(_ s: String) -> String {
        s.replacingOccurrences(of: #""fingerprint":"[0-9a-f]*""#, with: "", options: .regularExpression)
    }
    let ja = try LoaderPartsTests.jsonl(fromXLSX), jb = try LoaderPartsTests.jsonl(fromXLS)
    #expect(ja.contains { $0.contains("\"ID010\"") && $0.contains(whole) })
    #expect(!jb.contains { $0.contains("\"ID010\"") })
    #expect(jb.contains { $0.contains("\"ID004\"") && $0.contains(whole) && $0.contains("6.40422198305253E+17") })
    let fa = ja.map(noFingerprint).filter { !$0.contains(whole) }
    let fb = jb.map { noFingerprint($0.replacingOccurrences(of: xls, with: xlsx)) }.filter { !$0.contains(whole) }
    #expect(fa.count > 40)
    #expect(fa.count == fb.count)
    #expect(fa == fb)
}
