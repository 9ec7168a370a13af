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
    比对名单），格式为 .xlsx 或 CSV（UTF-8 或 GBK/GB18030），按身份证号关联，输出排好序的问题，
    每项问题都注明所依据的文件、工作表和行号。

    问题输出到标准输出；进度和运行摘要输出到标准错误。
    退出码：0 没有达到 --fail-on 级别的问题；1 有问题；2 运行本身失败（参数错误、文件无法读取）。

    用法：trainaudit <子命令>

    子命令：
      scan（默认）            审计文件和文件夹，输出排好序的问题
      inspect                 显示对每个文件的理解：表格类型、表头行、列对应、读取和跳过的行
      rules                   列出所有检查，或解释一项检查：查什么、依据哪条政策、现行阈值

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
    \(common)
    """

    static let inspect = """
    trainaudit inspect：显示对每个文件的理解：表格类型、表头行、列对应、读取和跳过的行。

    拿到一个单位的新文件时先运行它：类型认错或有列没对上，在这里就能看出来，而不会漏掉问题。

    用法：trainaudit inspect [选项] <路径> ...

    参数：
      <路径>                  文件（.xlsx、.csv）和文件夹

    选项：
    \(common)
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
