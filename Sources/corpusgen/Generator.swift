#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A generated person: 17-digit ID body (region, birth date, sequence), birth day, name.
struct Person {
    var body: UInt64
    var birth: Int32       // day ordinal
    var name: UInt32       // surname << 16 | given1 << 8 | given2 (255: none)
}

struct TrainingClass {
    var serial: Int
    var region: Int
    var institution: Int
    var occupation: Int
    var level: String
    var start: Int
    var days: Int
    var size: Int          // planned roster size
    var oversize: Bool
    var subsidy: Int       // yuan
    var certificate: String
    var morning: Int       // seconds since midnight: first sign-in of the morning session
    var afternoon: Int
    var teacher: UInt32
    var members: [Int32] = []   // >= 0: registry index; < 0: -(k+1), k into `outsiders`
    var end: Int { start + days - 1 }
}

struct Generator {
    let scale: Double
    let seed: UInt64
    let out: String
    var rng: Xoshiro

    // Registry people.
    var people: [Person] = []
    var eligible: [Bool] = []
    var used: [Bool] = []
    var special: [Bool] = []          // planted DUP/SCH people (kept out of other plants)
    /// Trainees not in the registry (REG001).
    var outsiders: [Person] = []
    var classes: [TrainingClass] = []

    // ID allocation: a counter per (region, birth day) slot keeps every ID unique.
    let firstBirth = Civil.ordinal(1945, 1, 1)
    let lastBirth = Civil.ordinal(2020, 12, 31)
    var slotCounters: [UInt16] = []

    // Planted counts.
    var plantedREG = 0, plantedDUP = 0, plantedSCH = 0, plantedPRX = 0, plantedCLS = 0

    let surnameBytes: [[UInt8]] = Vocabulary.surnames.map { Array($0.utf8) }
    let givenBytes: [[UInt8]] = Vocabulary.givenChars.map { Array($0.utf8) }

    init(scale: Double, seed: UInt64, out: String) {
        self.scale = scale
        self.seed = seed
        self.out = out
        rng = Xoshiro(seed: seed)
        slotCounters = [UInt16](repeating: 0, count: Vocabulary.regions.count * (lastBirth - firstBirth + 1))
    }

    // MARK: - identity

    /// A new unique ID body for a region and birth day.
    mutating func newBody(region: Int, birth: Int, male: Bool) -> UInt64 {
        let slot = region * (lastBirth - firstBirth + 1) + (birth - firstBirth)
        let c = Int(slotCounters[slot])
        slotCounters[slot] += 1
        precondition(c < 450, "too many people born on one day in one county")
        // A per-slot offset so sequences do not all start at 000 (still unique: c < 450 < 500).
        let offset = Int((UInt64(slot) &* 0x9E37_79B9_7F4A_7C15) >> 58) // 0..63
        let seq = ((offset + c) % 500) * 2 + (male ? 1 : 0)
        let (y, m, d) = Civil.fromOrdinal(birth)
        let code = UInt64(Vocabulary.regions[region].code(bornIn: y))
        return code * 100_000_000_000 + UInt64(y * 10000 + m * 100 + d) * 1000 + UInt64(seq)
    }

    static let weights: [Int] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkChars: [UInt8] = Array("10X98765432".utf8)

    /// The 18 bytes of an ID (ISO 7064 MOD 11-2 check character).
    static func idBytes(_ body: UInt64) -> [UInt8] {
        var digits = [UInt8](repeating: 0x30, count: 18)
        var n = body
        for i in stride(from: 16, through: 0, by: -1) {
            digits[i] = UInt8(0x30 + n % 10)
            n /= 10
        }
        var sum = 0
        for i in 0..<17 { sum += Int(digits[i] - 0x30) * weights[i] }
        digits[17] = checkChars[sum % 11]
        return digits
    }

    mutating func newName(surname: Int? = nil) -> UInt32 {
        let s = surname ?? rng.below(surnameBytes.count)
        let g1 = rng.below(givenBytes.count)
        let g2 = rng.chance(ppm: 300_000) ? 255 : rng.below(givenBytes.count)
        return UInt32(s) << 16 | UInt32(g1) << 8 | UInt32(g2)
    }

    func nameBytes(_ code: UInt32) -> [UInt8] {
        var b = surnameBytes[Int(code >> 16)]
        b += givenBytes[Int((code >> 8) & 0xFF)]
        let g2 = Int(code & 0xFF)
        if g2 != 255 { b += givenBytes[g2] }
        return b
    }

