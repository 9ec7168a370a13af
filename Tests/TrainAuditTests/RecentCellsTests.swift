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
}
