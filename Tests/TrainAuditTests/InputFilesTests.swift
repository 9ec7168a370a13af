import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

@Test func inputFolderIsWalkedSortedSkippingHiddenAndLockFiles() {
    let tree = IngestFixtures.path("tree")
    let (files, problems) = InputFiles.expand([tree])
    #expect(files == [
        tree + "/0.csv",
        tree + "/a/1.xlsx",
        tree + "/a/z.TSV",
        tree + "/b/2.csv",
        tree + "/c/m.xlsm",
        tree + "/c/old.xls",
        tree + "/c/readme.txt",
    ])
    // .xls and .et are read (issue 14), no longer refused.
    #expect(problems.isEmpty)
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

@Test func workbookOpenReadsMisnamedFilesAsWhatTheyAre() throws {
    // The first bytes decide (issue 14): an xlsx named .csv is read as xlsx, an .xls
    // holding text as CSV; a file named .xlsx that is no zip is refused.
    let disguised = try Workbook.open(IngestFixtures.path("really_xlsx.csv"))
    #expect(disguised.first is XLSXSheet && disguised.first?.sheetName == "花名册")
    let text = try Workbook.open(IngestFixtures.path("tree/c/old.xls"))
    #expect(text.first is CSVReader)
    let notZip = #expect(throws: IngestError.self) { try Workbook.open(IngestFixtures.path("notzip.xlsx")) }
    #expect(notZip?.message.en.contains("cannot be opened as a zip") == true)
    let missing = #expect(throws: IngestError.self) { try Workbook.open(IngestFixtures.path("missing.csv")) }
    #expect(missing?.file == IngestFixtures.path("missing.csv"))
}