    /// SplitMix64's finaliser: columns derived from an ID without drawing from `rng`.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    func person(_ ref: Int32) -> Person { ref >= 0 ? people[Int(ref)] : outsiders[Int(-ref - 1)] }

    static func age(birth: Int, on day: Int) -> Int {
        let (by, bm, bd) = Civil.fromOrdinal(birth)
        let (y, m, d) = Civil.fromOrdinal(day)
        return y - by - ((m, d) < (bm, bd) ? 1 : 0)
    }

    // MARK: - run

    mutating func run() {
        let nRegistry = max(10, Int((4_000_000 * scale).rounded()))
        let nClasses = max(2, Int((10_000 * scale).rounded()))
        writeRegistry(nRegistry)
        makeClasses(nClasses)
        fillRosters()
        plantDuplicates()
        plantOverlaps()
        writeClasses()
        let rosterRows = writeRosterAndPayments()
        let attendanceRows = writeAttendance()
        report(registry: nRegistry, roster: rosterRows, attendance: attendanceRows)
    }

    // MARK: - registry

    mutating func writeRegistry(_ n: Int) {
        // The national system's export (DATA.md): 27 columns, most of which no check reads.
        let f = CSVOut(out + "/registry.csv", header: [
            "序号", "数据日期", "县(市、区、旗)", "乡(镇)", "行政村", "自然村", "户编号", "人编号", "姓名", "证件号码",
            "与户主关系", "民族", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工状况", "务工时间（月）",
            "户联系电话", "人联系电话", "人员状态", "贫困户状态", "识别标准", "脱贫年度", "致贫原因", "开户银行", "银行卡号"])
        let dataDate = Array("2025年12月31日".utf8)
        let hamlets = ["一组", "二组", "三组", "四组", "五组", "六组"].map { Array($0.utf8) }
        let nations = ["汉族", "回族", "汉族", "回族", "汉族", "东乡族", "汉族", "回族"].map { Array($0.utf8) }
        let schooling = ["小学", "初中", "初中", "高中", "文盲或半文盲", "中专", "初中", "小学"].map { Array($0.utf8) }
        let healthy = Array("健康".utf8), notStudent = Array("非在校生".utf8)
        let standards = ["国家标准", "国家标准", "省定标准"].map { Array($0.utf8) }
        let causes = ["缺技术", "缺资金", "因病", "缺劳力", "因学", "交通条件落后", "缺技术", "自身发展动力不足"].map { Array($0.utf8) }
        let banks = ["宁夏黄河农村商业银行", "中国农业银行", "中国邮政储蓄银行", "宁夏银行"].map { Array($0.utf8) }
        people.reserveCapacity(n)
        eligible.reserveCapacity(n)
        let sizes: [(String, Int)] = [("1", 80_000), ("2", 150_000), ("3", 220_000), ("4", 280_000), ("5", 180_000), ("6", 90_000)]
        var household = 0
        let countyBytes = Vocabulary.regions.map { Array($0.county.utf8) }
        let statusBytes = Vocabulary.statuses.map { Array($0.0.utf8) }
        let laborBytes = Vocabulary.labor.map { Array($0.0.utf8) }
        let povertyBytes = Vocabulary.poverty.map { Array($0.0.utf8) }
        let workBytes = Vocabulary.work.map { Array($0.0.utf8) }
        let relationBytes = Vocabulary.relations.map { Array($0.utf8) }
        while people.count < n {
            household += 1
            let size = min(n - people.count, Vocabulary.pick(sizes, &rng) + 1)
            let region = rng.below(Vocabulary.regions.count)
            let town = rng.below(Vocabulary.regions[region].towns.count)
            let village = rng.below(Vocabulary.villageStems.count)
            let surname = rng.below(surnameBytes.count)
            let poverty = Vocabulary.pick(Vocabulary.poverty, &rng)
            let townBytes = Array(Vocabulary.regions[region].towns[town].utf8)
            let villageBytes = Array((Vocabulary.villageStems[village] + "村").utf8)
            for member in 0..<size {
                let relation = member == 0 ? 0 : member == 1 ? 1 : 2 + rng.below(relationBytes.count - 2)
                let birth = rng.int(firstBirth, lastBirth)
                let male = rng.chance(ppm: 510_000)
                let body = newBody(region: region, birth: birth, male: male)
                let name = newName(surname: relation == 1 || relation == 4 || relation == 8 ? nil : surname)
                let status = Vocabulary.pick(Vocabulary.statuses, &rng)
                var labor = Vocabulary.pick(Vocabulary.labor, &rng)
                let age2025 = 2025 - Civil.fromOrdinal(birth).0
                if age2025 < 16 || age2025 > 65 { labor = 4 } // 无劳动力
                let work = labor >= 3 ? 0 : Vocabulary.pick(Vocabulary.work, &rng)
                people.append(Person(body: body, birth: Int32(birth), name: name))
                // A trainee in clean data: 正常, able to work, not working out of the province.
                eligible.append(status == 0 && labor <= 2 && work != 3)

                // The columns no check reads come from a hash of the ID, not from `rng`,
                // so the data the checks read is what it was with the narrow export.
                let h = Generator.mix(body)
                let householdCode = { f.int(Vocabulary.regions[region].code); f.int(household, width: 8) }
                f.int(people.count); f.comma()
                f.bytes(dataDate); f.comma()
                f.bytes(countyBytes[region]); f.comma()
                f.bytes(townBytes); f.comma()
                f.bytes(villageBytes); f.comma()
                f.bytes(hamlets[household % hamlets.count]); f.comma()
                householdCode(); f.comma()
                householdCode(); f.int(member + 1, width: 2); f.comma()
                f.bytes(nameBytes(name)); f.comma()
                f.bytes(Generator.idBytes(body)); f.comma()
                f.bytes(relationBytes[relation]); f.comma()
                f.bytes(nations[Int(h % 8)]); f.comma()
                f.bytes(schooling[Int((h >> 3) % 8)]); f.comma()
                f.bytes(notStudent); f.comma()
                f.bytes(healthy); f.comma()
                f.bytes(laborBytes[labor]); f.comma()
                f.bytes(workBytes[work]); f.comma()
                f.int(work == 0 ? 0 : Int((h >> 6) % 12) + 1); f.comma()
                f.byte(0x31); f.byte(0x38); f.int(household % 1_000_000_000, width: 9); f.comma()
                f.byte(0x31); f.byte([0x33, 0x35, 0x38, 0x39][rng.below(4)]); f.int(rng.below(1_000_000_000), width: 9); f.comma()
                f.bytes(statusBytes[status]); f.comma()
                f.bytes(povertyBytes[poverty]); f.comma()
                f.bytes(standards[Int((h >> 10) % 3)]); f.comma()
                f.int(poverty == 1 ? 0 : 2016 + Int((h >> 12) % 5)); f.comma()
                f.bytes(causes[Int((h >> 15) % 8)]); f.comma()
                f.bytes(banks[Int((h >> 18) % 4)]); f.comma()
                f.byte(0x36); f.byte(0x32); f.int(Int(body), width: 17)
                f.endRow()
            }
        }
        f.close()
        used = [Bool](repeating: false, count: people.count)
        special = [Bool](repeating: false, count: people.count)
    }

