import Foundation
import Testing
@testable import TrainAudit
@testable import TrainAuditCore

/// Regressions for what the fuzz targets (fuzz/, fuzz/crashes/README.md) found. Time is
/// never asserted: work is bounded by counting, so a regression to quadratic work shows
/// as a failed count, not as a slow machine.
struct FuzzRegressionTests {
    // MARK: - UTF-16/UTF-32 read in any chunk size

    /// `units` as code units of `encoding` (BOM first when `mark`), then `tail` raw bytes.
    static func encode(_ units: [UInt32], _ encoding: TextEncoding, mark: Bool, tail: [UInt8] = []) -> [UInt8] {
        var out: [UInt8] = []
        let wide = encoding == .utf32LE || encoding == .utf32BE
        let little = encoding == .utf32LE || encoding == .utf16LE
        for u in (mark ? [0xFEFF] : []) + units {
            var bytes = wide ? [UInt8(u & 0xFF), UInt8(u >> 8 & 0xFF), UInt8(u >> 16 & 0xFF), UInt8(u >> 24)]
                             : [UInt8(u & 0xFF), UInt8(u >> 8 & 0xFF)]
            if !little { bytes.reverse() }
            out += bytes
        }
        return out + tail
    }

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    /// Rows of a file with invalid units mid-line, at line ends and at the very end, and a
    /// unit cut by the end of the file.
    static let cases: [(String, TextEncoding, [UInt8])] = {
        var out: [(String, TextEncoding, [UInt8])] = []
        let head = scalars("姓名,身份证号码\n马小军,6404")
        let rest = scalars("22199001010017\n张三,1")
        for e in [TextEncoding.utf32LE, .utf32BE] {
            // 0xA5A5A5A5 and 0x110000 are no code point; 0xD800 is a surrogate.
            let units = head + [0xA5A5_A5A5] + rest + [0x0011_0000, 0x0A, 0xD800] + scalars("李四,2\n") + [0xA5A5_A5A5]
            out.append(("\(e) invalid units", e, encode(units, e, mark: true)))
            out.append(("\(e) cut unit at the end", e, encode(units, e, mark: true, tail: [0x41, 0x00])))
            out.append(("\(e) 3 bytes at the end", e, encode(units, e, mark: true, tail: [0xA5, 0xA5, 0xA5])))
        }
        for e in [TextEncoding.utf16LE, .utf16BE] {
            // A lone low surrogate, a high surrogate followed by a letter, one before a line feed.
            let units = head + [0xDC00] + rest + [0xD800, 0x41, 0xD83D, 0x0A] + scalars("李四,2\n") + [0xDBFF]
            out.append(("\(e) invalid units", e, encode(units, e, mark: true)))
            out.append(("\(e) high surrogate and a byte at the end", e, encode(units, e, mark: true, tail: [0x00])))
        }
        return out
    }()

    @Test func utf16AndUTF32ReadAlikeInEveryChunkSize() throws {
        for (name, encoding, bytes) in Self.cases {
            let path = try IngestFixtures.temporaryFile("units.csv", bytes)
            let reader = try CSVReader(path: path)
            #expect(reader.encoding == encoding, "\(name)")
            let whole = try IngestFixtures.rawRows(reader)
            let replaced = reader.replacedByteSequences
            #expect(whole.count == 5, "\(name): \(whole.map(\.cells))")
            #expect(whole.first?.cells == ["姓名", "身份证号码"], "\(name)")
            #expect(replaced >= 3, "\(name)")
            for size in 1...8 {
                let small = try CSVReader(path: path)
                small.chunkSize = size
                let rows = try IngestFixtures.rawRows(small)
                #expect(rows.map(\.cells) == whole.map(\.cells), "\(name), chunk \(size)")
                #expect(rows.map(\.number) == whole.map(\.number), "\(name), chunk \(size)")
                #expect(rows.map(\.undecodable) == whole.map(\.undecodable), "\(name), chunk \(size)")
                #expect(small.replacedByteSequences == replaced, "\(name), chunk \(size)")
            }
        }
    }

