import TrainAuditCore
/// Helpers the SCH and PRX checks share: time spans, minutes, teacher names, evidence caps,
/// money at risk over several classes.

/// Time arithmetic on sign-ins.
enum SignInClock {
    /// The [check-in, check-out) span of a sign-in in absolute seconds, when both are
    /// present and check-out is after check-in.
    static func span(_ s: SignIn) -> (start: Int64, end: Int64)? {
        guard let i = s.checkIn, let o = s.checkOut else { return nil }
        let a = i.absolute, b = o.absolute
        guard b > a else { return nil }
        return (a, b)
    }

    /// Whether two half-open spans share any moment.
    static func overlap(_ a: (start: Int64, end: Int64), _ b: (start: Int64, end: Int64)) -> Bool {
        a.start < b.end && b.start < a.end
    }

    /// Whether two sign-ins overlap in time: both spans overlap, or one's check-in falls
    /// inside the other's span (a check-in alone is a moment of presence).
    static func overlap(_ x: SignIn, _ y: SignIn) -> Bool {
        let a = span(x), b = span(y)
        if let a, let b { return overlap(a, b) }
        if let a, b == nil, let t = y.checkIn?.absolute { return a.start <= t && t < a.end }
        if let b, a == nil, let t = x.checkIn?.absolute { return b.start <= t && t < b.end }
        return false
    }

    /// Whether two closed day ranges share a day.
    static func overlap(_ a: ClosedRange<Day>, _ b: ClosedRange<Day>) -> Bool {
        a.lowerBound <= b.upperBound && b.lowerBound <= a.upperBound
    }

    /// Minutes since midnight (0..<1440).
    static func minuteOfDay(_ m: Moment) -> Int32 { m.seconds / 60 }

    /// "07:52" for messages.
    static func hhmm(_ minute: Int32) -> String {
        let h = minute / 60, m = minute % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// A session label for messages and keys; blank sessions are "".
    static func session(_ s: SignIn) -> String { TextReader.clean(s.session ?? "") }
}

/// The session labels met in a walk over sign-ins, numbered 0, 1, 2 … in order of first
/// sight. A label is made and looked up only where a sign-in's session differs from the
/// one before (a class's sign-ins come session by session), not for each of millions.
struct SessionLabels {
    /// The labels, by number.
    private(set) var labels: [String] = []
    private var numbers: [String: Int] = [:]
    private var last: (signIn: SignIn, number: Int)?
    private let label: (SignIn) -> String

    /// `label` makes a sign-in's label: by default `SignInClock.session` (cleaned).
    init(_ label: @escaping (SignIn) -> String = SignInClock.session) { self.label = label }

    /// The number of `s`'s label.
    mutating func number(_ s: SignIn) -> Int {
        if let last, s.sameSession(as: last.signIn) { return last.number }
        let text = label(s)
        let n: Int
        if let known = numbers[text] {
            n = known
        } else {
            n = labels.count
            labels.append(text)
            numbers[text] = n
        }
        last = (s, n)
        return n
    }
}

/// The sessions (a day and a session label) of a class's sign-ins, numbered 0, 1, 2 … in
/// order of first sight: the number is looked up only where a sign-in's session differs
/// from the one before. `startClass()` begins the next class; labels keep their numbers.
struct SessionNumbers {
    private var labels: SessionLabels
    private var numbers: [Int64: Int] = [:]
    /// Each numbered session's day and label number.
    private var sessions: [(day: Day, label: Int)] = []
    private var last: (key: Int64, number: Int)?

    init(_ labels: SessionLabels = SessionLabels()) { self.labels = labels }

    /// How many sessions the class has so far.
    var count: Int { sessions.count }

    mutating func startClass() {
        numbers.removeAll(keepingCapacity: true)
        sessions.removeAll(keepingCapacity: true)
        last = nil
    }