    // MARK: - classes and rosters

    mutating func makeClasses(_ n: Int) {
        let yearStart = Civil.ordinal(2025, 1, 6)
        classes.reserveCapacity(n)
        for serial in 1...n {
            let region = rng.below(Vocabulary.regions.count)
            let occupation = rng.below(Vocabulary.occupations.count)
            let levels = Vocabulary.occupations[occupation].levels
            let level = levels.count == 1 ? levels[0] : (rng.chance(ppm: 750_000) ? levels[0] : levels[1])
            let oversize = serial % 100 == 37   // CLS001: 1% of classes, exactly
            let size = oversize ? rng.int(51, 58) : rng.int(32, 48)
            // Seed 001: 培训合格证书 → 800 yuan; level certificates are paid by level.
            let plain = level.isEmpty || rng.chance(ppm: 500_000)
            let subsidy = plain ? 800 : (level == "初级" ? 1500 : 2000)
            classes.append(TrainingClass(
                serial: serial, region: region, institution: rng.below(Vocabulary.institutionStems.count),
                occupation: occupation, level: level, start: yearStart + rng.below(320), days: 30,
                size: size, oversize: oversize, subsidy: subsidy,
                certificate: plain ? (level.isEmpty ? "专项职业能力证书" : "培训合格证书") : "职业技能等级证书",
                morning: 7 * 3600 + 30 * 60 + rng.below(900), afternoon: 14 * 3600 + rng.below(600),
                teacher: newName()))
            if oversize { plantedCLS += 1 }
        }
    }

