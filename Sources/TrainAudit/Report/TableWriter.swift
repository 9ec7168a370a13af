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

    /// The table, then (when given) the run summary, so the last lines on the screen say
    /// what was read and found.
    public func render(_ findings: [Finding], summary: String? = nil) -> String {
        let zh = presentation.lang == .zh
        let heads = zh ? ["#", "分数", "级别", "代码", "人员", "班级", "培训机构", "金额", "问题"]
                       : ["#", "score", "level", "code", "person", "class", "institution", "amount", "finding"]
        var rows: [[String]] = [heads]
        for (i, f) in findings.enumerated() {
            let person = [presentation.personName(f), presentation.personID(f)].compactMap { $0 }.joined(separator: " ")
            rows.append([String(i + 1), JSONLWriter.number(f.score), f.severity.label.text(presentation.lang), f.code, person,
                         f.classID ?? "", TableWriter.clip(f.institution ?? "", 24), f.amount.map { Money.yuan($0) } ?? "",
                         (f.verified.map { "[" + $0.label.text(presentation.lang) + "] " } ?? "") + presentation.title(f)].map(TSVWriter.field))
        }
        let widths = (0..<heads.count).map { c in rows.map { TableWriter.displayWidth($0[c]) }.max() ?? 0 }
        var out = ""
        for (i, row) in rows.enumerated() {
            var line = ""
            for (c, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[c] - TableWriter.displayWidth(cell))
                // Numbers (rank) right-aligned; the last column is not padded.
                let padded = c == row.count - 1 ? cell : (c == 0 ? pad + cell : cell + pad) + "  "
                line += (i > 0 && c == 2) ? paint(padded, findings[i - 1].severity) : padded
            }
            out += (i == 0 && colour ? "\u{1B}[1m" + line + "\u{1B}[0m" : line) + "\n"
            if i > 0 {
                let f = findings[i - 1]
                let groups = EvidenceList.groups(f.evidence)
                let evidence = groups.prefix(3).map { EvidenceList.text($0.place, $0.rows, presentation.lang, rows: 6) }
                    .joined(separator: zh ? "；" : "; ") + (groups.count > 3 ? "…" : "")
                let detail = TSVWriter.field(presentation.message(f) + related(f)) + (evidence.isEmpty ? "" : "  ← " + evidence)
                for piece in TableWriter.wrap(detail, width: max(20, width - 8)) {
                    let text = "      " + piece
                    out += (colour ? "\u{1B}[2m" + text + "\u{1B}[0m" : text) + "\n"
                }
            }
        }
        if let summary, !summary.isEmpty { out += "\n" + summary + "\n" }
        return out
    }

    /// The people and classes of a finding about several, and its case: "（涉及 2 人：马** 640422********1234、…；班级 A、B；案件 person:…）".
    func related(_ f: Finding) -> String {
        let zh = presentation.lang == .zh
        var parts: [String] = []
        let people = presentation.people(f)
        if !people.isEmpty {
            parts.append((zh ? "涉及 \(people.count) 人：" : "\(people.count) people: ")
                         + people.map { $0.name + " " + $0.id }.joined(separator: zh ? "、" : ", "))
        }
        if !f.classes.isEmpty { parts.append((zh ? "班级 " : "classes ") + f.classes.joined(separator: zh ? "、" : ", ")) }
        parts.append((zh ? "案件 " : "case ") + presentation.caseKey(f))
        return zh ? "（" + parts.joined(separator: "；") + "）" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// Lines of at most `width` terminal cells (wide characters count two), broken at a
    /// space when one is near, else anywhere (Chinese text has no spaces).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = "", currentWidth = 0
        var lastSpace: String.Index?
        for c in text {
            let w = displayWidth(String(c))
            // Chinese typesetting keeps closing punctuation off a line's start.
            let closing = "、，。；：）」』】》？！…".contains(c)
            if currentWidth + w > width, !current.isEmpty, !(closing && currentWidth + w <= width + 2) {
                if let cut = lastSpace, current.distance(from: current.startIndex, to: cut) > current.count / 2 {
                    lines.append(String(current[..<cut]))
                    current = String(current[current.index(after: cut)...])
                } else {
                    lines.append(current)
                    current = ""
                }
                currentWidth = displayWidth(current)
                lastSpace = nil
            }
            if c == " " { lastSpace = current.endIndex }
            current.append(c)
            currentWidth += w
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// At most `cells` terminal cells, with "…" when cut.
    static func clip(_ s: String, _ cells: Int) -> String {
        guard displayWidth(s) > cells else { return s }
        var out = ""
        for c in s {
            if displayWidth(out + String(c)) > cells - 1 { break }
            out.append(c)
        }
        return out + "…"
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
