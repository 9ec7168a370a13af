import Foundation

/// Help in Chinese, the default language (issue 10: help and messages in Chinese under
/// --lang zh, English under --lang en). swift-argument-parser writes its help from the
/// English texts on the options; under --lang zh (the default) `-h`/`--help`/`help` prints
/// these pages instead, and `--lang en --help` prints the parser's own. Keep the two in step
/// when an option changes.
enum ChineseHelp {
    /// The page for these arguments, when they ask for help in Chinese.
    static func page(for args: [String]) -> String? {
        let asksHelp = args.contains("-h") || args.contains("--help") || args.first == "help"
        guard asksHelp else { return nil }
        for (i, a) in args.enumerated() {
            if a == "--lang=en" || (a == "--lang" && i + 1 < args.count && args[i + 1] == "en") { return nil }
        }
        let words = args.filter { !$0.hasPrefix("-") && $0 != "help" }
        switch words.first {
        case "scan": return scan
        case "inspect": return inspect
        case "rules": return rules
        case "rollup": return rollup
        case "sample": return sample
        case "diff": return diff
        case nil: return root
        default: return nil
        }
    }

    static let common = """
      --pack <规则包>         规则包：national、ningxia、guyuan、gansu、dongxiang、luzhou，或 .yaml 文件路径（默认 national）
      --rules <文件夹>        规则文件夹（columns.yaml、regions.tsv、各规则包）。默认：$TRAINAUDIT_RULES，
                              否则安装位置的 share/trainaudit/rules，或源码中的 rules/
      --lang <语言>           标题、说明和帮助的语言：zh（默认）或 en
      --version               显示版本和所用规则文件夹
      -h, --help              显示帮助（--lang en --help 显示英文帮助）
    """

    static let root = """
    trainaudit：查找精准扶贫职业技能培训补贴数据中的骗补和数据质量问题。

    读取县里现有的表格（培训台账、考勤表、补贴发放明细、建档立卡名册、开班备案、任务分解表、
    比对名单），格式为 .xlsx、Excel 97-2003 .xls、WPS .et 或 CSV（UTF-8、GBK/GB18030、UTF-16），
    按身份证号关联，输出排好序的问题，每项问题都注明所依据的文件、工作表和行号。

    问题输出到标准输出；进度和运行摘要输出到标准错误。
    退出码：0 没有达到 --fail-on 级别的问题；1 有问题；2 运行本身失败（参数错误、路径不存在、
    文件都无法读取、表格都只有表头，或台账中没有可读的身份证号）。

    用法：trainaudit <子命令>

    子命令：
      scan（默认）            审计文件和文件夹，输出排好序的问题
      inspect                 显示对每个文件的理解：表格类型、表头行、列对应、读取和跳过的行
      rules                   列出所有检查，或解释一项检查：查什么、依据哪条政策、现行阈值
      rollup                  按机构、班级、县、乡镇或部门汇总问题和涉及金额，排出先去哪里检查
      sample                  电话抽查名单：按风险抽样，含要问的问题和核实结果栏
      diff                    比较两次扫描：每项问题为新增、仍存在或已解决

    选项：
    \(common)

    用 trainaudit <子命令> --help 查看各子命令的帮助。
    """

    static let scan = """
    trainaudit scan：审计文件和文件夹，输出排好序的问题。

    每个文件的表格类型按表头识别；文件夹会递归读取。

    示例：
      trainaudit scan --pack guyuan corpus/demo
      trainaudit scan --pack guyuan --format jsonl corpus/demo | jq 'select(.severity=="high") | .person.id'
      trainaudit scan --format tsv data/ | grep PRX001 | cut -f5,7
      trainaudit scan --pack guyuan -o 问题清单.xlsx corpus/demo     # 问题清单工作簿
      trainaudit scan --pack guyuan -o 报告.html corpus/demo         # 一个网页，可在浏览器中打印为 PDF
      trainaudit scan --pack guyuan -o 报告.pdf corpus/demo          # 由 Chromium 打印的同一网页

    用法：trainaudit scan [选项] <路径> ...

    参数：
      <路径>                  文件（.xlsx、.csv）和文件夹

    选项：
      --format <格式>         jsonl、tsv、csv（供 Excel：带 BOM、CRLF）、table、xlsx（问题清单工作簿）、
                              html（可打印为 PDF 的网页）或 pdf（Chromium 打印的网页）。
                              默认：按 -o 的扩展名，否则终端上为 table，其他情况为 jsonl
      -o, --output <文件>     写入此文件而不是标准输出。扩展名（.xlsx .html .pdf .csv .tsv .jsonl）决定格式；
                              读取任何输入之前先检查能否写入；不会覆盖输入文件或 --baseline 文件
      --fail-on <级别>        有达到此级别的问题时退出码为 1（info、low、medium、high、critical、never；默认 high）
      --min-severity <级别>   只报告达到此级别的问题（默认 low；info 还会列出跳过行的说明）
      --mask                  身份证号、电话、姓名脱敏，用于发出审计组的报告
      --baseline <旧.jsonl>   只报告指纹不在这份旧 JSON Lines 输出中的问题
      --as-of <日期>          审计的“今天”（YYYY-MM-DD），用于判断未来日期的签到；默认今天。固定它可逐字节重现结果
      --select <代码>         只运行这些检查（逗号分隔的代码或类别：DUP001,PRX）
      --verified <核实表>     读回填好的抽查名单（xlsx、CSV，或 {"fingerprint","result","note"} 的 JSON Lines），
                              可重复：不属实的问题不再输出并计入摘要；属实的标为已核实并排在前面；无法核实的加标记
      --summary <文件>        把运行记录（版本、规则包及其设定的哈希、审计日期、各输入文件的 SHA-256 和读取行数、
                              计数）写入此 JSON 文件
    \(common)
    """