    static func isDriving(_ occupation: Int) -> Bool { Vocabulary.occupations[occupation].name.hasPrefix("机动车驾驶") }

    /// Whether registry person `i` can be a clean trainee of class `c`.
    func fits(_ i: Int, _ c: TrainingClass) -> Bool {
        guard eligible[i] else { return false }
        let age = Generator.age(birth: Int(people[i].birth), on: c.start)
        return age >= 18 && age <= (Generator.isDriving(c.occupation) ? 48 : 58)
    }

    mutating func fillRosters() {
        for c in classes.indices {
            var members: [Int32] = []
            members.reserveCapacity(classes[c].size + 2)
            for _ in 0..<classes[c].size {
                if rng.chance(ppm: 5_000) {
                    // REG001: an ID the registry does not list.
                    let maxAge = Generator.isDriving(classes[c].occupation) ? 48 : 58
                    let birth = classes[c].start - 365 * rng.int(19, maxAge) - rng.below(300)
                    let body = newBody(region: classes[c].region, birth: birth, male: rng.chance(ppm: 500_000))
                    outsiders.append(Person(body: body, birth: Int32(birth), name: newName()))
                    members.append(Int32(-outsiders.count))
                    plantedREG += 1
                    continue
                }
                var i = rng.below(people.count)
                var tries = 0
                while used[i] || !fits(i, classes[c]) {
                    i = rng.below(people.count)
                    tries += 1
                    precondition(tries < 1_000_000, "registry too small for the rosters")
                }
                used[i] = true
                members.append(Int32(i))
            }
            classes[c].members = members
        }
    }

    /// A clean registry trainee of a random class (not yet in a plant), or nil.
    mutating func pickPlain() -> (cls: Int, person: Int)? {
        for _ in 0..<100 {
            let c = rng.below(classes.count)
            let m = classes[c].members[rng.below(classes[c].members.count)]
            if m >= 0, !special[Int(m)] { return (c, Int(m)) }
        }
        return nil
    }

    /// DUP001: a trainee enrolled again, later, for the same occupation and level.
    mutating func plantDuplicates() {
        let target = Int((Double(totalRosterRows()) * 0.002).rounded())
        for _ in 0..<target {
            guard let (a, p) = pickPlain() else { continue }
            for _ in 0..<400 {
                let b = rng.below(classes.count)
                let cb = classes[b], ca = classes[a]
                guard b != a, !cb.oversize, cb.members.count < 50, cb.occupation == ca.occupation,
                      cb.level == ca.level, cb.start > ca.end, fits(p, cb) else { continue }
                classes[b].members.append(Int32(p))
                special[p] = true
                plantedDUP += 1
                break
            }
        }
    }

    /// SCH001: a trainee also on the roster of another class whose period overlaps, signing
    /// in to both.
    mutating func plantOverlaps() {
        let target = Int((Double(totalRosterRows()) * 0.001).rounded())
        for _ in 0..<target {
            guard let (a, p) = pickPlain() else { continue }
            for _ in 0..<400 {
                let b = rng.below(classes.count)
                let cb = classes[b], ca = classes[a]
                guard b != a, !cb.oversize, cb.members.count < 50, cb.occupation != ca.occupation,
                      cb.start <= ca.end, ca.start <= cb.end, fits(p, cb) else { continue }
                classes[b].members.append(Int32(p))
                special[p] = true
                plantedSCH += 1
                break
            }
        }
    }

    func totalRosterRows() -> Int { classes.reduce(0) { $0 + $1.members.count } }

    func classID(_ c: TrainingClass, into f: CSVOut) {
        f.bytes(Generator.classPrefix); f.int(c.serial, width: 6)
    }

    static let classPrefix: [UInt8] = Array("NX2025-".utf8)

    func institutionBytes(_ c: TrainingClass) -> [UInt8] {
        Array((Vocabulary.regions[c.region].county + Vocabulary.institutionStems[c.institution]).utf8)
    }

