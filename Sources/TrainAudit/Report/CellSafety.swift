/// Keeps a value that came from an input from becoming a formula in a spreadsheet
/// (CSV injection, OWASP "CSV Injection"): a cell starting with = + - @ tab or CR is
/// read by Excel, WPS and Calc as a formula (`=HYPERLINK("http://…","点我")`).
///
/// - TSV and CSV: such a cell is prefixed with a single quote, as OWASP advises; a plain
///   negative number (`-5`, `-12.5`) stays as it is, since it is a number, not a formula.
/// - xlsx: every input text is written with `worksheet_write_string`, an inline string
///   cell that no reader evaluates; formula-like texts also get the quotePrefix style
///   where libxlsxwriter has it (≥ 1.1.5), so editing the cell keeps it text.
/// - HTML: every value is escaped (`HTMLWriter.escape`).
public enum CellSafety {
    /// Starts like a formula: = + - @ tab or CR first.
    public static func looksLikeFormula(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return !isNegativeNumber(s)
        // Full-width ＝ ＋ － ＠ are turned into their ASCII forms by some spreadsheet
        // input methods; they are harmless on open but cheap to neutralise too.
        case "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}": return true
        default: return false
        }
    }

    /// `-5`, `-12.50`: a minus sign and decimal digits with at most one point.
    static func isNegativeNumber(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 2, u[0] == UInt8(ascii: "-") else { return false }
        var digits = 0, points = 0
        for b in u.dropFirst() {
            if b >= 48 && b <= 57 { digits += 1 } else if b == UInt8(ascii: ".") { points += 1 } else { return false }
        }
        return digits > 0 && points <= 1 && u.last != UInt8(ascii: ".")
    }

    /// The cell as TSV and CSV write it: quote-prefixed when it looks like a formula.
    public static func neutralised(_ s: String) -> String {
        looksLikeFormula(s) ? "'" + s : s
    }
}
