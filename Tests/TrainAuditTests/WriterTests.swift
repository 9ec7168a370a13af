import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

struct WriterTests {
    static func sample() -> Finding {
        var f = Finding(code: "DUP001", severity: .high, title: Localized(zh: "同一职业同一等级重复享受培训补贴", en: "same occupation twice"),
                        message: Localized(zh: "马小军\t(640422199001010017)\n两次", en: "Ma \"twice\"\\"), subject: "640422199001010017|电工|初级",
                        evidence: [SourceRef(file: "台账.xlsx", sheet: "3月", row: 23), SourceRef(file: "payments.csv", row: 1180)],
                        confidence: 0.95, person: PersonRef(id: "640422199001010017", name: "马小军"), classID: "XJ-2018-07",
                        county: "西吉县", amount: 160_000)
        f.score = Ranking.score(f)
        f.fingerprint = Fingerprint.of(code: f.code, subject: f.subject)
        return f
    }

    @Test func jsonLineHasTheDesignedKeysInOrder() throws {
        let line = JSONLWriter.line(Self.sample(), Presentation())
        let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(obj["code"] as? String == "DUP001")
        #expect((obj["person"] as? [String: Any])?["id"] as? String == "640422199001010017")
        #expect(obj["amount"] as? Int == 1600)
        #expect(obj["institution"] is NSNull)
        #expect((obj["evidence"] as? [[String: Any]])?.first?["sheet"] as? String == "3月")
        let keys = ["code", "severity", "score", "title", "message", "person", "class", "institution", "county", "amount", "factors", "evidence", "payments", "case", "fingerprint"]
        let positions = keys.map { line.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(!line.contains("\n"))
    }

    @Test func jqReadsTheOutput() throws {
        let jq = ["/usr/bin/jq", "/usr/local/bin/jq"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(jq, "jq is installed by scripts/setup")
        let input = (0..<3).map { _ in JSONLWriter.line(Self.sample(), Presentation(lang: .en)) }.joined(separator: "\n") + "\n"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["-r", "select(.severity==\"high\") | [.code, .person.id, .evidence[0].row] | @tsv"]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let out = String(decoding: outPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(out == String(repeating: "DUP001\t640422199001010017\t23\n", count: 3))
    }

    @Test func tsvHasNoTabsOrNewlinesInsideFields() {
        let line = TSVWriter.line(Self.sample(), Presentation())
        #expect(!line.contains("\n"))
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields.count == TSVWriter.header.split(separator: "\t").count)
        #expect(fields[2] == "DUP001")
        #expect(fields[10] == "台账.xlsx:3月:23;payments.csv:1180")
        #expect(fields[11] == "马小军 (640422199001010017) 两次")
    }

    @Test func tsvAndTableShowThePeopleTheClassesAndTheCase() {
        var f = Self.sample()
        f.people = [PersonRef(id: "640422199001010017", name: "马小军"), PersonRef(id: "640422199001010025", name: "李梅")]
        f.classes = ["XJ-2018-07", "XJ-2018-08"]
        f.caseKey = "person:640422199001010017"
        let fields = TSVWriter.line(f, Presentation()).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let column = { (name: String) in fields[TSVWriter.columns.firstIndex(of: name)!] }
        #expect(column("people") == "马小军 640422199001010017;李梅 640422199001010025")
        #expect(column("classes") == "XJ-2018-07;XJ-2018-08")
        #expect(column("case") == "person:640422199001010017")
        let masked = TSVWriter.line(f, Presentation(mask: true))
        #expect(!masked.contains("640422199001010025") && !masked.contains("李梅"))
        #expect(masked.contains("person:640422********0017"))
        let table = TableWriter(presentation: Presentation(), colour: false, width: 200).render([f])
        #expect(table.contains("涉及 2 人：马小军 640422199001010017、李梅 640422199001010025；班级 XJ-2018-07、XJ-2018-08；案件 person:640422199001010017"))
        let maskedTable = TableWriter(presentation: Presentation(mask: true), colour: false, width: 200).render([f])
        #expect(!maskedTable.contains("李梅") && !maskedTable.contains("640422199001010025"))
    }

    @Test func maskingHidesIDsPhonesAndNames() {
        let p = Presentation(lang: .zh, mask: true)
        var f = Self.sample()
        f.message = Localized(zh: "马小军 640422199001010017 电话 13812345678 账号 6229470999707181589", en: "")
        // Accounts too, under --mask (issue 9 §6): the first and last four digits kept.
        #expect(p.message(f) == "马** 640422********0017 电话 138****5678 账号 6229***********1589")
        #expect(p.personID(f) == "640422********0017")
        #expect(p.personName(f) == "马**")
    }

    @Test func maskingCoversEveryPersonOfAFindingAboutSeveral() {
        var f = Self.sample()
        f.people = [PersonRef(id: "640422199001010017", name: "马小军"), PersonRef(id: "642223198802020023", name: "李梅")]
        f.message = Localized(zh: "账号 6229470999707181589 收到 2 户 2 人的补贴：马小军 (640422199001010017)、李梅 (642223198802020023)", en: "")
        let masked = JSONLWriter.line(f, Presentation(lang: .zh, mask: true))
        for secret in ["马小军", "李梅", "640422199001010017", "642223198802020023", "6229470999707181589"] {
            #expect(!masked.contains(secret), "\(secret) leaks under --mask")
        }
        #expect(masked.contains(#""people":[{"id":"640422********0017","name":"马**"},{"id":"642223********0023","name":"李*"}]"#))
        let plain = JSONLWriter.line(f, Presentation())
        #expect(plain.contains(#""people":[{"id":"640422199001010017","name":"马小军"},{"id":"642223198802020023","name":"李梅"}]"#))
        #expect(plain.contains("6229470999707181589"))  // the shared account in full without --mask
        #expect(plain.contains(#""classes":null"#))
    }

    @Test func tableAlignsWideCharacters() {
        #expect(TableWriter.displayWidth("马小军") == 6)
        #expect(TableWriter.displayWidth("XJ-01") == 5)
        let text = TableWriter(presentation: Presentation(), colour: false).render([Self.sample(), Self.sample()])
        let lines = text.split(separator: "\n")
        // header, then a finding line and its detail line per finding
        #expect(lines.count == 5)
        #expect(!text.contains("\u{1B}"))
        let codeColumn = lines.map { TableWriter.displayWidth(String($0.prefix(while: { $0 != "D" }))) }
        #expect(codeColumn[1] == codeColumn[3])
    }

    @Test func rankingPutsSeverityFirstAndIsDeterministic() {
        let a = Finding(code: "REG002", severity: .critical, title: Localized(zh: "", en: ""), message: Localized(zh: "", en: ""),
                        subject: "a", evidence: [SourceRef(file: "x", row: 2)], amount: 10_000)
        let b = Finding(code: "CLS003", severity: .medium, title: Localized(zh: "", en: ""), message: Localized(zh: "", en: ""),
                        subject: "b", evidence: [SourceRef(file: "x", row: 1)], amount: 1_000_000_00)
        let c = Finding(code: "CLS003", severity: .medium, title: Localized(zh: "", en: ""), message: Localized(zh: "", en: ""),
                        subject: "b", evidence: [SourceRef(file: "x", row: 9)])
        let ranked = Ranking.rank([b, a, c])
        #expect(ranked.map(\.code) == ["REG002", "CLS003"])  // the repeat of b is dropped
        #expect(ranked[0].score > ranked[1].score)
        #expect(Ranking.rank([a, b]).map(\.fingerprint) == Ranking.rank([b, a]).map(\.fingerprint))
        #expect(Ranking.score(a) <= 100 && Ranking.score(b) >= 0)
    }
}
