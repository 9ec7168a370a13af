import Testing
@testable import TrainAuditCore

/// `RecentCells` is a cache: whatever it remembers or forgets, each cell's code is the
/// one its column's `make` gives for those bytes.
struct RecentCellsTests {
    @Test func recentCellsGiveTheCodeMakeGives() {
        let cells = RecentCells(columns: 3)
        defer { cells.deallocate() }
        // Two columns code the same bytes differently; 3,000 distinct cells a column (far
        // more than its slots, so slots are taken over), of 0 to 24 bytes, come back in a
        // scrambled order. A cell of 25 bytes is not answered.
        var made = 0
        func expected(_ text: String, _ column: Int) -> UInt32 {
            text.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 } &+ UInt32(column)
        }
        func code(_ text: String, column: Int) -> UInt32? {
            let code = expected(text, column)
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { buffer in
                cells.code(column: column, bytes: UnsafeBufferPointer(buffer)) {
                    made += 1
                    return code
                }
            }
        }
        func value(_ k: Int) -> String {
            let body = String(k * 7919 % 100_003)
            return k % 5 == 0 ? "" : String(repeating: "村", count: k % 7) + body + String(repeating: "x", count: max(0, (k % 24) - body.utf8.count - 3 * (k % 7)))
        }
        var order = Array(0..<3000)
        var seed: UInt64 = 42
        for i in order.indices.reversed() {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(i, Int(seed >> 33) % (i + 1))
        }
        for round in 0..<3 {
            for k in order {
                let text = value(k)
                #expect(text.utf8.count <= 24)
                for column in 0..<2 {
                    #expect(code(text, column: column) == expected(text, column), "round \(round), cell \(text), column \(column)")
                }
            }
        }
        // Repeated cells were answered from the slots, not all made again.
        #expect(made < 3 * 2 * 3000)
        #expect(code(String(repeating: "a", count: 25), column: 2) == nil)
        #expect(code("村", column: 3) == nil)
    }

    /// A cell's words tell it from every other cell of its length: for each length up to
    /// 24 and each byte of it, a cell that differs in that byte alone has other words (so
    /// the loads cover every byte), and a cell's words do not depend on what lies past it.
    @Test func wordsTellCellsOfOneLengthApart() {
        for n in 0...24 {
            var bytes = (0..<32).map { UInt8(truncatingIfNeeded: 0x41 + $0 * 7) }
            func words(_ b: [UInt8]) -> [UInt64] {
                b.withUnsafeBufferPointer { all in
                    let w = RecentCells.words(UnsafeBufferPointer(rebasing: all[0..<n]))
                    return [w.0, w.1, w.2]
                }
            }
            let base = words(bytes)
            for i in 0..<n {
                var other = bytes
                other[i] ^= 0x80
                #expect(words(other) != base, "length \(n), byte \(i)")
            }
            for i in n..<32 { bytes[i] = 0xFF }
            #expect(words(bytes) == base, "length \(n): bytes past the end changed the words")
        }
    }

    /// `RecentIDs` is a cache too: whatever it remembers, a cell reads as
    /// `IDReader.read(utf8:)` reads it, for IDs, near-IDs of every length up to 24 and
    /// past it, in an order that brings cells back and takes slots over.
    @Test func recentIDsReadAsTheReaderReads() {
        let recent = RecentIDs()
        defer { recent.deallocate() }
        var cells = ["640422199001010017", "11010519491231002X", "11010519491231002x", "640422900101001", "",
                     " 640422199001010017", "6.40422E+17", "640422199001010017.0", "64042219900101001",
                     "６４０４２２１９９００１０１００１７", "640422199001010018", "'640422199001010017", "无"]
        for k in 0..<2000 { cells.append(String(640_422_199_000_000_000 + k * 7_919)) }
        for k in 0..<25 { cells.append(String(repeating: "1", count: k)) }
        var seed: UInt64 = 7
        for _ in 0..<6000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let cell = cells[Int(seed >> 33) % cells.count]
            let bytes = Array(cell.utf8)
            let (cached, read) = bytes.withUnsafeBufferPointer { (recent.reading($0), IDReader.read(utf8: $0)) }
            #expect(cached == read, "cell \(cell)")
        }
    }
}
