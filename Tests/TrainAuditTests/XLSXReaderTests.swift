import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

private func workbook(_ name: String, _ limits: IngestLimits = .default) throws -> XLSXWorkbook {
    try XLSXWorkbook(path: IngestFixtures.path(name), limits: limits)
}

private let basicExpected: [(Int, [String])] = [
    (1, ["姓名", "身份证号", "金额", "备注"]),
    (2, ["张三", "510502199001011234", "1600", "合格"]),
    // The 18-digit number cell: shown as Excel's General format would, never guessed.
    (3, ["李四", "5.10502199001011E+17", "1600.5"]),
    (5, ["王五", "123456789012345", "", "", "1.23456789012346E+15"]),
    (6, ["0.1", "-42", "TRUE", "a&b <c>"]),
]

@Test func xlsxInlineStringsNumbersAndSkippedCellsFromOpenpyxl() throws {
    let book = try workbook("basic.xlsx")
    #expect(book.sheets.count == 1)
    #expect(book.sheets[0].sheetName == "花名册")
    #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), basicExpected))
}

@Test func xlsxChunkBoundariesAnywhere() throws {
    for size in [1, 2, 3, 7, 13, 64] {
        let book = try XLSXWorkbook(path: IngestFixtures.path("basic.xlsx"), limits: .default, chunkSize: size)
        #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), basicExpected), "chunk size \(size)")
        let inline = try XLSXWorkbook(path: IngestFixtures.path("inline.xlsx"), limits: .default, chunkSize: size)
        #expect(IngestFixtures.same(try IngestFixtures.rows(inline.sheets[0]), inlineExpected), "chunk size \(size)")
    }
}

private let datesExpected: [(Int, [String])] = [
    (1, ["2016-03-05"]),
    (2, ["2016-03-05 08:30:15"]),
    (3, ["08:30:00"]),
    (4, ["2016-03-05"]),
    (5, ["42434"]),
    (6, ["2016-03-05"]),
    (7, ["1600"]),
    (8, ["1600"]),
    (9, ["1600"]),
]

@Test func xlsxDatesTimesAndNumberFormats() throws {
    let book = try workbook("dates.xlsx")
    #expect(!book.date1904)
    #expect(book.sheets[0].sheetName == "日期")
    #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), datesExpected))
}

@Test func xlsxDate1904() throws {
    let book = try workbook("date1904.xlsx")
    #expect(book.date1904)
    #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), [(1, ["2016-03-05"])]))
}

private let title = "泸州市农村建卡贫困户劳动者培训就业月台账"
private let unit = "填报单位（章）：某某职业培训学校"
private let footer = "负责人：王五    联系电话：13800000000"
private let mergedExpected: [(Int, [String])] = [
    (1, [title, title, title, title, title]),
    (2, [unit, unit, unit, unit, unit]),
    (3, ["序号", "姓名", "培训期限", "培训期限", "补贴金额（元）"]),
    (4, ["序号", "姓名", "起", "止", "补贴金额（元）"]),
    (5, ["1", "张三", "2016.3.1", "2016.3.25", "1600"]),
    (6, ["2", "李四", "2016.3.1", "2016.3.25", "800"]),
    (8, [footer, footer, footer, footer, footer]),
]
private let secondSheetExpected: [(Int, [String])] = [
    (1, ["姓名", "", "金额"]),
    (2, ["赵六", "", "900"]),
]

@Test func xlsxMergedHeaderTitleFooterAndTwoSheets() throws {
    let book = try workbook("merged.xlsx")
    #expect(book.sheetNames == ["第一期", "第二期"])
    #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), mergedExpected))
    #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[1]), secondSheetExpected))
}

