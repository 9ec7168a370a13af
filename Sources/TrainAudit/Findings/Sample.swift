import Foundation

/// The spot-check list (issue 11 §2): whom the phone team calls. Seed 000 附件5 注1 has
/// the city phone-check 30% of the ledger (抽查率不低于30%); seed 004 三(六) checks every
/// class at least once (每期培训班至少抽查一次) and calls trainees back (回访).
///
/// How it is drawn, in order:
/// 1. Everyone named by a critical or high finding about a person is on the list.
/// 2. Where the pack sets `spot_check.every_class`, each class with nobody on the list yet
///    gets one of its trainees (risk-weighted, as in 3).
/// 3. The rest are drawn per stratum: each trainee belongs to the class of their first
///    enrolment (earliest start, then class code); a stratum's quota is its share of
///    ⌈rate × trainees⌉ (largest remainders), less who is on the list already; within it
///    trainees are drawn without replacement with weight 1 + 9 × (highest score of their
///    findings)/100 (Efraimidis–Spirakis keys u^(1/w)), u from `SplitMix64` seeded with the
///    seed and the class, so a seed gives the same list byte for byte.
public struct SpotCheck {
    public enum Reason: Int, Sendable, Comparable {
        case forced, everyClass, drawn

        public static func < (a: Reason, b: Reason) -> Bool { a.rawValue < b.rawValue }

        public var label: Localized {
            switch self {
            case .forced: return Localized(zh: "必查（严重或高风险问题）", en: "always (critical or high finding)")
            case .everyClass: return Localized(zh: "每期培训班至少抽查一次", en: "every class at least once")
            case .drawn: return Localized(zh: "随机抽取（按风险加权）", en: "drawn (risk-weighted)")
            }
        }
    }

    /// One call-sheet line.
    public struct Row: Sendable {
        public var personID: String
        public var name: String
        public var phone: String?
        public var classID: String?
        public var institution: String?
        public var period: String?
        public var occupation: String?
        public var county: String?
        public var reason: Reason
        /// The person's findings, most urgent first.
        public var findings: [Finding]
        public var questions: [String]
        public var fingerprints: [String] { findings.map(\.fingerprint) }
    }

    public struct Result: Sendable {
        public var rows: [Row]
        /// Distinct trainees on the rosters.
        public var population: Int
        /// ⌈rate × population⌉.
        public var target: Int
        public var rate: Double
        public var seed: UInt64
        public var everyClass: Bool
        public var count: [Reason: Int]
    }

    public let data: AuditData
    public let lang: Lang

    public init(data: AuditData, lang: Lang) {
        self.data = data
        self.lang = lang
    }

    private struct Candidate {
        var key: String
        var name: String
        var lines: [RosterLine]
        var stratum: String
    }

    public func draw(findings: [Finding], rate: Double, seed: UInt64, everyClass: Bool) -> Result {
        // Trainees, by resident ID (the ID cell as written when it is no ID).
        var trainees: [String: Candidate] = [:]
        for line in data.rosterLines {
            let key = line.id.id?.description ?? line.id.raw
            guard !key.isEmpty else { continue }
            trainees[key, default: Candidate(key: key, name: line.name, lines: [], stratum: "")].lines.append(line)
        }
        for (k, t) in trainees {
            let first = t.lines.min { a, b in
                let (sa, sb) = (a.dates?.start, b.dates?.start)
                if sa != sb { return (sa?.ordinal ?? .max) < (sb?.ordinal ?? .max) }
                return a.classID < b.classID
            }
            trainees[k]?.stratum = first?.classID ?? ""
        }
        var byPerson: [String: [Finding]] = [:]
        for f in findings { if let id = f.person?.id { byPerson[id, default: []].append(f) } }
        func weight(_ key: String) -> Double {
            1 + 9 * (byPerson[key]?.map(\.score).max() ?? 0) / 100
        }

        var chosen: [String: Reason] = [:]
        // 1. Critical and high findings about a person, trainee or not.
        for (id, fs) in byPerson where fs.contains(where: { $0.severity >= .high }) { chosen[id] = .forced }
        // Classes each person is on the roster of.
        var classMembers: [String: [String]] = [:]
        for t in trainees.values { for line in t.lines { classMembers[line.classID, default: []].append(t.key) } }
        for k in classMembers.keys { classMembers[k] = Array(Set(classMembers[k]!)).sorted() }
        func drawn(_ candidates: [String], _ n: Int, stratum: String, salt: String) -> [String] {
            guard n > 0, !candidates.isEmpty else { return [] }
            var g = SplitMix64.derived(seed: seed, salt + stratum)
            let keyed = candidates.map { c in (c, log(g.unit()) / weight(c)) }  // log(u^(1/w)): same order
            return keyed.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(n).map(\.0)
        }
        // 2. Every class at least once.
        if everyClass {
            for c in classMembers.keys.sorted() {
                let members = classMembers[c]!
                if members.contains(where: { chosen[$0] != nil }) { continue }
                for k in drawn(members, 1, stratum: c, salt: "class\u{1F}") { chosen[k] = .everyClass }
            }
        }
        // 3. Strata quotas by largest remainders of rate × stratum size.
        let population = trainees.count
        let target = min(population, Int((rate * Double(population) - 1e-9).rounded(.up)))
        var strata: [String: [String]] = [:]
        for t in trainees.values { strata[t.stratum, default: []].append(t.key) }
        let names = strata.keys.sorted()
        var quota: [String: Int] = [:]
        var remainders: [(String, Double)] = []
        var given = 0
        for s in names {
            let exact = Double(target) * Double(strata[s]!.count) / Double(max(1, population))
            quota[s] = Int(exact.rounded(.down))
            given += quota[s]!
            remainders.append((s, exact - exact.rounded(.down)))
        }
        for (s, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }).prefix(max(0, target - given)) { quota[s]! += 1 }
        for s in names {
            let members = strata[s]!.sorted()
            let have = members.filter { chosen[$0] != nil }.count
            for k in drawn(members.filter { chosen[$0] == nil }, quota[s]! - have, stratum: s, salt: "stratum\u{1F}") { chosen[k] = .drawn }
        }