    /// The number of the session of `s`, signed in on `day`.
    mutating func number(_ s: SignIn, on day: Day) -> Int {
        let label = labels.number(s)
        let key = Int64(day.ordinal) << 32 | Int64(label)
        if let last, last.key == key { return last.number }
        let n: Int
        if let known = numbers[key] {
            n = known
        } else {
            n = sessions.count
            numbers[key] = n
            sessions.append((day, label))
        }
        last = (key, n)
        return n
    }

    func day(of session: Int) -> Day { sessions[session].day }
    func label(of session: Int) -> String { labels.labels[sessions[session].label] }
}

/// For (group, member) pairs packed as `group << 32 | member` (a session and a person, a
/// person and a session): how many distinct members each of the `groups` groups has.
/// Groups and members are small dense numbers, so a pair is counted the first time its bit
/// in a groups × members table is set; a table of more than 64 Mbit (a class of millions)
/// sorts `pairs` in place instead. Either way no set per group.
func distinctMembers(_ pairs: inout [UInt64], groups: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: groups)
    var members = 0
    for p in pairs { members = max(members, Int(p & 0xFFFF_FFFF) + 1) }
    let (bits, over) = groups.multipliedReportingOverflow(by: members)
    if !over, bits <= 1 << 26 {
        var seen = [UInt64](repeating: 0, count: (bits + 63) >> 6)
        for p in pairs {
            let group = Int(p >> 32)
            let bit = group * members + Int(p & 0xFFFF_FFFF)
            let mask: UInt64 = 1 << UInt64(bit & 63)
            if seen[bit >> 6] & mask == 0 {
                seen[bit >> 6] |= mask
                counts[group] += 1
            }
        }
        return counts
    }
    pairs.radixSort()
    for i in pairs.indices where i == 0 || pairs[i] != pairs[i - 1] { counts[Int(pairs[i] >> 32)] += 1 }
    return counts
}

/// Teacher cells of the class register: several names joined by 、 , ， / or spaces.
enum TeacherNames {
    private static let separators: Set<Character> = ["、", ",", "，", "/", "／", ";", "；", " ", "\u{3000}", "\t"]

    /// The normalised names in one or more teacher cells, in order, without repeats.
    static func split(_ cells: [String]) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for cell in cells {
            for part in cell.split(whereSeparator: { separators.contains($0) }) {
                let name = NameReader.normalize(String(part))
                if name.isEmpty || seen.contains(name) { continue }
                seen.insert(name)
                out.append(name)
            }
        }
        return out
    }
}

/// Place texts compared as an auditor would: spaces and case ignored.
enum PlaceText {
    static func key(_ s: String?) -> String? {
        guard let s else { return nil }
        let k = NameReader.normalize(s).lowercased()
        return k.isEmpty ? nil : k
    }
}

/// Evidence lists kept short enough to read.
enum EvidenceCap {
    static let rows = 20

    /// The first `rows` references, sorted and without repeats.
    static func first(_ refs: [SourceRef], _ limit: Int = rows) -> [SourceRef] {
        var seen = Set<SourceRef>()
        var out: [SourceRef] = []
        for r in refs where !seen.contains(r) {
            seen.insert(r)
            out.append(r)
            if out.count == limit { break }
        }
        return out
    }

    /// "（另有 N 行未列出）" / " (N more rows not listed)" when a list was cut.
    static func note(total: Int, shown: Int) -> Localized {
        total > shown
            ? Localized(zh: "（证据列出前\(shown)行，共\(total)行）", en: " (evidence lists the first \(shown) of \(total) rows)")
            : Localized(zh: "", en: "")
    }

    /// Up to `limit` items joined, with "等N项" / "and N more".
    static func list(_ items: [String], limit: Int = 5, zhSeparator: String = "、") -> Localized {
        let shown = items.prefix(limit)
        let more = items.count - shown.count
        return Localized(zh: shown.joined(separator: zhSeparator) + (more > 0 ? "等\(items.count)项" : ""),
                         en: shown.joined(separator: ", ") + (more > 0 ? " and \(more) more" : ""))
    }
}

/// Numbers in schedule messages: 6 not 6.0.
enum ScheduleFormat {
    static func num(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }
}
