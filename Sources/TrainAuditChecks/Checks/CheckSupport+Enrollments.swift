import TrainAuditCore
/// Helpers shared by the REG, DUP and CLS checks: who a person is in a message, when an
/// enrollment's class started, whether it was subsidised, which household a person is in.

/// A person as a distinct head in a count: by resident ID, or by name when the row has no
/// readable ID (so an unreadable ID still counts as one person, not zero).
enum HeadKey: Hashable {
    case id(ResidentID)
    case name(String)

    init(_ reading: IDReading, name: String) {
        if let id = reading.id { self = .id(id) } else { self = .name(NameReader.normalize(name)) }
    }
}

/// The distinct people of many rows (a class's sign-ins), as `HeadKey` tells them apart:
/// the IDs numbered (`PersonNumbers`, no seeded hash per row), the names of rows without a
/// readable ID in a set (few).
struct DistinctHeads {
    private var ids = PersonNumbers()
    private var names = Set<String>()

    init<S: Sequence>(_ signIns: S) where S.Element == SignIn {
        for s in signIns {
            if let id = s.id.id { _ = ids.number(of: id) } else { names.insert(NameReader.normalize(s.name)) }
        }
    }

    var count: Int { ids.count + names.count }
    var isEmpty: Bool { count == 0 }

    func contains(_ head: HeadKey) -> Bool {
        switch head {
        case .id(let id): return ids.contains(id)
        case .name(let name): return names.contains(name)
        }
    }
}

enum CheckText {
    /// "马小军 (640422199001010015)".
    static func who(_ name: String, _ id: ResidentID) -> String {
        name.isEmpty ? id.description : "\(name) (\(id))"
    }

    /// A text compared across rows (occupation, level, department): cleaned, spaces
    /// dropped, full-width brackets as ASCII, so 中式烹调师（初级） and 中式烹调师(初级) agree.
    static func key(_ text: String?) -> String {
        guard let text else { return "" }
        var out = ""
        for ch in TextReader.clean(text) {
            switch ch {
            case " ": continue
            case "（": out.append("(")
            case "）": out.append(")")
            default: out.append(ch)
            }
        }
        return out
    }

    static func day(_ d: Day?) -> String { d?.description ?? "?" }

    static func yuan(_ fen: Int64?) -> String { fen.map { Money.yuan($0) } ?? "?" }
}

/// Fixture helpers for check examples (valid IDs for generated rosters).
enum ExampleIDs {
    /// A valid 18-digit ID for a region, birth date (yyyymmdd) and 3-digit sequence.
    static func make(region: Int = 640422, birth: Int, sequence: Int) -> String {
        let body = UInt64(region) * 100_000_000_000 + UInt64(birth) * 1000 + UInt64(sequence % 1000)
        let check = ResidentID.checkValue(forBody: body)
        var digits = String(body)
        while digits.count < 17 { digits = "0" + digits }
        return digits + (check == 10 ? "X" : String(check))
    }
}

extension Check {
    /// A finding about a class as registered (its length, hours, practical share): the
    /// class's register line (or first ledger line) is the evidence.
    func classFinding(_ message: Localized, _ view: TrainingClass) -> Finding {
        finding(message, subject: view.classID, evidence: [view.source],
                classID: view.classID, institution: view.institution, county: view.county)
    }
}

extension AuditData {
    /// Each class's roster names whose ID could not be used: lost, unreadable, or with a
    /// bad check digit nothing could mend (`IDIssue.inferred` mends the others). Someone of
    /// that name signing in or paid for the class is most likely that line's person: an ID
    /// problem (the ID family), not a stranger (PRX006, PAY004) nor a ghost (PRX005).
    func namesWithUnusableIDs() -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for line in rosterLines where line.id.hasUnusableID {
            out[line.classID, default: []].insert(NameReader.normalize(line.name))
        }
        return out
    }
}

extension IDReading {
    /// No ID, or one with a bad check digit that was not mended by inference.
    var hasUnusableID: Bool { id == nil || (issues.contains(.badCheckDigit) && !isInferred) }
}