        var rows: [Row] = chosen.map { key, reason in row(key: key, trainee: trainees[key], findings: byPerson[key] ?? [], reason: reason) }
        rows.sort { a, b in
            if (a.county ?? "\u{10FFFF}") != (b.county ?? "\u{10FFFF}") { return (a.county ?? "\u{10FFFF}") < (b.county ?? "\u{10FFFF}") }
            if (a.classID ?? "\u{10FFFF}") != (b.classID ?? "\u{10FFFF}") { return (a.classID ?? "\u{10FFFF}") < (b.classID ?? "\u{10FFFF}") }
            if a.reason != b.reason { return a.reason < b.reason }
            return a.personID < b.personID
        }
        var count: [Reason: Int] = [:]
        for r in rows { count[r.reason, default: 0] += 1 }
        return Result(rows: rows, population: population, target: target, rate: rate, seed: seed, everyClass: everyClass, count: count)
    }

    private func row(key: String, trainee: Candidate?, findings: [Finding], reason: Reason) -> Row {
        let fs = findings.sorted { $0.score != $1.score ? $0.score > $1.score : $0.fingerprint < $1.fingerprint }
        let id = ResidentID(key)
        let lines: [RosterLine] = trainee?.lines ?? id.map { data.trainee($0).roster } ?? []
        // The line the call is about: the class of the most urgent finding, else the stratum's.
        let focusClass = fs.lazy.compactMap(\.classID).first ?? trainee?.stratum
        let line = lines.first { $0.classID == focusClass } ?? lines.first
        let e = line?.record
        let view = line?.trainingClass ?? data.trainingClass(focusClass)
        let registry = id.flatMap { data.trainee($0).registryEntry }
        let name = e?.name ?? fs.first?.person?.name ?? registry?.name ?? ""
        let phone = lines.lazy.compactMap { $0.record.phone }.first { !$0.isEmpty } ?? registry?.phone
        var period: String?
        if let p = line?.dates ?? view.flatMap({ v in v.start.flatMap { s in v.end.map { (s, $0) } } }) {
            period = p.0.description + (lang == .zh ? "至" : " to ") + p.1.description
        }
        let occupation = e?.occupation ?? view?.occupation
        let classID = line?.classID ?? focusClass
        let start = line?.dates?.start ?? view?.start
        let questions = CallQuestions.questions(for: fs, start: start, occupation: occupation, classID: classID,
                                                institution: e?.institution ?? view?.institution, phone: phone, name: name, lang: lang)
        return Row(personID: key, name: name, phone: phone, classID: classID, institution: e?.institution ?? view?.institution ?? fs.first?.institution,
                   period: period, occupation: occupation, county: e?.county ?? view?.county ?? fs.first?.county ?? registry?.county,
                   reason: reason, findings: fs, questions: questions)
    }
}

