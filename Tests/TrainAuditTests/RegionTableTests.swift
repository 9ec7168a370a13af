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

/// `contains` answers 6-digit codes from bits: it agrees with the entries on every code,
/// the first and last of the range and those past it included.
@Test func containsAgreesWithEntries() throws {
    let t = try loadRegions()
    var known = 0, disagreeing: [Int] = []
    for code in Array(0..<1_000_000) + [-1, 1_000_000, 1_000_063, Int.max] {
        if t.contains(code) != !t.entries(code).isEmpty { disagreeing.append(code) }
        if t.contains(code) { known += 1 }
    }
    #expect(disagreeing.isEmpty)
    #expect(known == t.count)
    let small = try RegionTable(tsv: "100000\tx\t一\t\t\n999999\tx\t九\t\t\n")
    #expect(small.contains(100_000) && small.contains(999_999))
    #expect(!small.contains(100_001) && !small.contains(999_998) && !small.contains(0))
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

/// The table read the way it was before it was read by bytes: the String split into
/// Characters on every Character.isNewline, each line on "\t". The byte reader must
/// give the same entries, and fail on the same line.
private struct BadLine: Error { let number: Int }

private func splitByCharacters(_ tsv: String) -> Result<[Int: [RegionTable.Entry]], BadLine> {
    var byCode: [Int: [RegionTable.Entry]] = [:]
    var lineNumber = 0
    for line in tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        lineNumber += 1
        if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("code\t") { continue }
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count >= 3, f[0].utf8.count == 6, let code = Int(f[0]), code > 0 else { return .failure(BadLine(number: lineNumber)) }
        var years: [Int?] = []
        for i in 3...4 {
            if i >= f.count || f[i].isEmpty { years.append(nil); continue }
            guard let y = Int(f[i]), (1900...2999).contains(y) else { return .failure(BadLine(number: lineNumber)) }
            years.append(y)
        }
        byCode[code, default: []].append(RegionTable.Entry(code: code, province: f[1], name: f[2], firstYear: years[0], lastYear: years[1]))
    }
    return .success(byCode)
}

@Test func regionTableReadByBytesAsByCharacters() throws {
    let real = try String(contentsOf: repositoryRoot().appendingPathComponent("rules/regions.tsv"), encoding: .utf8)
    let breaks = ["\n", "\r", "\r\n", "\n\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\r\r\n"]
    var texts = [real]
    for (k, br) in breaks.enumerated() {
        // The real lines joined by another line break, a comment and a header, odd lines.
        let lines = real.split(separator: "\n", omittingEmptySubsequences: false).prefix(300 + k)
        texts.append(lines.joined(separator: br))
        texts.append("#\u{301} not a comment\(br)110101\t北京市\t东城区\t\t\(br)")
        texts.append("code\tprovince\(br)#x\(br)\(br)110101\t北京市\t东城区\t1990\t2000\(br)110101\t北京市\t东城\u{301}区\t2001\t\(br)")
        texts.append("110101\t北京市\t东城区\t\t\(br)11010\tx\ty\(br)")
        texts.append("110101\t北\u{301}\t东\t\t\t\(br)110102\tx\ty\t19\(br)")
        texts.append("\(br)\(br)110101\tx\ty\(br)110101\tx\tz\t\t2009")
    }
    for tsv in texts {
        let expected = splitByCharacters(tsv)
        switch expected {
        case .success(let entries):
            let table = try RegionTable(tsv: tsv)
            #expect(table.count == entries.count)
            for (code, list) in entries { #expect(table.entries(code) == list, "\(code)") }
        case .failure(let bad):
            do {
                _ = try RegionTable(tsv: tsv)
                Issue.record("no error; line \(bad.number) is bad")
            } catch let RegionTable.LoadError.badLine(number, _) {
                #expect(number == bad.number)
            }
        }
    }
}
