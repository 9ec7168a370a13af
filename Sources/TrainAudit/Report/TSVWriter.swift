/// Tab-separated, one finding a line, for grep, cut and awk: the JSON fields flattened,
/// with tabs and line breaks inside fields replaced by spaces.
public enum TSVWriter {
    public static let header = ["score", "severity", "code", "title", "person_id", "person_name", "class",
                                "institution", "county", "amount", "evidence", "message", "fingerprint"].joined(separator: "\t")

    public static func line(_ f: Finding, _ p: Presentation) -> String {
        let evidence = f.evidence.map { e in [e.file, e.sheet, String(e.row)].compactMap { $0 }.joined(separator: ":") }.joined(separator: ";")
        return [JSONLWriter.number(f.score), f.severity.name, f.code, p.title(f), p.personID(f) ?? "", p.personName(f) ?? "",
                f.classID ?? "", f.institution ?? "", f.county ?? "", f.amount.map { Money.yuan($0) } ?? "",
                evidence, p.message(f), f.fingerprint].map(field).joined(separator: "\t")
    }

    static func field(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            out.unicodeScalars.append(u == "\t" || u == "\n" || u == "\r" ? " " : u)
        }
        return out
    }
}
