import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

private func loadRegions() throws -> RegionTable {
    try RegionTable(tsvPath: repositoryRoot().appendingPathComponent("rules/regions.tsv").path)
}

@Test func regionTableFromRepository() throws {
    let t = try loadRegions()
    #expect(t.count > 6000)
    // Current code.
    #expect(t.contains(640422))
    #expect(t.name(640422) == "西吉县")
    #expect(t.validYears(640422) == 2001...RegionTable.openEnd)
    // Abolished: 崇文区 merged into 东城区 in 2010.
    #expect(t.contains(110103))
    #expect(t.name(110103) == "崇文区")
    #expect(t.validYears(110103) == RegionTable.listStart...2010)
    #expect(t.wasValid(110103, in: 2005))
    #expect(!t.wasValid(110103, in: 2015))
    // Unknown.
    #expect(!t.contains(999999))
    #expect(t.name(999999) == nil)
    #expect(t.validYears(999999) == nil)
}

@Test func renamedCodes() throws {
    let t = try loadRegions()
    // 120110: 东郊区 until 1991, 东丽区 from 1992.
    #expect(t.name(120110) == "东丽区")
    #expect(t.name(120110, in: 1990) == "东郊区")
    #expect(t.name(120110, in: 2000) == "东丽区")
    #expect(t.entries(120110).count == 2)
    #expect(t.province(120110) == "天津市")
}

@Test func regionTableFromText() throws {
    let t = try RegionTable(tsv: "# comment\ncode\tprovince\tname\tfirst_year\tlast_year\n110101\t北京市\t东城区\t\t\r\n110103\t北京市\t崇文区\t\t2010\n")
    #expect(t.count == 2)
    #expect(t.name(110101) == "东城区")
    #expect(t.validYears(110101) == RegionTable.listStart...RegionTable.openEnd)
    #expect(throws: RegionTable.LoadError.self) { try RegionTable(tsv: "11010\tx\ty\t\t\n") }
    #expect(throws: RegionTable.LoadError.self) { try RegionTable(tsv: "110101\tx\ty\tabc\t\n") }
    #expect(throws: RegionTable.LoadError.self) { try RegionTable(tsvPath: "/nonexistent/regions.tsv") }
}
