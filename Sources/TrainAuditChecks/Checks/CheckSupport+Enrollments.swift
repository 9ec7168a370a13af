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

extension AuditData {
    /// The day an enrollment's class started: the roster row's own start, or its class's.
    func classStart(ofEnrollment i: Int) -> Day? {
        enrollments[i].start ?? classView(ofEnrollment: i)?.start
    }

    /// An enrollment's period as a closed range (nil when start or end is unknown).
    func periodRange(ofEnrollment i: Int) -> ClosedRange<Day>? {
        guard let p = period(ofEnrollment: i), p.end >= p.start else { return nil }
        return p.start...p.end
    }

    /// Institution of an enrollment (its own, or its class's).
    func institution(ofEnrollment i: Int) -> String? {
        enrollments[i].institution ?? classView(ofEnrollment: i)?.institution
    }

    func county(ofEnrollment i: Int) -> String? {
        enrollments[i].county ?? classView(ofEnrollment: i)?.county
    }

    func occupation(ofEnrollment i: Int) -> String? {
        enrollments[i].occupation ?? classView(ofEnrollment: i)?.occupation
    }

    func level(ofEnrollment i: Int) -> String? {
        enrollments[i].level ?? classView(ofEnrollment: i)?.level
    }

    func program(ofEnrollment i: Int) -> String? {
        enrollments[i].program ?? classView(ofEnrollment: i)?.program
    }

    /// Whether enrollment `i` was subsidised: payments for that person naming its class,
    /// else the roster's subsidy column.
    func subsidyState(ofEnrollment i: Int) -> SubsidyState {
        let e = enrollments[i]
        if let id = e.id.id, let paid = paymentsByPerson[id] {
            let cls = enrollmentClass[i]
            var total: Int64 = 0
            var any = false
            for p in paid where payments[p].classID == cls {
                if let a = payments[p].amount { total += a; any = true }
            }
            if any, total > 0 { return .paid(total) }
        }
        if let s = e.subsidy { return s > 0 ? .paid(s) : .none }
        return .unknown
    }

    /// The household a person belongs to: the registry's 户编号, or the person alone when
    /// the registry does not list them (or gives no household).
    func household(of id: ResidentID) -> String {
        if let entries = registryByPerson[id] {
            for r in entries {
                if let h = registry[r].householdID, !h.isEmpty { return "户 \(h)" }
            }
        }
        return "人 \(id)"
    }

    /// Whether the registry gives a household for the person.
    func hasRegisteredHousehold(_ id: ResidentID) -> Bool {
        guard let entries = registryByPerson[id] else { return false }
        return entries.contains { registry[$0].householdID.map { !$0.isEmpty } ?? false }
    }

    /// Distinct people on a class roster, by ID (or name where the ID is unreadable).
    func rosterHeads(_ view: ClassView) -> Set<HeadKey> {
        var heads = Set<HeadKey>()
        heads.reserveCapacity(view.roster.count)
        for i in view.roster { heads.insert(HeadKey(enrollments[i].id, name: enrollments[i].name)) }
        return heads
    }

    /// Age on a day: from the ID's birth date, else the roster's age column (less sure).
    func age(ofEnrollment i: Int, on day: Day) -> (age: Int, fromID: Bool)? {
        let e = enrollments[i]
        if let birth = e.id.id?.birthDate, birth <= day { return (birth.age(on: day), true) }
        if let a = e.age { return (a, false) }
        return nil
    }
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
    /// A finding about trainee `id` on ledger line `i` of class `cls`: the person, class,
    /// institution, county and the money of that class put in doubt. The ledger line is
    /// the first evidence; `more` follows (the registry or watchlist line).
    func enrollmentFinding(_ message: Localized, id: ResidentID, enrollment i: Int, classID cls: String,
                           in data: AuditData, more: [SourceRef] = [], confidence: Double,
                           county: String? = nil) -> Finding {
        let e = data.enrollments[i]
        let money = data.moneyAtRisk(person: id, classID: cls)
        return finding(message, subject: "\(id)|\(cls)", evidence: [e.source] + more, confidence: confidence,
                       person: PersonRef(id: id.description, name: e.name), classID: cls,
                       institution: data.institution(ofEnrollment: i),
                       county: data.county(ofEnrollment: i) ?? county,
                       amount: money.amount, paymentRefs: money.payments)
    }
}

extension Check {
    /// A finding about a class as registered (its length, hours, practical share): the
    /// class's register line (or first ledger line) is the evidence.
    func classFinding(_ message: Localized, _ view: ClassView) -> Finding {
        finding(message, subject: view.classID, evidence: [view.source],
                classID: view.classID, institution: view.institution, county: view.county)
    }
}
