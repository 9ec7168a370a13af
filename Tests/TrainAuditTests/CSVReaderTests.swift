import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

private func csv(_ name: String, _ limits: IngestLimits = .default) throws -> CSVReader {
    try CSVReader(path: IngestFixtures.path(name), limits: limits)
}

@Test func csvPlainUTF8() throws {
    let reader = try csv("utf8.csv")
    #expect(reader.encoding == .utf8)
    #expect(reader.separator == ",")
    #expect(reader.sheetName == nil)
    let rows = try IngestFixtures.rows(reader)
    #expect(IngestFixtures.same(rows, [
        (1, ["姓名", "身份证号", "金额"]),
        (2, ["张三", "510502199001011234", "1600"]),
        (3, ["李四", "51050219900101123X", "800"]),
    ]))
}

@Test func csvUTF8WithBOMAndCRLF() throws {
    let reader = try csv("utf8_bom.csv")
    #expect(reader.encoding == .utf8BOM)
    let rows = try IngestFixtures.rows(reader)
    #expect(IngestFixtures.same(rows, [(1, ["姓名", "金额"]), (2, ["张三", "1600"])]))
}

@Test func csvGB18030IncludingCharactersOutsideGBK() throws {
    let expected: [(Int, [String])] = [
        (1, ["姓名", "备注"]),
        (2, ["张三", "𠀀㐀"]),
        (3, ["李四", "培训合格"]),
    ]
    let reader = try csv("gb18030.csv")
    #expect(reader.encoding == .gb18030)
    #expect(IngestFixtures.same(try IngestFixtures.rows(reader), expected))
    #expect(reader.replacedByteSequences == 0)
    // Chunk boundaries inside 2- and 4-byte sequences: iconv's EINVAL carry.
    for size in [1, 2, 3, 5, 7] {
        reader.chunkSize = size
        #expect(IngestFixtures.same(try IngestFixtures.rows(reader), expected), "chunk size \(size)")
        #expect(reader.replacedByteSequences == 0)
    }
}

@Test func csvTabSeparatedIsDetected() throws {
    let reader = try csv("tabs.txt")
    #expect(reader.separator == "\t")
    #expect(IngestFixtures.same(try IngestFixtures.rows(reader), [
        (1, ["姓名", "金额", "备注"]),
        (2, ["张三", "1,600", "有,逗号"]),
    ]))
}

@Test func csvQuotingEmbeddedLineBreaksBlankLinesAndNoFinalNewline() throws {
    let expected: [(Int, [String])] = [
        (1, ["姓名", "备注", "金额"]),
        (2, ["张三", "他说\"好\"", "1600"]),
        (3, ["李四", "第一行\r\n第二行", "800"]),
        (5, [""]),
        (6, ["王五", "a,b", ""]),
        (7, ["赵六", "x\ny\rz", "0"]),
    ]
    let reader = try csv("quoted.csv")
    #expect(IngestFixtures.same(try IngestFixtures.rows(reader), expected))
    for size in 1...9 {
        reader.chunkSize = size
        #expect(IngestFixtures.same(try IngestFixtures.rows(reader), expected), "chunk size \(size)")
    }
    let raw = try IngestFixtures.rawRows(reader)
    #expect(raw[3].isBlank)
    #expect(!raw.contains { $0.truncated })
}

@Test func csvCarriageReturnLineEnds() throws {
    #expect(IngestFixtures.same(try IngestFixtures.rows(csv("cr.csv")), [(1, ["a", "b"]), (2, ["c", "d"])]))
}

@Test func csvUnterminatedQuoteKeepsTextAndMarksTruncated() throws {
    let raw = try IngestFixtures.rawRows(csv("unterminated.csv"))
    #expect(raw.count == 2)
    #expect(raw[0].number == 1 && raw[0].cells == ["a", "b"] && !raw[0].truncated)
    #expect(raw[1].number == 2 && raw[1].cells == ["1", "open\nstill open"] && raw[1].truncated)
}

@Test func csvUnknownEncodingIsRefused() throws {
    let path = IngestFixtures.path("unknown_encoding.csv")
    let error = #expect(throws: IngestError.self) { try CSVReader(path: path) }
    #expect(error?.file == path)
    // 80 FF 80 FF: four bytes that neither UTF-8 nor GB18030 can decode, in 14.
    #expect(error?.message.en == "unknown text encoding (UTF-8, GBK/GB18030 and UTF-16 are read): 4 undecodable spots in the first 14 bytes")
    #expect(error?.message.zh == "无法识别文件编码（支持 UTF-8、GBK/GB18030、UTF-16）：前 14 字节中 4 处无法解码")
}

@Test func csvBinaryIsRefused() throws {
    let binary = #expect(throws: IngestError.self) { try csv("binary.csv") }
    #expect(binary?.message.en.contains("NUL") == true)
}

@Test func csvUTF16IsRead() throws {
    // "姓名,金额\n张三,1\n" as Python's "utf-16" codec writes it (BOM, little-endian).
    let reader = try csv("utf16.csv")
    #expect(reader.encoding == .utf16LE)
    #expect(try IngestFixtures.rows(reader).map(\.1) == [["姓名", "金额"], ["张三", "1"]])
    #expect(reader.replacedByteSequences == 0)
}

