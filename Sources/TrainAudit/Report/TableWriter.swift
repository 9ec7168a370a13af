/// A readable terminal table: aligned columns (Chinese characters count two cells),
/// the message and evidence on a second line, colour only when asked (a terminal).
public struct TableWriter {
    public var presentation: Presentation
    public var colour: Bool
    public var width: Int

    public init(presentation: Presentation, colour: Bool, width: Int = 120) {
        self.presentation = presentation
        self.colour = colour
        self.width = width
    }

    public func render(_ findings: [Finding]) -> String {
        let zh = presentation.lang == .zh
        let heads = zh ? ["分数", "级别", "代码", "人员", "班级", "金额", "问题"] : ["score", "level", "code", "person", "class", "amount", "finding"]
        var rows: [[String]] = [heads]
        for f in findings {
            let person = [presentation.personName(f), presentation.personID(f)].compactMap { $0 }.joined(separator: " ")
            rows.append([JSONLWriter.number(f.score), f.severity.label.text(presentation.lang), f.code, person,
                         f.classID ?? "", f.amount.map { Money.yuan($0) } ?? "", presentation.title(f)])
        }
        let widths = (0..<heads.count).map { c in rows.map { TableWriter.displayWidth($0[c]) }.max() ?? 0 }
        var out = ""
        for (i, row) in rows.enumerated() {
            var line = ""
            for (c, cell) in row.enumerated() {
                let padded = c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - TableWriter.displayWidth(cell)) + "  "
                line += (i > 0 && c == 1) ? paint(padded, findings[i - 1].severity) : padded
            }
            out += (i == 0 && colour ? "\u{1B}[1m" + line + "\u{1B}[0m" : line) + "\n"
            if i > 0 {
                let f = findings[i - 1]
                let evidence = f.evidence.prefix(3).map { e in e.sheet.map { "\(e.file) [\($0)] \(zh ? "第\(e.row)行" : "row \(e.row)")" } ?? "\(e.file) \(zh ? "第\(e.row)行" : "row \(e.row)")" }
                    .joined(separator: "；") + (f.evidence.count > 3 ? "…" : "")
                let detail = "      " + TSVWriter.field(presentation.message(f)) + (evidence.isEmpty ? "" : "  ← " + evidence)
                out += (colour ? "\u{1B}[2m" + detail + "\u{1B}[0m" : detail) + "\n"
            }
        }
        return out
    }

    func paint(_ s: String, _ severity: Severity) -> String {
        guard colour else { return s }
        let code: String
        switch severity {
        case .critical: code = "1;31"
        case .high: code = "31"
        case .medium: code = "33"
        case .low: code = "36"
        case .info: code = "2"
        }
        return "\u{1B}[\(code)m" + s + "\u{1B}[0m"
    }

    /// Terminal cells a text takes: East Asian wide and full-width characters take two.
    public static func displayWidth(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                w += 2
            case 0x0300...0x036F, 0x200B...0x200F: break
            default: w += 1
            }
        }
        return w
    }
}
