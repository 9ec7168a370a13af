import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Hostile and broken input (issue 13): each reproduction as a small input. Time is never
/// asserted; a regression to the quadratic or looping behaviour shows as a test that does
/// not finish.
struct HostileInputTests {
    let engine: Engine

    init() throws { engine = try Engines.pack("national") }

    func fixture(_ name: String) -> String { IngestFixtures.path(name) }

    func scan(_ paths: [String]) -> ScanResult { engine.scan(paths, asOf: testToday) }

    // MARK: - no header: searched once, then counted

    @Test func aSheetWithNoHeaderIsSearchedOnceAndCounted() throws {
        // 20,000 rows of notes: the old search over the growing buffer would take hours.
        let text = (1...20_000).map { "第\($0)条说明，无表头" }.joined(separator: "\n") + "\n"
        let dir = try writeTables([("notes.csv", text)])
        let run = engine.load([dir])
        let r = try #require(run.reports.first)
        #expect(r.layout == nil)
        #expect(r.rowsRead == 20_000)
        #expect(r.skipped[.noHeader] == 20_000)
        #expect(r.error?.message.zh.contains("20000行未读取") == true)
    }

    @Test func aHeaderBelowTheSearchedRowsIsReportedNotHung() throws {
        // 40 rows of notes, then a roster header and 3 rows (header_below_30.csv).
        let result = scan([fixture("header_below_30.csv")])
        let dq7 = result.findings.filter { $0.code == "DQ007" }
        #expect(dq7.count == 1)
        #expect(dq7.first?.message.zh.contains("44行未读取") == true)
        #expect(result.data.enrollments.count == 0)
    }

    @Test func longCellsAreNoHeaderText() throws {
        // Header-like text padded past the header length limit is not a header.
        let long = String(repeating: "姓名", count: 200)
        let dir = try writeTables([("roster.csv", "\(long),身份证号码\n马小军,640422199001010017\n")])
        #expect(engine.load([dir]).reports.first?.layout == nil)
        #expect(HeaderFinder.headerTexts(RawRow(number: 1, cells: [long, "姓名"])) == ["", "姓名"])
    }

    // MARK: - workbooks

    @Test(arguments: [
        ("<c r=\"A1\" t=\"", "a"),        // a quote never closed (CI's fuzz timeout)
        ("<!--", "-"),                      // a comment never ended
        ("<![CDATA[", "]"),                 // a CDATA section never ended
    ])
    func aTokenCutIntoManyChunksIsScannedInLinearWork(_ head: String, _ filler: String) throws {
        // 4 MiB of one unfinished token fed in 4 KiB chunks: rescanning the whole held
        // token on every chunk scanned about 2 GiB; trying again only when it has doubled
        // scans at most a few times its size.
        let tokenizer = XMLTokenizer(handler: XLSXMergeScanner(maxColumns: 128))
        let chunk = [UInt8](repeating: UInt8(ascii: Unicode.Scalar(filler)!), count: 4096)
        let total = 4 << 20
        try Array(head.utf8).withUnsafeBufferPointer { try tokenizer.feed($0) }
        for _ in 0..<(total / chunk.count) { try chunk.withUnsafeBufferPointer { try tokenizer.feed($0) } }
        try tokenizer.finish()
        #expect(tokenizer.scannedBytes < 4 * total)
        #expect(tokenizer.scannedBytes >= total)
    }

    @Test func aTokenOverTheLimitIsRefusedWhateverTheChunks() throws {
        let tokenizer = XMLTokenizer(handler: XLSXMergeScanner(maxColumns: 128), maxTokenBytes: 1 << 16)
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        try Array("<c t=\"".utf8).withUnsafeBufferPointer { try tokenizer.feed($0) }
        var refused = false
        do {
            for _ in 0..<200 { try chunk.withUnsafeBufferPointer { try tokenizer.feed($0) } }
        } catch XMLStreamError.tokenTooLarge { refused = true }
        #expect(refused)
    }

