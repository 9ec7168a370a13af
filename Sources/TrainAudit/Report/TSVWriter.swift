/// Tab-separated, one finding a line, for grep, cut and awk: the JSON fields flattened
/// (columns added after the first ones, so `cut -f` positions stay), with tabs and line breaks inside fields replaced by spaces, and a cell that would start
/// a spreadsheet formula quote-prefixed (`CellSafety`).
public enum TSVWriter {
    public static let columns = ["score", "severity", "code", "title", "person_id", "person_name", "class",
                                 "institution", "county", "amount", "evidence", "message", "fingerprint", "verified",
                                 "people", "classes", "case"]
    public static let header = columns.joined(separator: "\t")

    /// The finding's fields in `columns` order, before any escaping.
    public static func fields(_ f: Finding, _ p: Presentation) -> [String] {
        let evidence = f.evidence.map { e in [e.file, e.sheet, String(e.row)].compactMap { $0 }.joined(separator: ":") }.joined(separator: ";")
        return [JSONLWriter.number(f.score), f.severity.name, f.code, p.title(f), p.personID(f) ?? "", p.personName(f) ?? "",
                f.classID ?? "", f.institution ?? "", f.county ?? "", f.amount.map { Money.yuan($0) } ?? "",
                evidence, p.message(f), f.fingerprint, f.verified?.rawValue ?? "",
                p.people(f).map { $0.name + " " + $0.id }.joined(separator: ";"), f.classes.joined(separator: ";"), p.caseKey(f)]
    }

    public static func line(_ f: Finding, _ p: Presentation) -> String {
        fields(f, p).map { field(CellSafety.neutralised($0)) }.joined(separator: "\t")
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

/// CSV for Excel and WPS: UTF-8 with a byte-order mark (without it Chinese Excel reads the
/// file as GBK and garbles it), CRLF line ends, RFC 4180 quoting, the same columns as TSV,
/// and formula-like cells quote-prefixed (`CellSafety`). Fields are flattened as in TSV, so
/// a finding is one physical line.
public enum CSVWriter {
    public static let bom = "\u{FEFF}"
    public static let header = TSVWriter.columns.joined(separator: ",")

    public static func line(_ f: Finding, _ p: Presentation) -> String {
        TSVWriter.fields(f, p).map { quoted(TSVWriter.field(CellSafety.neutralised($0))) }.joined(separator: ",")
    }

    /// The whole file: BOM, header, one line per finding, each ended by CRLF.
    public static func document(_ findings: [Finding], _ p: Presentation) -> String {
        var s = bom + header + "\r\n"
        for f in findings { s += line(f, p) + "\r\n" }
        return s
    }

    static func quoted(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}
