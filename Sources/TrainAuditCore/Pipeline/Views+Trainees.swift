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