    @Test func tagsCutAtEveryByteGiveTheSameMerges() throws {
        let xml = Array(#"<worksheet><mergeCells count="2"><mergeCell ref="A1:H1"/><!-- x --><mergeCell ref="B3:C4"/></mergeCells></worksheet>"#.utf8)
        for size in 1...xml.count {
            let scanner = XLSXMergeScanner(maxColumns: 128)
            let tokenizer = XMLTokenizer(handler: scanner)
            for start in stride(from: 0, to: xml.count, by: size) {
                try xml[start..<min(start + size, xml.count)].withUnsafeBufferPointer { try tokenizer.feed($0) }
            }
            try tokenizer.finish()
            #expect(scanner.ranges.map { "\($0.firstRow),\($0.firstColumn),\($0.lastRow),\($0.lastColumn)" }
                    == ["1,0,1,7", "3,1,4,2"], "chunk size \(size)")
        }
    }

    @Test func aWorksheetListedThousandsOfTimesIsReadOnce() throws {
        // many_sheets.xlsx: 5,000 <sheet> entries, all naming xl/worksheets/sheet1.xml.
        let book = try XLSXWorkbook(path: fixture("many_sheets.xlsx"))
        #expect(book.sheets.count == 2)
        #expect(book.sheets.first?.sheetName == "S1")
        let run = engine.load([fixture("many_sheets.xlsx")])
        #expect(run.reports.count == 2)
        let repeated = try #require(run.reports.last?.error)
        #expect(repeated.message.zh.contains("4999 个工作表条目"))
        #expect(repeated.sheet == "S2")
    }

    @Test func sheetsPastTheLimitAreReported() throws {
        var limits = IngestLimits()
        limits.maxSheets = 1
        let book = try XLSXWorkbook(path: fixture("many_sheets.xlsx"), limits: limits)
        #expect(book.sheets.count == 2)
        var failure: IngestError?
        do { try book.sheets[1].forEachRow { _ in true } } catch let e as IngestError { failure = e }
        #expect(failure?.message.en.contains("over the limit of 1") == true)
    }

    @Test func aMergedRangeFillsAtMostAThousandAbsentRows() throws {
        // fuzz/crashes/xlsx: <mergeCell ref="A1:XFD1048576"/>, rows 1 and 1048576 written (771
        // bytes): a million filled rows of 512 cells before; at most 1,000 between two rows now.
        let path = Repo.path("fuzz/crashes/xlsx/oom-merged-sheet-fills-1M-rows.xlsx")
        let sheet = try #require(try XLSXWorkbook(path: path).sheets.first)
        let rows = try IngestFixtures.rawRows(sheet)
        #expect(rows.count <= MergedCellFill.maxGapRows + 2)
        #expect(rows.first?.number == 1 && rows.last?.number == 1_048_576)
    }

    @Test func aDeflateStreamThatNeverEndsIsAnErrorNotAHang() throws {
        // fuzz/crashes/xlsx: a 2 KB mutated workbook whose sheet's deflate stream does not
        // end within its entry; ZIPFoundation's inflate read on to the end of the file and
        // looped for ever. Read from the entry's own bytes, it is a damaged part.
        let path = Repo.path("fuzz/crashes/xlsx/timeout-zipfoundation-inflate-small-buffer.xlsx")
        let sheet = try #require(try XLSXWorkbook(path: path).sheets.first)
        let error = #expect(throws: IngestError.self) { try IngestFixtures.rawRows(sheet) }
        #expect(error?.message.en.contains("is incomplete") == true)
        // Intact deflated parts read as before (every workbook fixture is deflated).
        #expect(try IngestFixtures.rawRows(try #require(try XLSXWorkbook(path: fixture("basic.xlsx")).sheets.first)).count > 2)
    }

    @Test(arguments: [1, 4, 7, 64, 4096])
    func deflatedPartsReadAlikeWhateverTheChunkSize(_ chunk: Int) throws {
        // The inflate hands on at most `chunk` bytes at a time; zlib may hold output back
        // when the buffer is full (a fuzz input read with 4-byte chunks failed on that).
        for name in ["basic.xlsx", "merged.xlsx", "calc_merged.xlsx", "dates.xlsx", "inline.xlsx"] {
            let whole = try XLSXWorkbook(path: fixture(name)).sheets.map { try IngestFixtures.rawRows($0).map(\.cells) }
            let small = try XLSXWorkbook(path: fixture(name), limits: .default, chunkSize: chunk).sheets
                .map { try IngestFixtures.rawRows($0).map(\.cells) }
            #expect(small == whole, "\(name) with \(chunk)-byte chunks")
        }
    }

