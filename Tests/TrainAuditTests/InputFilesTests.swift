import Testing
@testable import TrainAudit

@Test func inputFolderIsWalkedSortedSkippingHiddenAndLockFiles() {
    let tree = IngestFixtures.path("tree")
    let (files, problems) = InputFiles.expand([tree])
    #expect(files == [
        tree + "/0.csv",
        tree + "/a/1.xlsx",
        tree + "/a/z.TSV",
        tree + "/b/2.csv",
        tree + "/c/m.xlsm",
        tree + "/c/readme.txt",
    ])
    #expect(problems.count == 1)
    #expect(problems.first?.file == tree + "/c/old.xls")
    #expect(problems.first?.message.zh == "旧版 .xls 格式不支持，请用 Excel/WPS 另存为 .xlsx")
    #expect(problems.first?.message.en == "old binary .xls is not supported: save it as .xlsx in Excel or WPS")
}

@Test func inputFilesGivenByNameAndTheirProblems() {
    let csv = IngestFixtures.path("utf8.csv")
    let docx = IngestFixtures.path("tree/a/notes.docx")
    let missing = IngestFixtures.path("no/such/file.csv")
    let (files, problems) = InputFiles.expand([csv, docx, missing, csv])
    #expect(files == [csv, csv])
    #expect(problems.map(\.file) == [docx, missing])
}

@Test func workbookOpenChoosesTheReader() throws {
    let csvSheets = try Workbook.open(IngestFixtures.path("utf8.csv"))
    #expect(csvSheets.count == 1 && csvSheets[0].sheetName == nil)
    #expect(csvSheets[0] is CSVReader)
    let xlsxSheets = try Workbook.open(IngestFixtures.path("merged.xlsx"))
    #expect(xlsxSheets.map(\.sheetName) == ["第一期", "第二期"])
}

@Test func workbookOpenRefusesMisnamedFiles() {
    let disguised = #expect(throws: IngestError.self) { try Workbook.open(IngestFixtures.path("really_xlsx.csv")) }
    #expect(disguised?.message.en.contains("really an xlsx") == true)
    let notZip = #expect(throws: IngestError.self) { try Workbook.open(IngestFixtures.path("notzip.xlsx")) }
    #expect(notZip?.message.en.contains("cannot be opened as a zip") == true)
    let xls = #expect(throws: IngestError.self) { try Workbook.open(IngestFixtures.path("tree/c/old.xls")) }
    #expect(xls?.message.en.contains("save it as .xlsx") == true)
    let missing = #expect(throws: IngestError.self) { try Workbook.open(IngestFixtures.path("missing.csv")) }
    #expect(missing?.file == IngestFixtures.path("missing.csv"))
}
