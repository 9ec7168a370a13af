/// Plain text cells: trimmed, full-width spaces and NBSP treated as spaces, runs collapsed.
public enum TextReader {
    public static func clean(_ cell: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in cell {
            if ch == " " || ch == "\u{3000}" || ch == "\u{A0}" || ch == "\t" || ch == "\n" || ch == "\r\n" || ch == "\r" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch)
        }
        return out
    }
}

/// Person names: spaces between characters removed, middle-dot variants unified (·).
public enum NameReader {
    public static func normalize(_ cell: String) -> String {
        var out = ""
        for ch in cell {
            switch ch {
            case " ", "\u{3000}", "\u{A0}", "\t", "\n", "\r": continue
            case "•", "・", "‧", "∙", "⋅", "．", "･", "·": out.append("·")
            default: out.append(ch)
            }
        }
        return out
    }
}
