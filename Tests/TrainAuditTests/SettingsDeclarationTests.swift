import Foundation
import Testing
import Yams
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

/// Settings are declared once (SettingKeys.swift) and every reader says which it reads:
/// a check in its CheckInfo, the record readers in `Loader.settings`, `trainaudit sample`
/// in `SpotCheck.settings`. These tests keep the declarations and the reads in step.
struct SettingsDeclarationTests {
    /// The readers that are not checks, by name.
    static let consumers: [(name: String, keys: [AnySettingKey])] = [
        ("record readers (Loader)", Loader.settings),
        ("trainaudit sample (SpotCheck)", SpotCheck.settings),
    ]

    static func declared(_ info: CheckInfo) -> Set<AnySettingKey> { Set(info.settings + info.optionalSettings) }

    @Test func keysAreDeclaredOnceEach() {
        let names = AnySettingKey.all.map(\.name)
        #expect(Set(names).count == names.count, "a key is listed twice in AnySettingKey.all")
        for key in AnySettingKey.all { #expect(!key.summary.isEmpty, "\(key) has no description") }
    }

    @Test func everyKeyAPackMaySetHasAReader() {
        var readers: [AnySettingKey: [String]] = [:]
        for c in AllChecks.all { for key in Self.declared(c.info) { readers[key, default: []].append(c.info.code) } }
        for (name, keys) in Self.consumers { for key in keys { readers[key, default: []].append(name) } }
        for key in AnySettingKey.all {
            #expect(readers[key] != nil, "\(key) is parsed but no check or named reader declares it: wire it or delete it")
        }
    }

    @Test func everyKeyAReaderListsIsDeclared() {
        for c in AllChecks.all {
            for key in Self.declared(c.info) { #expect(AnySettingKey.named(key.name) != nil, "\(c.info.code) lists undeclared \(key)") }
            #expect(Set(c.info.settings).isDisjoint(with: c.info.optionalSettings), "\(c.info.code) lists a key as needed and optional")
        }
        for (name, keys) in Self.consumers {
            for key in keys { #expect(AnySettingKey.named(key.name) != nil, "\(name) lists undeclared \(key)") }
        }
    }

    /// Read with Yams, not RulePack, so the test does not lean on the loader it checks.
    @Test func everyKeyInAShippedPackIsDeclared() throws {
        let packs = RulePack.available(directory: Repo.rules)
        #expect(packs.count >= 6)
        for pack in packs {
            let text = try String(contentsOfFile: RulePack.path(pack, directory: Repo.rules), encoding: .utf8)
            let settings = try #require(try Yams.compose(yaml: text)?.mapping)["settings"]?.mapping
            for (key, _) in settings ?? [:] {
                #expect(AnySettingKey.named(key.string ?? "") != nil, "\(pack).yaml sets undeclared \(key.string ?? "?")")
            }
            _ = try RulePack.load(pack, directory: Repo.rules)  // and the loader takes it
        }
    }

    /// Each check runs on its examples with a Settings that notes every read: it reads only
    /// what its CheckInfo declares, and every key it declares is read by some example.
    @Test func checksReadWhatTheyDeclare() throws {
        for check in AllChecks.all {
            var read: Set<String> = []
            for example in check.examples {
                let engine = try Engines.pack(example.pack)
                let dir = try writeTables(example.tables)
                defer { try? FileManager.default.removeItem(atPath: dir) }
                let data = engine.load([dir]).data
                let log = SettingReadLog()
                var settings = engine.settings
                settings.readLog = log
                let audit = Audit(data: data, settings: settings, regions: engine.regions, asOf: testToday)
                if let review = check as? any ReviewCheck {
                    let others = AllChecks.all.filter { !($0 is any ReviewCheck) }
                    review.review(audit, findings: engine.scan(data, asOf: testToday, checks: others).findings)
                } else {
                    _ = check.run(audit)
                }
                read.formUnion(log.read)
            }
            let declared = Set(Self.declared(check.info).map(\.name))
            #expect(read.isSubset(of: declared), "\(check.info.code) reads \(read.subtracting(declared).sorted()) without declaring it")
            #expect(declared.isSubset(of: read), "\(check.info.code) declares \(declared.subtracting(read).sorted()) but no example reads it")
        }
    }

    /// The record readers read only what `Loader.settings` declares.
    @Test func recordReadersReadWhatTheyDeclare() throws {
        let engine = try Engines.pack("guyuan")
        let log = SettingReadLog()
        var settings = engine.settings
        settings.readLog = log
        let tables = AllChecks.all.flatMap(\.examples).flatMap(\.tables)
        let dir = try writeTables(tables.enumerated().map { (file: "\($0.offset)-\($0.element.file)", csv: $0.element.csv) })
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = Loader(catalog: engine.catalog, settings: settings).load(paths: [dir])
        #expect(run.data.enrollments.count > 0)
        #expect(log.read == Set(Loader.settings.map(\.name)))
    }
}