    @Test func theDecoderGivesTheSameBytesWhateverThePieces() throws {
        // The transcoder alone (no mark): glibc reports an invalid unit as EILSEQ at its
        // start and a cut one as EINVAL, consuming none of it; each piece size gives the
        // output of one call.
        for (name, encoding, bytes) in Self.cases {
            let text = Array(bytes.dropFirst(encoding.markLength))
            func run(_ size: Int) -> ([UInt8], Int) {
                let decoder = TranscodingDecoder(encoding)!
                var out: [UInt8] = []
                for start in stride(from: 0, to: text.count, by: size) {
                    text[start..<min(start + size, text.count)].withUnsafeBufferPointer { decoder.convert($0, final: false) { out += $0 } }
                }
                decoder.convert(UnsafeBufferPointer(start: nil, count: 0), final: true) { out += $0 }
                return (out, decoder.invalid)
            }
            let whole = run(text.count)
            #expect(whole.1 >= 3, "\(name)")
            for size in 1...8 {
                let got = run(size)
                #expect(got.0 == whole.0 && got.1 == whole.1, "\(name), pieces of \(size)")
            }
        }
    }

    @Test func theUTF32FuzzReproducerReadsAlikeInSmallChunks() throws {
        // fuzz/crashes/csv/utf32-invalid-unit-3-byte-chunks.csv: reads of 3 bytes skipped
        // only 3 of the 4 bytes of the UTF-32 mark, so every unit after it was read one
        // byte off (and the invalid units fell elsewhere).
        let path = Repo.path("fuzz/crashes/csv/utf32-invalid-unit-3-byte-chunks.csv")
        let reader = try CSVReader(path: path)
        #expect(reader.encoding == .utf32LE)
        let whole = try IngestFixtures.rawRows(reader)
        for size in 1...8 {
            let small = try CSVReader(path: path)
            small.chunkSize = size
            let rows = try IngestFixtures.rawRows(small)
            #expect(rows.map(\.cells) == whole.map(\.cells), "chunk \(size)")
            #expect(small.replacedByteSequences == reader.replacedByteSequences, "chunk \(size)")
        }
    }

    // MARK: - merged ranges

    @Test func manyGapsUnderOneMergeFillAtMostAThousandRowsInAll() throws {
        // fuzz/crashes/xlsx/oom-merged-gaps-every-1001-rows.xlsx: `A1:XFD1048576`, text in
        // A1, then an empty <row> every 1,001 rows (1,047 of them, 18 KB of XML). Each gap
        // stayed under the 1,000-row gap limit, so the reader filled 1,047,000 rows of
        // 512 cells (8 GB) in one chunk; now a sheet fills at most 1,000 absent rows.
        let path = Repo.path("fuzz/crashes/xlsx/oom-merged-gaps-every-1001-rows.xlsx")
        let sheet = try #require(try XLSXWorkbook(path: path).sheets.first)
        var rows = 0, filled = 0, last = 0
        try sheet.forEachRow { row in
            rows += 1
            if (row.number - 1) % 1001 != 0 { filled += 1 }
            #expect(row.number > last)
            last = row.number
            return true
        }
        #expect(rows - filled == 1048)
        #expect(filled == MergedCellFill.maxFilledRows)
    }

    // MARK: - styles

    @Test func aFormatNamedByManyStylesIsClassifiedOnce() throws {
        // 10,000 styles naming one 1,000-byte custom format classified 10 MB of format code
        // (fuzz/crashes/xlsx/slow-styles-one-format-65536-xfs.xlsx: 65,536 × 16 KB, 1 GiB
        // per read); each format's code is now classified once.
        let formats = [164: String(repeating: "0", count: 1000), 165: "yyyy-mm-dd"]
        let ids = Array(repeating: 164, count: 10_000) + [14, 165, 165, 0]
        let (kinds, classified) = XLSXStyles.kinds(formatIds: ids, customFormats: formats)
        #expect(classified == 1000 + 10)
        #expect(kinds.count == ids.count)
        #expect(kinds[0] == .number && kinds[9_999] == .number)
        #expect(Array(kinds.suffix(4)) == [.date, .date, .date, .number])
    }

    @Test func theStylesReproducerReadsItsOneRow() throws {
        let path = Repo.path("fuzz/crashes/xlsx/slow-styles-one-format-65536-xfs.xlsx")
        let sheet = try #require(try XLSXWorkbook(path: path).sheets.first)
        let rows = try IngestFixtures.rawRows(sheet)
        #expect(rows.map(\.cells) == [["1"]])
    }
}