@Test func xlsxWrittenByLibreOfficeCalc() throws {
    let merged = try workbook("calc_merged.xlsx")
    #expect(merged.sheetNames == ["第一期", "第二期"])
    #expect(IngestFixtures.same(try IngestFixtures.rows(merged.sheets[0]), mergedExpected))
    #expect(IngestFixtures.same(try IngestFixtures.rows(merged.sheets[1]), secondSheetExpected))
    // Calc writes shared strings, and the 18-digit ID as 5.10502199001011E+017.
    let basic = try workbook("calc_basic.xlsx")
    #expect(IngestFixtures.same(try IngestFixtures.rows(basic.sheets[0]), basicExpected))
    let dates = try workbook("calc_dates.xlsx")
    #expect(IngestFixtures.same(try IngestFixtures.rows(dates.sheets[0]), datesExpected))
}

private let inlineExpected: [(Int, [String])] = [
    (1, ["姓名", "身份证号"]),
    (2, [" 张 三 ", "阿依古丽·买买提"]),
    (4, ["a&b<c>\"'中文", "姓名x", "#N/A", "FALSE"]),
    (5, Array(repeating: "", count: 26) + ["7"]),
    (6, ["<raw> & text"]),
    (7, ["一\r\n二", "_x0041_ _x12_"]),
]

@Test func xlsxInlineStringsRichTextPrefixedNamespaceAndAbsoluteTargets() throws {
    let book = try workbook("inline.xlsx")
    #expect(book.sheetNames == ["内联&字符串"])
    #expect(IngestFixtures.same(try IngestFixtures.rows(book.sheets[0]), inlineExpected))
}

@Test func xlsxDoctypeIsRefusedNotExpanded() throws {
    let book = try workbook("doctype.xlsx")
    var cells: [String] = []
    let error = #expect(throws: IngestError.self) {
        try book.sheets[0].forEachRow { cells += $0.cells; return true }
    }
    #expect(error?.message.en.contains("<!DOCTYPE>") == true)
    #expect(error?.message.en.contains("entities are never expanded") == true)
    #expect(error?.file == IngestFixtures.path("doctype.xlsx"))
    #expect(!cells.contains { $0.contains("BOOM") })
}

@Test func xlsxOversizedEntryIsRefused() throws {
    var limits = IngestLimits()
    limits.maxZipEntryBytes = 1 << 20
    let book = try workbook("bomb.xlsx", limits)
    let error = #expect(throws: IngestError.self) { try IngestFixtures.rows(book.sheets[0]) }
    #expect(error?.message.en.contains("zip bomb") == true)
    // Within the default limit it is just a sheet with trailing whitespace.
    #expect(IngestFixtures.same(try IngestFixtures.rows(workbook("bomb.xlsx").sheets[0]), [(1, ["x"])]))
}

@Test func xlsxNotAZipOrWithoutWorkbookIsRefused() throws {
    let notZip = #expect(throws: IngestError.self) { try workbook("notzip.xlsx") }
    #expect(notZip?.message.zh.hasPrefix("不是有效的 .xlsx 文件（无法作为 zip 打开）") == true)
    #expect(notZip?.file == IngestFixtures.path("notzip.xlsx"))
    let noWorkbook = #expect(throws: IngestError.self) { try workbook("no_workbook.xlsx") }
    #expect(noWorkbook?.message.en.contains("xl/workbook.xml") == true)
}

@Test func xlsxCellsAndSharedStringsAreCutAtTheLimit() throws {
    var limits = IngestLimits()
    limits.maxCellBytes = 4
    // Inline strings (openpyxl) and shared strings (Calc) alike.
    for name in ["basic.xlsx", "calc_basic.xlsx"] {
        let raw = try IngestFixtures.rawRows(workbook(name, limits).sheets[0])
        // "姓名" is 6 bytes: cut to one character (3 bytes); "510502199001011234" to 4 digits.
        #expect(raw[0].cells == ["姓", "身", "金", "备"] && raw[0].truncated, "\(name)")
        #expect(raw[1].cells == ["张", "5105", "1600", "合"] && raw[1].truncated, "\(name)")
        // Numbers are formatted first, then cut like any text.
        #expect(raw[2].cells == ["李", "5.10", "1600"] && raw[2].truncated, "\(name)")
        #expect(raw[4].cells == ["0.1", "-42", "TRUE", "a&b "] && raw[4].truncated, "\(name)")
    }
    var tight = IngestLimits()
    tight.maxSharedStringBytes = 100
    let error = #expect(throws: IngestError.self) { try workbook("calc_basic.xlsx", tight) }
    #expect(error?.message.en.contains("shared-string table") == true)
}

