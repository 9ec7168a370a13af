import Testing
@testable import TrainAuditCore

/// The byte-level UTF-8 validation against the standard library's.
struct UTF8BytesTests {
    @Test func isValidAgreesWithTheStandardLibrary() {
        // Pieces a cell is made of: ASCII runs of every length around the 8-byte words,
        // CJK, other multi-byte forms, and bytes that are never valid or only as a start.
        let pieces: [[UInt8]] = [
            Array("6228480012345678901".utf8), Array("NX-".utf8), Array("2".utf8), Array("12345678".utf8),
            Array("年".utf8), Array("中国农业银行".utf8), Array("é".utf8), Array("😀".utf8), Array("\u{3000}".utf8),
            [0xFF], [0xC0, 0x80], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
        ]
        var random = SeededGenerator(seed: 42)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        for _ in 0..<4000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(7) { bytes += pieces[next(pieces.count)] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let found = bytes.withUnsafeBufferPointer { UTF8Bytes.isValid($0, allowCutEnd: false) }
            #expect(found == expected, "\(bytes)")
        }
    }
}
