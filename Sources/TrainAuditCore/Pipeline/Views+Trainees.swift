/// What the REG, DUP, CLS, PAY and TGT checks ask of a trainee and a roster line beyond
/// `Views.swift`, in the same words: which classes a person is on the roster of, and
/// whose line a roster line is. Nothing here allocates per call, so a check can ask once
/// per payment or per line.

extension Trainee {
    /// The classes of the person's roster lines, in source order (a class appears again
    /// when the person is on its roster twice).
    public var rosterClasses: LazyMapCollection<RowPositions, String> {
        let data = self.data
        return (data.enrollmentsByPerson[id] ?? []).lazy.map { data.enrollmentClass[$0] }
    }

    /// Whether the person is on the roster of `classID`.
    public func isOnRoster(of classID: String) -> Bool {
        rosterClasses.contains(classID)
    }
}

extension RosterLine {
    /// The person of the line, when its ID is readable.
    public var trainee: Trainee? { record.id.id.map { Trainee(data, $0) } }
}

/// Resident IDs numbered 0, 1, 2 … in order of first sight: the people of a class's or a
/// device's thousands of sign-ins, counted or told apart. Found by a few multiplies and a
/// probe (`PackedCodeNumbers`): a Set of IDs hashes each with Swift's SipHash, which cost
/// more than the rest of such a count.
public struct PersonNumbers {
    private var numbers = PackedCodeNumbers()
    /// How many people have a number.
    public private(set) var count = 0

    public init() {}

    /// The number of `id`, given on first sight.
    public mutating func number(of id: ResidentID) -> Int {
        if let n = numbers.number(of: id.packed) { return Int(n) }
        numbers.add(id.packed, number: Int32(count))
        count += 1
        return count - 1
    }

    /// The number of `id`, nil when it has none.
    public func existingNumber(of id: ResidentID) -> Int? { numbers.number(of: id.packed).map { Int($0) } }

    /// Whether `id` has a number.
    public func contains(_ id: ResidentID) -> Bool { numbers.number(of: id.packed) != nil }
}