@Test func csvLongFieldIsCutAtACharacterBoundary() throws {
    for (limit, text) in [(9, "一二三"), (10, "一二三"), (11, "一二三"), (12, "一二三四")] {
        var limits = IngestLimits()
        limits.maxCellBytes = limit
        let raw = try IngestFixtures.rawRows(csv("long_field.csv", limits))
        #expect(raw.count == 2)
        #expect(raw[0].cells == [text, "x"], "limit \(limit)")
        #expect(raw[0].truncated)
        #expect(raw[1].cells == ["short", "y"] && !raw[1].truncated)
    }
}

@Test func csvColumnsBeyondTheLimitAreDropped() throws {
    var limits = IngestLimits()
    limits.maxColumns = 2
    let raw = try IngestFixtures.rawRows(csv("utf8.csv", limits))
    #expect(raw.map(\.cells) == [["姓名", "身份证号"], ["张三", "510502199001011234"], ["李四", "51050219900101123X"]])
    #expect(raw.allSatisfy { $0.truncated })
}

@Test func csvInvalidUTF8LaterInTheFileIsReplacedAndCounted() throws {
    let reader = try csv("utf8_bad_tail.csv")
    #expect(reader.encoding == .utf8)
    let raw = try IngestFixtures.rawRows(reader)
    #expect(raw.count == 8003)
    #expect(raw[8001].number == 8002 && raw[8001].cells == ["bad\u{FFFD}\u{FFFD}", "2"])
    #expect(raw[8002].number == 8003 && raw[8002].cells == ["ok", "3"])
    #expect(reader.replacedByteSequences == 2)
}

@Test func csvInvalidGB18030LaterInTheFileIsReplacedAndCounted() throws {
    let reader = try csv("gb18030_bad_tail.csv")
    #expect(reader.encoding == .gb18030)
    let raw = try IngestFixtures.rawRows(reader)
    #expect(raw.count == 10002)
    #expect(raw[1].cells == ["张三", "1"])
    #expect(raw[10001].number == 10002 && raw[10001].cells == ["bad\u{FFFD}", "2"])
    #expect(reader.replacedByteSequences == 1)
}

@Test func csvHugeLineStaysBounded() throws {
    // 3 MiB without a line break or separator: one row, one cut cell.
    let path = try IngestFixtures.temporaryFile("huge.csv", [UInt8](repeating: 0x61, count: 3 << 20))
    var limits = IngestLimits()
    limits.maxCellBytes = 100
    let raw = try IngestFixtures.rawRows(CSVReader(path: path, limits: limits))
    #expect(raw.count == 1)
    #expect(raw[0].cells == [String(repeating: "a", count: 100)] && raw[0].truncated)
}

@Test func csvStopsWhenAsked() throws {
    var seen: [Int] = []
    try csv("utf8.csv").forEachRow { seen.append($0.number); return false }
    #expect(seen == [1])
}

@Test func csvEncodingIsDecidedPastAnASCIIHead() throws {
    let reader = try csv("ascii_head_gb18030.csv")
    #expect(reader.encoding == .gb18030)
    let raw = try IngestFixtures.rawRows(reader)
    #expect(raw.count == 12002)
    #expect(raw[12001].number == 12002 && raw[12001].cells == ["2", "张三"])
    #expect(reader.replacedByteSequences == 0)
}

@Test func csvEmptyFileHasNoRows() throws {
    let path = try IngestFixtures.temporaryFile("empty.csv", [])
    #expect(try IngestFixtures.rows(CSVReader(path: path)).isEmpty)
}

@Test func csvUnquotedFieldsOfEveryLengthAreCutWhereTheirSeparatorsAre() throws {
    // Fields of 0 to 30 bytes (ASCII, CJK, a byte above 0x80 next to a separator) so that
    // separators and line ends fall at every offset of the parser's 8-byte words, with
    // LF, CRLF and CR line ends, comma- and tab-separated: without quotes, splitting the
    // text is the answer.
    var state: UInt64 = 7
    func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 33) % n
    }
    let pieces = ["a", "7", "-", " ", "中", "é", "x", "0"]
    for separator in [",", "\t"] {
        var expected: [[String]] = []
        var text = ""
        for _ in 0..<400 {
            let fields = (0..<(1 + next(9))).map { _ in
                var f = ""
                while f.utf8.count < next(31) { f += pieces[next(pieces.count)] }
                return f
            }
            // A record's one empty field is a blank line, which reads as one empty cell too.
            expected.append(fields)
            text += fields.joined(separator: separator) + ["\n", "\r\n", "\r"][next(3)]
        }
        let folder = try writeTables([("t.csv", "h" + separator + "h2\n" + text)])
        let reader = try CSVReader(path: folder + "/t.csv")
        #expect(reader.separator == Character(separator))
        for size in [1 << 20, 5, 8, 13] {
            reader.chunkSize = size
            let rows = try IngestFixtures.rows(reader).dropFirst().map(\.1)
            #expect(rows == expected, "chunk size \(size), separator \(separator == "," ? "comma" : "tab")")
        }
    }
}