/// The questions a caller asks, in plain words, from the person's findings: one per check
/// (by code, else by family), after the question every call starts with.
public enum CallQuestions {
    public static func questions(for findings: [Finding], start: Day?, occupation: String?, classID: String?,
                                 institution: String?, phone: String?, name: String, lang: Lang) -> [String] {
        let zh = lang == .zh
        let when = start.map { zh ? "\($0.year)年\($0.components.month)月" : "in \(monthName($0.components.month)) \($0.year)" } ?? (zh ? "2019年" : "that year")
        let what = occupation ?? (zh ? "职业技能" : "vocational")
        var out: [String] = [zh ? "您是否在\(when)参加了\(what)培训？" : "Did you attend the \(what) training \(when)?"]
        func add(_ q: String) { if !out.contains(q) { out.append(q) } }
        for f in findings {
            switch f.code {
            case "REG001": add(zh ? "您家是否是建档立卡贫困户？户主叫什么名字？" : "Is your household registered as poor (建档立卡)? Who is the head of the household?")
            case "REG002": add(zh ? "（向家属或村委会核实）\(name)是否健在、是否仍在本地居住？" : "(Ask the family or village committee) Is \(name) alive and still living here?")
            case "REG003", "ID007": add(zh ? "您是哪一年出生的？" : "In which year were you born?")
            case "REG004": add(zh ? "您参加的是机动车驾驶员培训吗？您今年多大年龄？" : "Was it a driving course? How old are you?")
            case "REG005": add(zh ? "您目前的身体状况能否参加劳动？" : "Does your health allow you to work?")
            case "REG006": add(zh ? "培训期间您是否在上学或在单位上班？" : "During the training, were you at school or in a salaried job?")
            case "DUP001", "DUP002": add(zh ? "您这一年参加过几次政府补贴的培训？分别是什么工种、什么等级？" : "How many subsidised trainings did you attend that year, in which occupations and levels?")
            case "DUP003", "SCH001": add(zh ? "您是否在同一时间参加了两个培训班？实际在哪个班上课？" : "Were you on two courses at the same time? Which one did you actually attend?")
            case "DUP004": add(zh ? "这次培训您共收到几笔补贴、每笔多少钱？" : "How many subsidy payments did you receive for this course, and how much each?")
            case "DUP005": add(zh ? "您的补贴是否发到本人账户？" : "Was the subsidy paid into your own account?")
            case "PRX003": add(zh ? "\(phone ?? "登记的手机号")是不是您本人的手机号？" : "Is \(phone ?? "the phone number on file") your own number?")
            case "PRX005": add(zh ? "您是否实际到\(institution ?? "培训机构")上课？上了几天？" : "Did you actually go to the classes at \(institution ?? "the institution")? For how many days?")
            case "PRX006": add(zh ? "您是否是\(classID ?? "该班")的学员？是否替别人签到？" : "Were you a trainee of \(classID ?? "this class")? Did you sign in for someone else?")
            case "PRX007": add(zh ? "培训期间您是否在外省务工？" : "During the training, were you working in another province?")
            case "ID008": add(zh ? "请核对：您身份证上的姓名是？" : "Please confirm: what is the name on your ID card?")
            default:
                switch Family(code: f.code) {
                case .SCH: add(zh ? "培训每天几点开始、几点结束？一共上了多少天？" : "When did the classes start and end each day? For how many days?")
                case .PRX: add(zh ? "培训期间您是否每天本人签到？有没有人替您签到？" : "Did you sign in yourself every day? Did anyone sign in for you?")
                case .CLS: add(zh ? "您所在的培训班大约有多少人？" : "About how many trainees were in your class?")
                case .PAY: add(zh ? "您的补贴是否发到本人账户？收到多少钱？" : "Was the subsidy paid into your own account? How much did you receive?")
                case .ID: add(zh ? "请核对您的姓名和身份证号码。" : "Please confirm your name and ID number.")
                case .REG, .DUP, .TGT, .DQ: add(zh ? "请核实：\(f.title.zh)" : "Please verify: \(f.title.en)")
                }
            }
        }
        if findings.isEmpty { add(zh ? "您的补贴是否发到本人账户？" : "Was the subsidy paid into your own account?") }
        return out
    }

    static func monthName(_ m: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][max(1, min(12, m)) - 1]
    }
}

extension Presentation {
    /// IDs and mobile numbers in `text` masked (`--mask`), for writers outside this module.
    public static func mask(_ text: String) -> String { maskNumbers(text) }
}

extension SpotCheck {
    /// The settings `trainaudit sample` reads (the rate and every-class rule).
    public static let settings = AnySettingKey.list(.phoneSpotCheckRate, .spotCheckEveryClass)
}
