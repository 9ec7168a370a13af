import Testing
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// The checks' own sorting and counting helpers against the standard library's.
struct SortingTests {
    @Test(arguments: [0, 1, 2, 47, 48, 49, 300, 5000])
    func radixSortSortsAsTheStandardLibraryDoes(_ count: Int) {
        var random = SeededGenerator(seed: UInt64(count))
        // Full 64-bit numbers; packed keys of a few small fields (most bytes the same in
        // every number, so those passes are skipped); many repeats; already sorted; reversed.
        let full = (0..<count).map { _ in random.next() }
        let packed = (0..<count).map { _ in (random.next() % 60) << 40 | (random.next() % 1440) << 16 | random.next() % 30 }
        let repeats = (0..<count).map { _ in random.next() % 5 }
        for numbers in [full, packed, repeats, full.sorted(), Array(full.sorted().reversed())] {
            var sorted = numbers
            sorted.radixSort()
            #expect(sorted == numbers.sorted())
        }
    }

    @Test func distinctMembersCountsEachPairOnce() {
        var random = SeededGenerator(seed: 7)
        // Small groups and members (the bit table), and members too many for it (sorting).
        for (groups, members) in [(1, 1), (12, 40), (300, 2000), (3, 30_000_000)] {
            var pairs: [UInt64] = []
            for _ in 0..<5000 {
                pairs.append(random.next() % UInt64(groups) << 32 | random.next() % UInt64(members))
            }
            var expected = [Int](repeating: 0, count: groups)
            for pair in Set(pairs) { expected[Int(pair >> 32)] += 1 }
            var counted = pairs
            #expect(distinctMembers(&counted, groups: groups) == expected)
        }
    }
}