    @Test func headerTextsStopAtTheColumnLimit() {
        let row = RawRow(number: 1, cells: Array(repeating: "姓名", count: 200))
        let texts = HeaderFinder.headerTexts(row)
        #expect(texts.prefix(HeaderFinder.maxHeaderColumns).allSatisfy { $0 == "姓名" })
        #expect(texts.dropFirst(HeaderFinder.maxHeaderColumns).allSatisfy { $0.isEmpty })
    }

    @Test(arguments: ["bad_shared_index.xlsx", "no_shared_strings.xlsx"])
    func aMissingSharedStringIsNamedNotSilentlyBlank(_ name: String) throws {
        let sheet = try #require(try XLSXWorkbook(path: fixture(name)).sheets.first)
        let rows = try IngestFixtures.rawRows(sheet)
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows.map(\.undecodable) == [false, true, true])
        #expect(rows[2].isBlank == false)  // a row of nothing but a missing string is data
        if name == "bad_shared_index.xlsx" { #expect(rows[1].cells[0] == "马小军" && rows[1].cells[2] == "") }
        let dq9 = scan([fixture(name)]).findings.filter { $0.code == "DQ009" }
        #expect(dq9.count == 1)
        #expect(dq9.first?.evidence.map(\.row) == [2, 3])
    }

    // MARK: - folders, links, special files

    @Test func linksToTheSameFolderAreWalkedOnceAndFIFOsSkipped() throws {
        let dir = try writeTables([("roster.csv", "\(rosterHeader)\n")])
        try FileManager.default.createSymbolicLink(atPath: dir + "/a", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: dir + "/b", withDestinationPath: dir)
        #expect(mkfifo(dir + "/x.csv", 0o644) == 0)
        let (files, problems) = InputFiles.expand([dir])
        #expect(files == [dir + "/roster.csv"])
        #expect(problems.count == 1)
        #expect(problems.first?.file == dir + "/x.csv")
        #expect(problems.first?.message.en.contains("not a regular file") == true)
        // Given by name, the FIFO is refused before anything opens it.
        #expect(InputFiles.expand([dir + "/x.csv"]).problems.count == 1)
    }

    @Test func aWalkStopsAtTheDepthLimitAndSaysSo() throws {
        let root = try writeTables([])
        var deep = root
        for k in 0...(InputFiles.maxDepth + 1) { deep += "/d\(k)" }
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        let (_, problems) = InputFiles.expand([root])
        #expect(problems.count == 1)
        #expect(problems.first?.message.en.contains("folders deep") == true)
    }

    @Test func anEmptyFileIsReported() throws {
        let dir = try writeTables([("empty.csv", ""), ("roster.csv", "\(rosterHeader)\n马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n")])
        let result = scan([dir])
        let dq7 = result.findings.filter { $0.code == "DQ007" }
        #expect(dq7.count == 1)
        #expect(dq7.first?.evidence.first?.file == "empty.csv")
        #expect(dq7.first?.message.en.contains("empty") == true)
        #expect(result.data.enrollments.count == 1)
    }

    // MARK: - encodings

    @Test func aGB18030FileWithOneBadByteIsReadAndTheRowNamed() throws {
        // Rows 2-4 and 6-8 good; row 5's name is 马小 followed by the byte 0xFF.
        let reader = try CSVReader(path: fixture("gb18030_one_bad.csv"))
        #expect(reader.encoding == .gb18030)
        let rows = try IngestFixtures.rawRows(reader)
        #expect(rows.count == 8)
        #expect(rows[4].cells[0] == "马小\u{FFFD}" && rows[4].undecodable)
        #expect(rows.filter(\.undecodable).map(\.number) == [5])
        #expect(reader.replacedByteSequences == 1)
        let result = scan([fixture("gb18030_one_bad.csv")])
        #expect(result.data.enrollments.count == 7)
        let dq9 = result.findings.filter { $0.code == "DQ009" }
        #expect(dq9.map { $0.evidence.map(\.row) } == [[5]])
    }