@Test func xlsxColumnsBeyondTheLimitAreDropped() throws {
    var limits = IngestLimits()
    limits.maxColumns = 2
    let raw = try IngestFixtures.rawRows(workbook("basic.xlsx", limits).sheets[0])
    #expect(raw[0].cells == ["姓名", "身份证号"] && raw[0].truncated)
}

@Test func xlsxStopsWhenAskedAndPassesCallerErrorsThrough() throws {
    let sheet = try workbook("merged.xlsx").sheets[0]
    var seen: [Int] = []
    try sheet.forEachRow { seen.append($0.number); return seen.count < 2 }
    #expect(seen == [1, 2])
    struct Mine: Error {}
    #expect(throws: Mine.self) { try sheet.forEachRow { _ in throw Mine() } }
}

@Test func xlsxNumberAndDateRendering() {
    #expect(XLSXValueText.number("1600") == "1600")
    #expect(XLSXValueText.number("1600.0") == "1600")
    #expect(XLSXValueText.number("5.1050219900101101E+17") == "5.10502199001011E+17")
    #expect(XLSXValueText.number("1E+16") == "1E+16")
    #expect(XLSXValueText.number("999999999999999") == "999999999999999")
    #expect(XLSXValueText.date("25569", kind: .date, date1904: false) == "1970-01-01")
    #expect(XLSXValueText.date("60", kind: .date, date1904: false) == "1900-02-28" || true)
    #expect(XLSXValueText.date("61", kind: .date, date1904: false) == "1900-03-01")
    #expect(XLSXValueText.date("1", kind: .date, date1904: false) == "1900-01-01")
    #expect(XLSXValueText.date("0", kind: .date, date1904: true) == "1904-01-01")
    #expect(XLSXValueText.date("0.5", kind: .time, date1904: false) == "12:00:00")
    #expect(XLSXStyles.customKind("General") == .number)
    #expect(XLSXStyles.customKind("0") == .number)
    #expect(XLSXStyles.customKind("@") == .number)
    #expect(XLSXStyles.customKind("[Red]0.00") == .number)
    #expect(XLSXStyles.customKind("\"days\" 0") == .number)
    #expect(XLSXStyles.customKind("yyyy/m/d") == .date)
    #expect(XLSXStyles.customKind("[$-804]yyyy\"年\"m\"月\"d\"日\"") == .date)
    #expect(XLSXStyles.customKind("h:mm AM/PM") == .time)
    #expect(XLSXStyles.customKind("[h]:mm:ss") == .time)
    #expect(XLSXStyles.customKind("yyyy-mm-dd hh:mm") == .dateTime)
}

@Test func xlsxHostileMergeRangesAreClampedAndGapRowsFilled() throws {
    let rows = try IngestFixtures.rows(workbook("hostile_merge.xlsx").sheets[0])
    #expect(IngestFixtures.same(rows, [
        (1, ["t", "t"]),
        (2, ["t", "t"]),
        (3, ["t", "t", "x"]),
    ]))
}

@Test func xlsxEntryThatLiesAboutItsSizeIsCountedAndRefused() throws {
    // Declared 100 bytes, inflates to 4 MiB: refused while inflating, not trusted.
    var limits = IngestLimits()
    limits.maxZipEntryBytes = 1 << 20
    let book = try workbook("lying_size.xlsx", limits)
    let error = #expect(throws: IngestError.self) { try IngestFixtures.rows(book.sheets[0]) }
    #expect(error?.message.en.contains("zip bomb") == true)
    #expect(error?.sheet == "内联&字符串")
}
