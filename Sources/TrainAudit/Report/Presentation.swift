/// How findings are shown: language and masking of personal data (DATA.md, Privacy).
public struct Presentation: Sendable {
    public var lang: Lang
    /// Mask IDs (510502********123X), phones (138****5678, 0954-***2345), accounts
    /// (6229***********1589) and names (马**) everywhere, for reports that leave the audit
    /// team.
    public var mask: Bool

    public init(lang: Lang = .zh, mask: Bool = false) {
        self.lang = lang
        self.mask = mask
    }

    public func title(_ f: Finding) -> String { f.title.text(lang) }

    public func message(_ f: Finding) -> String {
        let text = f.message.text(lang)
        guard mask else { return text }
        return masked(text, names: names(f))
    }

    /// Every name the finding knows of: its person's, the co-persons' and the others its
    /// message may show.
    func names(_ f: Finding) -> [String] {
        ([f.person?.name] + f.people.map(\.name) + f.otherNames).compactMap { $0 }
    }

    /// A text with its IDs, phones and accounts masked, and each of `names` wherever it
    /// appears, longest first (马小军 before 马小).
    func masked(_ text: String, names: [String]) -> String {
        var out = maskLabelledNames(Presentation.maskNumbers(text))
        for name in Set(names.filter { $0.count > 1 }).sorted(by: { ($0.count, $0) > ($1.count, $1) }) {
            out = out.replacingAll(name, with: maskName(name))
        }
        return out
    }

    /// The people of a finding about several, masked under `mask`.
    public func people(_ f: Finding) -> [PersonRef] {
        guard mask else { return f.people }
        return f.people.map { PersonRef(id: Presentation.maskNumbers($0.id), name: maskName($0.name)) }
    }

    public func personID(_ f: Finding) -> String? {
        guard let id = f.person?.id else { return nil }
        return mask ? Presentation.maskNumbers(id) : id
    }

    /// The finding's case key (`Cases`); a person's case names the ID, masked under `mask`.
    public func caseKey(_ f: Finding) -> String {
        mask ? Presentation.maskNumbers(f.caseKey) : f.caseKey
    }

    public func personName(_ f: Finding) -> String? {
        guard let name = f.person?.name else { return nil }
        return mask ? maskName(name) : name
    }

    func maskName(_ name: String) -> String {
        guard let first = name.first else { return name }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// A name after a label that ends in 人 ("负责人：马某某  填表人：李某某", a form's footer):
    /// up to four Chinese characters after "人：" or "人:" masked.
    func maskLabelledNames(_ text: String) -> String {
        guard text.contains("人：") || text.contains("人:") else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            out.append(chars[i])
            if chars[i] == "人", i + 1 < chars.count, chars[i + 1] == "：" || chars[i + 1] == ":" {
                out.append(chars[i + 1])
                i += 2
                while i < chars.count, chars[i] == " " { out.append(chars[i]); i += 1 }
                var name = ""
                while i < chars.count, name.count < 4, chars[i].unicodeScalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }) {
                    name.append(chars[i]); i += 1
                }
                out += maskName(name)
                continue
            }
            i += 1
        }
        return out
    }

    /// Masks every 18-character ID (keeps 6 + last 4), 11-digit mobile number (3 + 4),
    /// landline (area code + last 4) and account number of 12 digits or more (4 + 4).
    static func maskNumbers(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        while i < chars.count {
            if isDigit(chars[i]), i == 0 || !isDigit(chars[i - 1]) {
                var j = i
                while j < chars.count, isDigit(chars[j]) { j += 1 }
                var run = j - i
                if run == 17, j < chars.count, chars[j] == "X" { j += 1; run = 18 }
                // A landline: area code, hyphen, 7 or 8 digits (0954-3012345): the area code
                // and the last four kept.
                var local = j + 1
                while (run == 3 || run == 4), chars[i] == "0", j < chars.count, chars[j] == "-", local < chars.count, isDigit(chars[local]) { local += 1 }
                if local - j - 1 == 7 || local - j - 1 == 8 {
                    out += String(chars[i..<j]) + "-" + String(repeating: "*", count: local - j - 5) + String(chars[local - 4..<local])
                    i = local
                    continue
                }
                if run == 18 {
                    out += String(chars[i..<i + 6]) + "********" + String(chars[j - 4..<j])
                } else if run == 11, chars[i] == "1" {
                    out += String(chars[i..<i + 3]) + "****" + String(chars[j - 4..<j])
                } else if run >= 12 {
                    // A bank or social-security card number: the first and last four kept.
                    out += String(chars[i..<i + 4]) + String(repeating: "*", count: run - 8) + String(chars[j - 4..<j])
                } else {
                    out += String(chars[i..<j])
                }
                i = j
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}

import Foundation

/// Evidence rows of one file and sheet told together ("考勤.csv 第 3302、3303 行"), in the
/// order the finding lists them, for the table and the page.
public enum EvidenceList {
    public static func groups(_ evidence: [SourceRef]) -> [(place: String, rows: [Int])] {
        var groups: [(place: String, rows: [Int])] = []
        for ev in evidence {
            let place = ev.sheet.map { "\(ev.file) [\($0)]" } ?? ev.file
            if groups.last?.place == place { groups[groups.count - 1].rows.append(ev.row) } else { groups.append((place, [ev.row])) }
        }
        return groups
    }

    /// "file [sheet] 第 1、2 行" / "file [sheet] rows 1, 2", at most `rows` row numbers.
    public static func text(_ place: String, _ rowNumbers: [Int], _ lang: Lang, rows: Int = 40) -> String {
        let shown = rowNumbers.prefix(rows).map { String($0) }.joined(separator: lang == .zh ? "、" : ", ") + (rowNumbers.count > rows ? "…" : "")
        return lang == .zh ? "\(place) 第 \(shown) 行" : "\(place) " + (rowNumbers.count == 1 ? "row " : "rows ") + shown
    }
}
