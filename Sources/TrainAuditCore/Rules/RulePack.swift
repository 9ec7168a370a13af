import Foundation
import Yams

/// Loads a rule pack (`rules/NAME.yaml`) with its `extends` chain into Settings.
///
/// A pack is:
///     name: guyuan
///     extends: ningxia
///     title: {zh: …, en: …}
///     settings:
///       max_class_size: {value: 50, source: "001_… 三(三)：每个培训班不得超过50人"}
/// Every setting carries its source. An unknown key, a wrong type or a cycle in `extends`
/// is refused with the file and line.
public enum RulePack {
    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    /// `pack` is a name in `directory` (guyuan) or a path to a .yaml file.
    public static func load(_ pack: String, directory: String) throws -> Settings {
        var settings = Settings()
        var seen: [String] = []
        try apply(pack, directory: directory, into: &settings, seen: &seen)
        settings.packName = seen.first.map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") } ?? pack
        settings.chain = seen.reversed().map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "") }
        return settings
    }

    /// The packs shipped in `directory` (every .yaml but columns.yaml).
    public static func available(directory: String) -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return items.filter { $0.hasSuffix(".yaml") && $0 != "columns.yaml" }.map { String($0.dropLast(5)) }.sorted()
    }

    public static func path(_ pack: String, directory: String) -> String {
        pack.hasSuffix(".yaml") || pack.contains("/") ? pack : directory + "/" + pack + ".yaml"
    }

    private static func apply(_ pack: String, directory: String, into settings: inout Settings, seen: inout [String]) throws {
        let file = path(pack, directory: directory)
        if seen.contains(file) {
            throw LoadError(file: file, line: nil, message: "extends makes a cycle: " + (seen + [file]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → "))
        }
        seen.append(file)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw LoadError(file: file, line: nil, message: "no such rule pack (available: \(available(directory: directory).joined(separator: ", ")))")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw LoadError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        guard let map = root?.mapping else { throw LoadError(file: file, line: 1, message: "expected a mapping at the top") }
        func fail(_ node: Node?, _ message: String) -> LoadError {
            LoadError(file: file, line: node?.mark.map { $0.line }, message: message)
        }
        for (k, _) in map where !["name", "extends", "title", "settings", "notes"].contains(k.string ?? "") {
            throw fail(k, "unknown key '\(k.string ?? "")' (allowed: name, extends, title, settings, notes)")
        }
        let name = map["name"]?.string ?? (file as NSString).lastPathComponent
        if let parent = map["extends"] {
            guard let p = parent.string else { throw fail(parent, "extends must be a pack name") }
            try apply(p, directory: (file as NSString).deletingLastPathComponent, into: &settings, seen: &seen)
        }
        guard let entries = map["settings"]?.mapping else { return }
        for (keyNode, entry) in entries {
            guard let key = keyNode.string else { throw fail(keyNode, "a setting name must be text") }
            guard let body = entry.mapping, let value = body["value"] else {
                throw fail(entry, "\(key): expected {value: …, source: …}")
            }
            for (k, _) in body where !["value", "source"].contains(k.string ?? "") {
                throw fail(k, "\(key): unknown key '\(k.string ?? "")' (allowed: value, source)")
            }
            guard let source = body["source"]?.string, !source.isEmpty else {
                throw fail(entry, "\(key): every setting needs a source (seed file and clause, or \"default: why\")")
            }
            try SettingKeys.assign(key, value, source: source, pack: name, into: &settings, fail: fail)
        }
    }
}

/// The YAML keys of Settings and how each is typed.
enum SettingKeys {
    static func assign(_ key: String, _ node: Node, source: String, pack: String, into s: inout Settings,
                       fail: (Node?, String) -> RulePack.LoadError) throws {
        func int() throws -> Setting<Int> {
            guard let v = node.int else { throw fail(node, "\(key): expected a whole number") }
            return Setting(v, source: source, pack: pack)
        }
        func double() throws -> Setting<Double> {
            guard let v = node.float ?? node.int.map(Double.init) else { throw fail(node, "\(key): expected a number") }
            return Setting(v, source: source, pack: pack)
        }
        func bool() throws -> Setting<Bool> {
            guard let v = node.bool else { throw fail(node, "\(key): expected true or false") }
            return Setting(v, source: source, pack: pack)
        }
        func pattern(_ n: Node) throws -> Pattern {
            guard let text = n.string else { throw fail(n, "\(key): expected a pattern (text)") }
            do { return try Pattern(text) } catch { throw fail(n, "\(key): \(error)") }
        }
        func number(_ n: Node?, _ field: String) throws -> Double? {
            guard let n else { return nil }
            guard let v = n.float ?? n.int.map(Double.init) else { throw fail(n, "\(key).\(field): expected a number") }
            return v
        }
        switch key {
        case "eligible_age.min": s.minAge = try int()
        case "eligible_age.max": s.maxAge = try int()
        case "driving_age_limit": s.drivingAgeLimit = try int()
        case "patterns.driving_course": s.drivingCourse = Setting(try pattern(node), source: source, pack: pack)
        case "patterns.ineligible_status": s.ineligibleStatus = Setting(try pattern(node), source: source, pack: pack)
        case "patterns.no_labor_capacity": s.noLaborCapacity = Setting(try pattern(node), source: source, pack: pack)
        case "patterns.deceased_status": s.deceasedStatus = Setting(try pattern(node), source: source, pack: pack)
        case "max_trainings_per_year": s.maxTrainingsPerYear = try int()
        case "retake_after_fail_allowed": s.retakeAfterFailAllowed = try bool()
        case "patterns.failed_assessment": s.failedAssessment = Setting(try pattern(node), source: source, pack: pack)
        case "course_length":
            guard let list = node.sequence else { throw fail(node, "course_length: expected a list of {program, min_days, max_days, min_hours, max_hours, exempt}") }
            var rules: [LengthRule] = []
            for item in list {
                guard let m = item.mapping, let program = m["program"] else { throw fail(item, "course_length: each rule needs a program pattern") }
                for (k, _) in m where !["program", "min_days", "max_days", "min_hours", "max_hours", "exempt"].contains(k.string ?? "") {
                    throw fail(k, "course_length: unknown key '\(k.string ?? "")'")
                }
                rules.append(LengthRule(program: try pattern(program), minDays: try number(m["min_days"], "min_days"),
                                        maxDays: try number(m["max_days"], "max_days"), minHours: try number(m["min_hours"], "min_hours"),
                                        maxHours: try number(m["max_hours"], "max_hours"), exempt: m["exempt"]?.bool ?? false))
            }
            s.courseLength = Setting(rules, source: source, pack: pack)
        case "min_daily_hours": s.minDailyHours = try double()
        case "max_daily_hours": s.maxDailyHours = try double()
        case "min_practical_share": s.minPracticalShare = try double()
        case "burst.window_seconds": s.burstWindowSeconds = try int()
        case "burst.min_people": s.burstMinPeople = try int()
        case "copied_sheet.min_share": s.copiedSheetShare = try double()
        case "copied_sheet.min_people": s.copiedSheetMinPeople = try int()
        case "patterns.out_of_province_work": s.outOfProvinceWork = Setting(try pattern(node), source: source, pack: pack)
        case "max_class_size": s.maxClassSize = try int()
        case "roster_attendance_ratio": s.rosterToAttendanceRatio = try double()
        case "subsidy_standard":
            guard let list = node.sequence else { throw fail(node, "subsidy_standard: expected a list of {certificate, max_yuan}") }
            s.subsidyStandards = Setting(try list.map { item in
                guard let m = item.mapping, let c = m["certificate"], let y = try number(m["max_yuan"], "max_yuan") else {
                    throw fail(item, "subsidy_standard: each entry needs certificate and max_yuan")
                }
                return SubsidyStandard(certificate: try pattern(c), maxAmount: Int64((y * 100).rounded()))
            }, source: source, pack: pack)
        case "min_attendance_share": s.minAttendanceShare = try double()
        case "patterns.training_item": s.trainingItem = Setting(try pattern(node), source: source, pack: pack)
        case "employment_floor": s.employmentFloor = try double()
        case "patterns.not_employed": s.notEmployed = Setting(try pattern(node), source: source, pack: pack)
        case "phone_spot_check_rate": s.phoneSpotCheckRate = try double()
        case "spot_check.every_class": s.spotCheckEveryClass = try bool()
        case "levels":
            guard let list = node.sequence?.compactMap(\.string) else { throw fail(node, "levels: expected a list of text") }
            s.levels = Setting(list, source: source, pack: pack)
        case "patterns.placeholder": s.placeholder = Setting(try pattern(node), source: source, pack: pack)
        default:
            throw fail(node, "unknown setting '\(key)'")
        }
    }
}