    mutating func writeClasses() {
        let f = CSVOut(out + "/classes.csv", header: [
            "班级编号", "培训机构", "培训职业(工种)", "培训等级", "开班日期", "结业日期", "总学时", "理论学时",
            "实操学时", "授课教师", "培训地点", "计划人数", "证书类型"])
        for c in classes {
            classID(c, into: f); f.comma()
            f.bytes(institutionBytes(c)); f.comma()
            f.text(Vocabulary.occupations[c.occupation].name); f.comma()
            f.text(c.level); f.comma()
            f.date(c.start); f.comma()
            f.date(c.end); f.comma()
            // 7 学时 a day (seed 001: ≥ 6); practical 150 of 210 (≥ 2/3).
            f.int(c.days * 7); f.comma()
            f.int(c.days * 2); f.comma()
            f.int(c.days * 5); f.comma()
            f.bytes(nameBytes(c.teacher)); f.comma()
            f.text(Vocabulary.regions[c.region].county + "培训基地" + String(c.institution + 1) + "号教室"); f.comma()
            f.int(c.oversize ? c.size : 50); f.comma()
            f.text(c.certificate)
            f.endRow()
        }
        f.close()
    }

    mutating func writeRosterAndPayments() -> Int {
        // Seed 000 附件5's columns (序号 … 抽查核实情况), with the class columns a county adds.
        let r = CSVOut(out + "/roster.csv", header: [
            "序号", "姓名", "性别", "年龄", "身份证号码", "培训职业(工种)或专项职业能力", "培训等级", "培训期限(起止时间)",
            "开班日期", "结业日期", "培训学时", "鉴定或考核通过情况", "培训和鉴定补贴金额(元)", "学员手机号码", "就业去向",
            "抽查核实情况", "班级编号", "培训机构"])
        let (male, female) = (Array("男".utf8), Array("女".utf8))
        let jobs = ["县内就业", "县外省内务工", "省外务工", "自主创业", "县内就业", "灵活就业", "县外省内务工", "县内就业"].map { Array($0.utf8) }
        let p = CSVOut(out + "/payments.csv", header: ["身份证号码", "姓名", "发放金额", "发放日期", "补贴项目", "银行账号", "班级编号"])
        let item = Array("培训补贴".utf8)
        for c in classes {
            let inst = institutionBytes(c)
            let occupation = Array(Vocabulary.occupations[c.occupation].name.utf8)
            for m in c.members {
                let who = person(m)
                let id = Generator.idBytes(who.body)
                let name = nameBytes(who.name)
                r.int(r.rows + 1); r.comma()
                r.bytes(name); r.comma()
                r.bytes(who.body % 2 == 1 ? male : female); r.comma()
                r.int(Generator.age(birth: Int(who.birth), on: c.start)); r.comma()
                r.bytes(id); r.comma()
                r.bytes(occupation); r.comma()
                r.text(c.level); r.comma()
                r.dotted(c.start); r.byte(0x2D); r.dotted(c.end); r.comma()
                r.date(c.start); r.comma()
                r.date(c.end); r.comma()
                r.int(c.days * 7); r.comma()
                r.byte(0x31); r.comma()   // 附件5 注2: 1 合格
                r.int(c.subsidy); r.comma()
                // A phone of one's own: a bijection of the person's number (3^18 is prime to 10^9).
                r.byte(0x31); r.byte(0x35); r.int(Int((UInt64(m >= 0 ? Int(m) : 500_000_000 - Int(m)) &* 387_420_489 &+ 7) % 1_000_000_000), width: 9); r.comma()
                r.bytes(jobs[Int(Generator.mix(who.body) % 8)]); r.comma()
                r.comma()
                classID(c, into: r); r.comma()
                r.bytes(inst)
                r.endRow()

                p.bytes(id); p.comma()
                p.bytes(name); p.comma()
                p.int(c.subsidy); p.comma()
                p.date(c.end + rng.int(15, 45)); p.comma()
                p.bytes(item); p.comma()
                p.byte(0x36); p.byte(0x32); p.int(Int(who.body), width: 17); p.comma()
                classID(c, into: p)
                p.endRow()
            }
        }
        r.close()
        p.close()
        return r.rows
    }

    // MARK: - attendance

