/// JSON Lines, one finding a line, keys in a fixed order (DESIGN.md: the contract jq
/// users build on). Absent values are null, never missing keys.
public enum JSONLWriter {
    public static func line(_ f: Finding, _ p: Presentation) -> String {
        var s = "{"
        s += "\"code\":" + json(f.code)
        s += ",\"severity\":" + json(f.severity.name)
        s += ",\"score\":" + number(f.score)
        s += ",\"title\":" + json(p.title(f))
        s += ",\"message\":" + json(p.message(f))
        if let id = p.personID(f) {
            s += ",\"person\":{\"id\":" + json(id) + ",\"name\":" + json(p.personName(f) ?? "") + "}"
        } else {
            s += ",\"person\":null"
        }
        let people = p.people(f)
        s += ",\"people\":" + (people.isEmpty ? "null" : "[" + people.map {
            "{\"id\":" + json($0.id) + ",\"name\":" + json($0.name) + "}" }.joined(separator: ",") + "]")
        s += ",\"class\":" + optional(f.classID)
        s += ",\"classes\":" + (f.classes.isEmpty ? "null" : "[" + f.classes.map(json).joined(separator: ",") + "]")
        s += ",\"institution\":" + optional(f.institution)
        s += ",\"county\":" + optional(f.county)
        s += ",\"amount\":" + (f.amount.map { Money.yuan($0) } ?? "null")
        s += ",\"factors\":{\"severity\":" + number(f.severity.weight) + ",\"confidence\":" + number(f.confidence)
            + ",\"amount\":" + (f.amount.map { Money.yuan($0) } ?? "0") + "}"
        s += ",\"evidence\":[" + f.evidence.map { e in
            "{\"file\":" + json(e.file) + (e.sheet.map { ",\"sheet\":" + json($0) } ?? "") + ",\"row\":\(e.row)}"
        }.joined(separator: ",") + "]"
        s += ",\"payments\":[" + f.payments.map { pay in
            "{\"file\":" + json(pay.source.file) + ",\"sheet\":" + optional(pay.source.sheet) + ",\"row\":\(pay.source.row)"
                + ",\"amount\":" + (pay.amount.map { Money.yuan($0) } ?? "null")
                + ",\"class\":" + optional(pay.classID) + ",\"institution\":" + optional(pay.institution) + "}"
        }.joined(separator: ",") + "]"
        s += ",\"case\":" + json(p.caseKey(f))
        s += ",\"fingerprint\":" + json(f.fingerprint)
        s += ",\"verified\":" + optional(f.verified?.rawValue)
        s += "}"
        return s
    }

    /// A row as a reader produced it, for `inspect --rows`: `{"file","sheet","row","cells"}`
    /// (sheet null for CSV), plus `"truncated"`/`"undecodable"` when the reader set them.
    public static func rawRow(file: String, sheet: String?, _ row: RawRow) -> String {
        var s = "{\"file\":" + json(file) + ",\"sheet\":" + optional(sheet) + ",\"row\":\(row.number),\"cells\":["
        s += row.cells.map(json).joined(separator: ",") + "]"
        if row.truncated { s += ",\"truncated\":true" }
        if row.undecodable { s += ",\"undecodable\":true" }
        return s + "}"
    }

    static func optional(_ s: String?) -> String { s.map(json) ?? "null" }

    /// Shortest decimal for a score or factor: 87.4, 0.8, 1.
    public static func number(_ d: Double) -> String {
        let r = (d * 1000).rounded() / 1000
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }

    /// A JSON string literal (RFC 8259 escapes; non-ASCII kept as UTF-8).
    public static func json(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
