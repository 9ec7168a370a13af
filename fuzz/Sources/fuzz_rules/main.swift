// The YAML loaders of rules/: the input as a rule pack (RulePack.load, in a copy of the
// repository's rules/ so that `extends: ningxia` finds its parent) and as a column
// catalogue (ColumnCatalog(yaml:)); a catalogue that loads is used to find a header in a
// few fixed rows, which runs its patterns.
import TrainAudit
import CFuzzerDriver
import FuzzSupport
import Foundation

/// A copy of the shipped packs, with the input beside them as fuzz_input.yaml.
let rulesCopy: String = {
    let dir = Scratch.folder + "/rules"
    let fm = FileManager.default
    try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let names = (try? fm.contentsOfDirectory(atPath: RepoRoot.rules)) ?? []
    let packs = names.filter { $0.hasSuffix(".yaml") }
    if packs.isEmpty { fatalError("no rule packs in \(RepoRoot.rules) (set TRAINAUDIT_ROOT)") }
    for name in packs { try? fm.copyItem(atPath: RepoRoot.rules + "/" + name, toPath: dir + "/" + name) }
    return dir
}()

let sampleRows: [RawRow] = [
    RawRow(number: 1, cells: ["西吉县2019年技能培训花名册"]),
    RawRow(number: 2, cells: ["序号", "姓名", "性别", "身份证号码", "培训时间", "培训工种", "联系电话", "补贴金额（元）"]),
    RawRow(number: 3, cells: ["1", "张三", "男", "640422199001011234", "2019.3.1-2019.3.25", "电焊工", "13912345678", "1,600"]),
    RawRow(number: 4, cells: ["合计", "", "", "", "", "", "", "1600"]),
]

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = Scratch.write("rules/fuzz_input.yaml", bytes)
    _ = rulesCopy
    if let settings = try? RulePack.load("fuzz_input", directory: rulesCopy) {
        require(settings.chain.last == "fuzz_input", "chain \(settings.chain) does not end with the pack loaded")
    }
    // Yams takes text: invalid UTF-8 becomes U+FFFD, as String(contentsOfFile:) would refuse it.
    let text = String(decoding: bytes, as: UTF8.self)
    if let catalog = try? ColumnCatalog(yaml: text, file: "fuzz_input.yaml") {
        let layout = HeaderFinder(catalog: catalog).find(in: sampleRows, fileName: "花名册.xlsx")
        if let layout {
            for (_, j) in layout.columns { require(j < layout.headers.count, "column index \(j) of \(layout.headers.count)") }
            _ = HeaderFinder.repeats(sampleRows[2], layout)
        }
        _ = catalog.totalRow.matches("合计")
    }
    return 0
}

exit(trainaudit_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, { fuzzOne($0, $1) }))