    mutating func writeAttendance() -> Int {
        let f = CSVOut(out + "/attendance.csv", header: ["班级编号", "身份证号码", "姓名", "考勤日期", "时段", "签到时间", "签退时间", "签到方式", "设备编号"])
        let face = Array("人脸识别".utf8)
        let sessions = [Array("上午".utf8), Array("下午".utf8)]
        let burstSize = 6
        for c in classes {
            // Per member: "ID,name" once, reused for every sign-in.
            let who: [[UInt8]] = c.members.map { m in
                let p = person(m)
                return Generator.idBytes(p.body) + [0x2C] + nameBytes(p.name)
            }
            let planted: [Bool] = c.members.map { $0 >= 0 && special[Int($0)] }
            var cls: [UInt8] = Generator.classPrefix
            var n = c.serial
            var digits: [UInt8] = []
            for _ in 0..<6 { digits.append(UInt8(0x30 + n % 10)); n /= 10 }
            cls += digits.reversed()
            let device = Array("FACE-".utf8) + Array(String(Vocabulary.regions[c.region].code).utf8) + [0x2D] + cls.suffix(6)
            for day in 0..<c.days {
                for s in 0..<2 {
                    // PRX001: six consecutive people within 5 seconds on the class's device.
                    var burstAt = -1
                    if who.count >= burstSize, rng.chance(ppm: 1_000) {
                        burstAt = rng.below(who.count - burstSize + 1)
                        plantedPRX += 1
                    }
                    // People queue at the device in a different order every session, from
                    // a start that varies by a few minutes: the same order and start each
                    // day would put most of a class at the same minutes day after day,
                    // which is what a copied sheet looks like (PRX002).
                    var queue = Array(who.indices)
                    for k in stride(from: queue.count - 1, to: 0, by: -1) { queue.swapAt(k, rng.below(k + 1)) }
                    // Honest sign-ins are at least 3 seconds apart (so no 5 within 10 s).
                    var tIn = (s == 0 ? c.morning : c.afternoon) + rng.below(300)
                    var tOut = s == 0 ? 11 * 3600 + 30 * 60 + (c.morning % 600) : 17 * 3600 + 30 * 60 + (c.afternoon % 600)
                    for (k, member) in queue.enumerated() {
                        let person = who[member]
                        let inBurst = burstAt >= 0 && k >= burstAt && k < burstAt + burstSize
                        if inBurst {
                            tIn += k == burstAt ? 20 + rng.below(20) : 1
                        } else if burstAt >= 0 && k == burstAt + burstSize {
                            tIn += 20 + rng.below(20)
                        } else {
                            tIn += 3 + rng.below(28)
                        }
                        tOut += 3 + rng.below(28)
                        if !inBurst, !planted[member], rng.chance(ppm: 10_000) { continue } // absent
                        f.bytes(cls); f.comma()
                        f.bytes(person); f.comma()
                        f.date(c.start + day); f.comma()
                        f.bytes(sessions[s]); f.comma()
                        f.clock(tIn); f.comma()
                        f.clock(tOut); f.comma()
                        f.bytes(face); f.comma()
                        f.bytes(device)
                        f.endRow()
                    }
                }
            }
        }
        f.close()
        return f.rows
    }

    // MARK: - report

    func report(registry: Int, roster: Int, attendance: Int) {
        let json = """
        {"seed": \(seed), "scale": \(scale),
         "rows": {"registry": \(registry), "roster": \(roster), "classes": \(classes.count), "attendance": \(attendance), "payments": \(roster)},
         "planted": {"REG001": \(plantedREG), "DUP001": \(plantedDUP), "SCH001": \(plantedSCH), "PRX001": \(plantedPRX), "CLS001": \(plantedCLS)},
         "units": {"REG001": "trainees not in the registry", "DUP001": "trainees enrolled twice for one occupation and level", "SCH001": "trainees on two overlapping classes, signing in to both", "PRX001": "bursts of 6 people within 5 s on one device", "CLS001": "classes of 51-58 people"}}

        """
        if let f = fopen(out + "/planted.json", "wb") {
            fputs(json, f)
            fclose(f)
        }
        print("corpusgen: scale \(scale) seed \(seed) → \(out)")
        print("  rows: registry \(registry), roster \(roster), classes \(classes.count), attendance \(attendance), payments \(roster)")
        print("  planted: REG001 \(plantedREG) trainees not in the registry; DUP001 \(plantedDUP) same occupation+level twice;")
        print("           SCH001 \(plantedSCH) on two overlapping classes; PRX001 \(plantedPRX) device bursts; CLS001 \(plantedCLS) classes over 50")
    }
}