    @Test func aGB18030FileCutMidCharacterIsRead() throws {
        // Three rows, then 马 and the first byte of 小 at the very end.
        let reader = try CSVReader(path: fixture("gb18030_cut_end.csv"))
        #expect(reader.encoding == .gb18030)
        let rows = try IngestFixtures.rawRows(reader)
        #expect(rows.count == 5)
        #expect(rows[4].cells == ["马\u{FFFD}"] && rows[4].undecodable)
        #expect(reader.replacedByteSequences == 1)
    }

    @Test func aGB18030PartEndingInAnIncompleteSequenceReadsAsTheWholeFileDoes() throws {
        // Found by the CSV fuzz target: UTF-8 text read as GB18030, row 2 ending "1 E6 30 9D 30 LF".
        // Read whole, iconv sees "9D 30 0A 36" (invalid: one byte replaced, "0" and LF kept);
        // in a part that ends after that LF it sees "9D 30 0A" (incomplete): the same bytes must
        // give the same text, not lose the "0".
        let bytes: [UInt8] = [0xE5, 0xA7, 0x93, 0xE5, 0x90, 0x8D, 0x2C, 0xE8, 0xBA, 0xAB, 0xE4, 0xBB, 0xBD, 0xE8, 0xAF, 0x81,
                              0xE5, 0x8F, 0xB7, 0x2C, 0xE9, 0x87, 0x91, 0xE9, 0xA2, 0x9D, 0x0A, 0xE5, 0xBC, 0xA0, 0xE4, 0xB8,
                              0x89, 0x2C, 0x35, 0x31, 0x30, 0x35, 0x30, 0x32, 0x31, 0xF0, 0x9F, 0x98, 0x80, 0x39, 0x39, 0x30,
                              0x30, 0x31, 0x30, 0x31, 0x31, 0x32, 0x33, 0x34, 0x2C, 0x31, 0xE6, 0x30, 0x9D, 0x30, 0x0A, 0x36,
                              0x8E, 0xE5, 0x9B, 0x9B, 0x2C, 0x35, 0x31, 0x30, 0x35, 0x30, 0x32, 0x31, 0x39, 0x39, 0x30, 0x30,
                              0x31, 0x30, 0x31, 0x31, 0x32, 0x33, 0x58, 0x2C, 0x38, 0x30, 0x30, 0x0A]
        let path = try IngestFixtures.temporaryFile("gb_part_end.csv", bytes)
        let reader = try CSVReader(path: path)
        #expect(reader.encoding == .gb18030)
        let whole = try IngestFixtures.rawRows(reader)
        var parts: [RawRow] = []
        for (range, line) in [(0..<63, 1), (63..<Int.max, 3)] {
            let part = CSVReader(path: path, limits: .default, encoding: reader.encoding, separator: reader.separator,
                                 range: range, firstLine: line)
            parts += try IngestFixtures.rawRows(part)
        }
        #expect(parts.map(\.cells) == whole.map(\.cells))
        #expect(parts.map(\.number) == whole.map(\.number))
    }

    @Test func aUTF8FileWithOneBadByteStaysUTF8() throws {
        // Chinese UTF-8 often decodes as GB18030 too: one bad byte must not switch it.
        var bytes = Array("\(rosterHeader)\n马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n".utf8)
        bytes.insert(0xFF, at: bytes.count - 3)
        let path = try IngestFixtures.temporaryFile("utf8_one_bad.csv", bytes)
        let reader = try CSVReader(path: path)
        #expect(reader.encoding == .utf8)
        let rows = try IngestFixtures.rawRows(reader)
        #expect(rows[0].cells[0] == "姓名")
        #expect(rows[1].cells.last == "XJ-2019-\u{FFFD}01" && rows[1].undecodable)
    }

    @Test(arguments: [("unicode_text.txt", TextEncoding.utf16LE), ("utf16be.csv", .utf16BE),
                      ("utf16le_nobom.csv", .utf16LE), ("utf32le.csv", .utf32LE)])
    func unicodeTextIsRead(_ name: String, _ encoding: TextEncoding) throws {
        // Excel's "Unicode 文本" (UTF-16LE, BOM, tabs) and its relatives: the same roster.
        let reader = try CSVReader(path: fixture(name))
        #expect(reader.encoding == encoding)
        let rows = try IngestFixtures.rawRows(reader)
        #expect(rows.count == 2)
        #expect(rows[0].cells.first == "姓名")
        #expect(rows[1].cells == ["马小军", "640422199001010017", "中式烹调师", "2019-03-01", "2019-03-25", "150", "1600", "XJ-2019-01"])
        #expect(reader.replacedByteSequences == 0)
        let run = engine.load([fixture(name)])
        #expect(run.data.enrollments.map(\.name) == ["马小军"])
    }