    static let inspect = """
    trainaudit inspect：显示对每个文件的理解：表格类型、表头行、列对应、读取和跳过的行。

    拿到一个单位的新文件时先运行它：类型认错或有列没对上，在这里就能看出来，而不会漏掉问题。
    每个工作表的每一行都有交代：读取行 = 表头行 + 数据行 + 跳过行（按原因列出）。

    用法：trainaudit inspect [选项] <路径> ...

    参数：
      <路径>                  文件（.xlsx、.xls、.et、.csv）和文件夹

    选项：
      --rows <N>              改为输出每个文件、每个工作表的前 N 行，正是读取器读出的样子（解码后、找表头和
                              转换类型之前），JSON Lines：{"file","sheet","row","cells":[…]}
    \(common)
    """

    static let rollup = """
    trainaudit rollup：按单位汇总，排出先去哪里检查。

    每个单位一行：学员数、有问题的学员数、各类问题数、发放金额、涉及金额（每笔发放只计一次）、风险分及其构成、
    主要问题代码。一个单位的问题，正是扫描结果中写明该单位的那些问题。

    示例：
      trainaudit rollup --by institution --pack guyuan corpus/demo
      trainaudit rollup --by county --pack guyuan -o 按县汇总.xlsx corpus/demo

    用法：trainaudit rollup [选项] <路径> ...

    选项：
      --by <单位>             institution（机构，默认）、class（班级）、county（县）、town（乡镇）或 department（部门）
      --format <格式>         jsonl、tsv、csv、table、xlsx、html 或 pdf；默认按 -o 的扩展名
      -o, --output <文件>     写入此文件
      --as-of <日期>、--select <代码>、--min-severity <级别>、--mask、--summary <文件>：同 scan
    \(common)
    """

    static let sample = """
    trainaudit sample：电话抽查名单（回访）。

    按班级分层、按风险加权抽取学员；有严重或高级别问题的人一律列入；其余由给定种子的随机数抽取，
    同一种子得到逐字节相同的名单。每行是一条通话记录：姓名、电话、身份证号、培训班、培训机构、培训时间、
    培训职业、要问的问题，以及空的“核实结果”（属实/不属实/无法核实）和“备注”栏；填好后用 scan --verified 读回。

    示例：
      trainaudit sample --pack luzhou --seed 7 -o 抽查名单.xlsx data/
      trainaudit sample --pack dongxiang --split county -o 抽查/ data/

    用法：trainaudit sample [选项] <路径> ...

    选项：
      --rate <比例>           抽查学员的比例，0 < R ≤ 1；默认取规则包的 phone_spot_check_rate（泸州 0.3）
      --seed <种子>           抽样种子（≥ 0 的整数）
      --split county          每个县一个文件：-o 为文件夹，或含 {county} 的文件名
      --format <格式>         xlsx、csv（带 BOM）、jsonl、tsv、table、html 或 pdf
      -o, --output <文件>     写入此文件
      --as-of <日期>、--select <代码>、--mask、--summary <文件>：同 scan
    \(common)
    """

    static let diff = """
    trainaudit diff：比较两次扫描（季度对比）。

    每项问题标出 status：new（新增）、open（两次都有）或 resolved（只在旧的一次中）；计数输出到标准错误。

    示例：
      trainaudit diff 第一季度.jsonl 第二季度.jsonl --format xlsx -o 对比.xlsx

    用法：trainaudit diff <旧.jsonl> <新.jsonl> [选项]

    选项：
      --format <格式>         jsonl、tsv、csv、table、xlsx 或 html
      -o, --output <文件>     写入此文件
      --mask                  身份证号、电话、姓名脱敏
      --fail-on <级别>        有达到此级别的新增问题时退出码为 1
      --lang <语言>           zh（默认）或 en
    """

    static let rules = """
    trainaudit rules：列出所有检查，或解释一项检查：查什么、为什么（政策依据）、现行阈值。

    示例：
      trainaudit rules
      trainaudit rules CLS001 --pack guyuan

    用法：trainaudit rules [选项] [<代码>]

    参数：
      <代码>                  检查代码，如 DUP001

    选项：
    \(common)
    """
}
