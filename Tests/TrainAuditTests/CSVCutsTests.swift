import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Cutting a CSV file at record boundaries (`CSVReader.cuts`): its parts, each read from
/// its own line, give the rows reading it in one piece gives.
struct CSVCutsTests {
    /// Quotes around separators, line breaks of every kind inside quotes, escaped quotes,
    /// a stray quote inside an unquoted field, blank lines, CR LF and lone CR line ends.
    static let tricky = "a,b,c\n1,\"x\ny\",2\r\n\n3,\"he said \"\"hi\"\"\",4\r5,6\"7,\"8\n\"\n\"\",\"\r\n\",9\n"
        + "10,\"\r\",11\r\n12,5\",\"\n13,,\n,\"a\"\"\n\"\"b\",14\n15,16,17"

    /// The rows of the file at `path` read in the parts that cutting near `targets` gives,
    /// and the number of cuts.
    static func rowsInParts(_ path: String, targets: [Int]) throws -> (rows: [RawRow], cuts: Int) {
        try rowsInParts(CSVReader(path: path), targets: targets)
    }

    /// The same for the file `whole` reads.
    static func rowsInParts(_ whole: CSVReader, targets: [Int]) throws -> (rows: [RawRow], cuts: Int) {
        let path = whole.path
        let start = whole.encoding == .utf8BOM ? 3 : 0
        let size = try ByteFile(path: path).size()
        let separator: UInt8 = whole.separator == "\t" ? 0x09 : 0x2C
        let cuts = try CSVReader.cuts(ByteFile(path: path), from: start, separator: separator, near: targets)
            .filter { $0.offset < size }
        let starts = [CSVReader.Cut(offset: 0, line: 1)] + cuts
        var rows: [RawRow] = []
        for (k, s) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].offset : Int.max
            let part = CSVReader(path: path, limits: .default, encoding: whole.encoding, separator: whole.separator,
                                 range: s.offset..<end, firstLine: s.line)
            rows += try IngestFixtures.rawRows(part)
        }
        return (rows, cuts.count)
    }

    static func same(_ a: [RawRow], _ b: [RawRow]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.number == $1.number && $0.cells == $1.cells && $0.truncated == $1.truncated }
    }

    @Test(arguments: ["utf8", "utf8BOM", "gb18030", "tabs"])
    func cutAtEveryOffsetTheRowsAreTheSame(_ encoding: String) throws {
        var text = Self.tricky
        // Tab-separated, a quote after a comma is text.
        if encoding == "tabs" { text = text.replacingOccurrences(of: ",", with: "\t") + "\n1,\"2\n" }
        if encoding == "utf8BOM" || encoding == "gb18030" { text = text.replacingOccurrences(of: "x", with: "张三").replacingOccurrences(of: "8", with: "培训") }
        let bytes: [UInt8] = switch encoding {
        case "utf8BOM": [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case "gb18030": IngestFixtures.gb18030(text)
        default: Array(text.utf8)
        }
        let reader = try CSVReader(path: IngestFixtures.temporaryFile("tricky.csv", bytes))
        #expect(reader.separator == (encoding == "tabs" ? "\t" : ","))
        let whole = try IngestFixtures.rawRows(reader)
        var cutsSeen = 0
        for target in 0...bytes.count {
            let (parts, cuts) = try Self.rowsInParts(reader, targets: [target])
            #expect(Self.same(whole, parts), "cut near \(target)")
            cutsSeen += cuts
        }
        #expect(cutsSeen > bytes.count / 2)
        // Several cuts at once, close together.
        for first in stride(from: 0, to: bytes.count, by: 7) {
            let (parts, _) = try Self.rowsInParts(reader, targets: [first, first + 5, first + 30])
            #expect(Self.same(whole, parts), "cuts near \(first)")
        }
    }

    @Test func fixturesCutAnywhereGiveTheSameRows() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: IngestFixtures.folder.path).sorted()
        // UTF-16 and UTF-32 files are never cut (a line feed is not one byte there).
        var files = names.filter { (try? CSVReader(path: IngestFixtures.path($0)))?.encoding.cutsAtLineFeeds == true }
            .map(IngestFixtures.path)
        // Invalid GB18030 past the encoding sample, next to a line feed and a quote, and
        // a lead byte cut by the end of the file.
        let bad = try Array(Data(contentsOf: URL(fileURLWithPath: IngestFixtures.path("gb18030_bad_tail.csv"))))
            + [0x62, 0x81, 0x0A, 0x63, 0x2C, 0x81, 0x22, 0x0A, 0x22, 0x81, 0x0A, 0x22, 0x2C, 0x81]
        files.append(try IngestFixtures.temporaryFile("gb18030_bad_tail_more.csv", bad))
        #expect(files.count >= 10)
        for path in files {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            let name = (path as NSString).lastPathComponent
            let reader = try CSVReader(path: path)
            let whole = try IngestFixtures.rawRows(reader)
            var targets = Array(stride(from: 0, to: bytes.count, by: max(1, bytes.count / 16)))
            targets += (max(0, bytes.count - 48)..<bytes.count)
            for t in targets {
                let parts = try Self.rowsInParts(reader, targets: [t]).rows
                #expect(Self.same(whole, parts), "\(name) cut near \(t)")
            }
            let (parts, cuts) = try Self.rowsInParts(reader, targets: [1, 2, 3].map { bytes.count * $0 / 4 })
            #expect(Self.same(whole, parts), "\(name) in four")
            if bytes.count > 60_000 { #expect(cuts == 3, "\(name)") }
        }
    }

    @Test func carriageReturnLineEndsAreNotCut() throws {
        let path = try IngestFixtures.temporaryFile("cr.csv", Array(String(repeating: "a,b\r", count: 100).utf8))
        let (parts, cuts) = try Self.rowsInParts(path, targets: [100, 200, 300])
        #expect(cuts == 0)
        let whole = try IngestFixtures.rawRows(CSVReader(path: path))
        #expect(whole.count == 100 && Self.same(whole, parts))
        #expect(try CSVReader(path: path).cuts(into: 4).isEmpty)
    }

    @Test func cutsIntoEqualParts() throws {
        let text = "a,b\n" + (0..<1000).map { "\($0),\"x\ny\"\r\n" }.joined()
        let path = try IngestFixtures.temporaryFile("parts.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let cuts = try CSVReader(path: path).cuts(into: 4)
        #expect(cuts.count == 3)
        // Each just after a record's CR LF, near a quarter of the file; 2 lines a record.
        let size = text.utf8.count + 3
        for (k, cut) in cuts.enumerated() {
            #expect(abs(cut.offset - size * (k + 1) / 4) < 20)
            #expect(text.utf8.dropFirst(cut.offset - 3 - 2).starts(with: "\r\n".utf8))
            let records = text.utf8.prefix(cut.offset - 3).filter { $0 == 0x0D }.count
            #expect(cut.line == 2 + 2 * records)
        }
    }
}