    @Test func utf32IsNamedUTF32() throws {
        // The old reader called a UTF-32 file UTF-16 and refused it; now it is read.
        #expect(TextEncoding.fromMark([0xFF, 0xFE, 0x00, 0x00, 0x41]) == .utf32LE)
        #expect(TextEncoding.fromMark([0xFF, 0xFE, 0x41, 0x00]) == .utf16LE)
    }

    // MARK: - fingerprints keyed on what a finding is about

    @Test func renamingAFileKeepsTheFingerprintsOfItsTableFindings() throws {
        let noID = "姓名,培训职业(工种)或专项职业能力,开班日期,结业日期,班级编号\n马小军,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01\n,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01\n合计,,,,\n"
        let notes = "会议纪要\n一、培训工作安排\n"
        let a = try writeTables([("台账.csv", noID), ("notes.csv", notes)])
        let b = try writeTables([("台账 - 副本.csv", noID), ("纪要.csv", notes)])
        let c = try writeTables([("台账.csv", noID + "李梅,中式烹调师,2019-03-01,2019-03-25,XJ-2019-01\n"), ("notes.csv", notes + "二、资金拨付\n")])
        let codes: Set = ["DQ001", "DQ002", "DQ006", "DQ007"]
        func prints(_ dir: String) -> [String: String] {
            let found = scan([dir]).findings.filter { codes.contains($0.code) }
            return Dictionary(found.map { ($0.code, $0.fingerprint) }, uniquingKeysWith: { x, _ in x })
        }
        let (pa, pb, pc) = (prints(a), prints(b), prints(c))
        #expect(Set(pa.keys) == codes)
        #expect(pa == pb)  // renamed: the same findings
        for code in codes { #expect(pa[code] != pc[code], "\(code): other content, another finding") }
    }

    // MARK: - the hostile folder: one message per bad file, the good file read

    @Test func hostileFilesEachGiveAMessageAndTheGoodFileIsRead() throws {
        let good = "\(rosterHeader)\n马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n"
        let dir = try writeTables([("good.csv", good), ("empty.csv", ""), ("notes.csv", "说明\n第二行\n")])
        func copy(_ fixture: String, _ name: String) throws {
            try FileManager.default.copyItem(atPath: self.fixture(fixture), toPath: dir + "/" + name)
        }
        try copy("notzip.xlsx", "notzip.xlsx")
        try copy("doctype.xlsx", "entities.xlsx")
        try copy("binary.csv", "binary.csv")
        try copy("many_sheets.xlsx", "many_sheets.xlsx")
        let basic = try Data(contentsOf: URL(fileURLWithPath: fixture("basic.xlsx")))
        try basic.prefix(basic.count / 2).write(to: URL(fileURLWithPath: dir + "/truncated.xlsx"))
        try Data("not a workbook at all".utf8).write(to: URL(fileURLWithPath: dir + "/old.xls"))
        // A 64 MiB field and 100,000 columns: cut at the limits, the rows kept and named.
        var big = Array("\(rosterHeader)\n".utf8)
        big += Array("马小军".utf8) + [UInt8](repeating: 0x41, count: 64 << 20) + Array(",640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n".utf8)
        try Data(big).write(to: URL(fileURLWithPath: dir + "/field.csv"))
        let wide = rosterHeader + String(repeating: ",x", count: 100_000) + "\n马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01\n"
        try wide.write(toFile: dir + "/columns.csv", atomically: true, encoding: .utf8)
        // A zip bomb, with the limit lowered so the 4 MiB fixture is one.
        try copy("bomb.xlsx", "bomb.xlsx")
        var limited = engine
        limited.limits.maxZipEntryBytes = 1 << 20
        let result = limited.scan([dir], asOf: testToday)
        let named = { (file: String) in
            result.findings.filter { f in f.code.hasPrefix("DQ") && f.code != "DQ006" && f.evidence.contains { $0.file == file } }
        }
        for file in ["empty.csv", "notes.csv", "notzip.xlsx", "entities.xlsx", "binary.csv", "truncated.xlsx", "old.xls", "bomb.xlsx"] {
            #expect(named(file).map(\.code) == ["DQ007"], "\(file): \(named(file).map(\.code))")
        }
        #expect(named("field.csv").map(\.code) == ["DQ008"])
        // Only the header of columns.csv is wide: its data row is good.csv's, field for field
        // (DQ012: one record, both files named).
        #expect(named("columns.csv").map(\.code).sorted() == ["DQ008", "DQ012"])
        #expect(named("many_sheets.xlsx").map(\.code).sorted() == ["DQ007", "DQ007"])  // S1 has no header; S2… repeat it
        #expect(result.data.repeatedRows.map { "\($0.row.file) \($0.row.row) = \($0.of.file) \($0.of.row)" } == ["good.csv 2 = columns.csv 2"])
        #expect(result.data.enrollments.count == 2)  // field's (its name cut) and columns' (= good's)
    }

    // MARK: - every row accounted for

    @Test func everyRowOfEveryFixtureIsAccountedFor() throws {
        let run = engine.load([Repo.path("corpus/demo"), Repo.path("Tests/Fixtures")])
        #expect(run.reports.count > 40)
        for r in run.reports {
            let header = r.layout?.headerRows.count ?? 0
            #expect(r.rowsRead == header + r.records + r.skippedTotal, "\(r.file) \(r.sheet ?? "")")
        }
    }
}

/// The command line refuses what it does not understand, and shows what was read.
struct CommandLineRefusalTests {
    let cli = CommandLineTests()

