import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

@Test func packsAndPrintsAnID() {
    let id = ResidentID("11010519491231002X")!
    #expect(id.description == "11010519491231002X")
    #expect(id.hasValidCheckDigit)
    #expect(id.region == 110105)
    #expect(id.birthDate == Day(year: 1949, month: 12, day: 31))
    #expect(!id.isMale)
}


// The allocation-free check digit against the textbook ISO 7064 MOD 11-2 computation.
@Test func checkValueMatchesTextbook() {
    func textbook(_ body: UInt64) -> Int {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let digits = String(body).leftPadded(17).map { Int(String($0))! }
        let sum = zip(digits, weights).map { $0 * $1 }.reduce(0, +)
        return [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2][sum % 11]
    }
    var x: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<5000 {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17
        let body = x % 100_000_000_000_000_000
        #expect(ResidentID.checkValue(forBody: body) == textbook(body), "\(body)")
    }
    #expect(ResidentID.checkValue(forBody: 0) == textbook(0))
}

// Reading an ID from a cell's bytes sums the check as it goes: the same ID and the same
// verdict as the text reader and `hasValidCheckDigit`, for every check character.
@Test func bytesReaderAgreesWithTheTextReader() {
    var x: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<3000 {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17
        let body = String(x % 100_000_000_000_000_000).leftPadded(17)
        for last in ["0", "5", "9", "X", "x", "A"] {
            let text = body + last
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer { ResidentID.read(utf8: $0) }
            #expect(fromBytes?.id == ResidentID(text), "\(text)")
            if let id = ResidentID(text) { #expect(fromBytes?.validCheck == id.hasValidCheckDigit, "\(text)") }
        }
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

// The compact record layouts that keep a province-year's memory down (a change that
// grows them should be deliberate).
@Test func compactRecordSizes() {
    #expect(MemoryLayout<SourceRef>.size <= 12)
    #expect(MemoryLayout<IDReading>.size <= 17)
    #expect(MemoryLayout<SignIn>.stride <= 80)
    #expect(MemoryLayout<RegistryEntry>.stride <= 160)
}