    @Test func aMistypedSubcommandIsExitTwoNotAScan() throws {
        let r = try cli.run(["inspcet", "corpus/demo"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("inspcet") && r.stderr.contains("子命令"))
        #expect(r.stdout.isEmpty)
        let en = try cli.run(["inspcet", "corpus/demo", "--lang", "en"])
        #expect(en.status == 2 && en.stderr.contains("neither a file or folder nor a subcommand"))
    }

    @Test func aMissingPathIsExitTwoBeforeAnythingIsRead() throws {
        let r = try cli.run(["scan", "corpus/demo", "corpus/no-such-folder"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("文件或文件夹不存在：corpus/no-such-folder"))
        #expect(r.stdout.isEmpty)
    }

    @Test func inspectRowsPrintsTheReadersRows() throws {
        let r = try cli.run(["inspect", "--rows", "3", "Tests/Fixtures/ingest/quoted.csv", "Tests/Fixtures/ingest/gb18030_one_bad.csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        // quoted.csv as make_fixtures.py writes it: "" escapes, CRLF inside quotes.
        #expect(lines[0] == #"{"file":"Tests/Fixtures/ingest/quoted.csv","sheet":null,"row":1,"cells":["姓名","备注","金额"]}"#)
        #expect(lines[1] == #"{"file":"Tests/Fixtures/ingest/quoted.csv","sheet":null,"row":2,"cells":["张三","他说\"好\"","1600"]}"#)
        #expect(lines[2] == #"{"file":"Tests/Fixtures/ingest/quoted.csv","sheet":null,"row":3,"cells":["李四","第一行\r\n第二行","800"]}"#)
        #expect(lines[3].hasPrefix(#"{"file":"Tests/Fixtures/ingest/gb18030_one_bad.csv","sheet":null,"row":1,"cells":["姓名","身份证号码""#))
        // A header-less sheet's rows are printed as well.
        let notes = try cli.run(["inspect", "--rows", "2", "Tests/Fixtures/ingest/header_below_30.csv"])
        #expect(notes.stdout.split(separator: "\n").first == #"{"file":"Tests/Fixtures/ingest/header_below_30.csv","sheet":null,"row":1,"cells":["说明第1条"]}"#)
    }

    @Test func inspectShowsTheRowAccounting() throws {
        let r = try cli.run(["inspect", "Tests/Fixtures/ingest/merged.xlsx"])
        // 第一期: title and 填报单位 above a two-row header, two data rows, a footer.
        #expect(r.stdout.contains("读取行：7 = 表头 2 + 数据 2 + 跳过 3"))
        #expect(r.stdout.contains("读取行：2 = 表头 0 + 数据 0 + 跳过 2"))
    }
}
