/// Plain text cells: trimmed, full-width spaces, NBSP and other Unicode spaces treated as
/// spaces, runs collapsed to one ASCII space.
public enum TextReader {
    public static func clean(_ cell: String) -> String {
        if FastPath.isPlain(cell) { return cell }
        var out = ""
        var pendingSpace = false
        for ch in cell {
            if isSpace(ch) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isInvisible(ch) { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(ch)
        }
        return out
    }

    /// Whitespace as spreadsheets and Chinese input methods produce it.
    public static func isSpace(_ ch: Character) -> Bool {
        if ch == "\r\n" { return true }
        guard ch.unicodeScalars.count == 1, let v = ch.unicodeScalars.first?.value else { return false }
        return isSpaceScalar(v)
    }

    static func isSpaceScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Zero-width characters and the byte-order mark: dropped from cells.
    static func isInvisible(_ ch: Character) -> Bool {
        guard ch.unicodeScalars.count == 1, let v = ch.unicodeScalars.first?.value else { return false }
        return isInvisibleScalar(v)
    }

    static func isInvisibleScalar(_ v: UInt32) -> Bool {
        v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF
    }

    /// Full-width ASCII forms (U+FF01–U+FF5E: ０–９, Ａ–Ｚ, ：, ．, ，, －, ～ …) to ASCII,
    /// the ideographic space to a space, and ￥ to ¥. Everything else is kept as it is.
    public static func halfWidth(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if (0xFF01...0xFF5E).contains(v), let a = Unicode.Scalar(v - 0xFEE0) {
                out.append(a)
            } else if v == 0x3000 {
                out.append(" ")
            } else if v == 0xFFE5 {
                out.append("\u{A5}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `clean` then `halfWidth`: the form the number, date and phone readers work on.
    static func folded(_ cell: String) -> String { clean(halfWidth(cell)) }

    /// Placeholders offices type into a cell to say "nothing here" (none / not applicable):
    /// "-", "—", "——", "–", "/", "\\", "无". Number, phone and date cells read them as blank,
    /// never as zero and never as invalid: a dash in an amount column means "no amount",
    /// which the caller treats exactly like an empty cell. `s` must already be folded.
    static func isPlaceholder(_ s: String) -> Bool {
        switch s {
        case "-", "--", "—", "——", "–", "−", "―", "/", "\\", "无": return true
        default: return false
        }
    }
}

/// Person names: spaces between characters removed, middle-dot variants unified (·).
public enum NameReader {
    /// Characters used for the middle dot of minority and foreign names (阿依古丽·买买提).
    /// All become U+00B7 MIDDLE DOT.
    static let dots: Set<UInt32> = [
        0x00B7,  // · MIDDLE DOT
        0x0387,  // · GREEK ANO TELEIA (the canonical decomposition of U+00B7 under some tools)
        0x2022,  // • BULLET
        0x2027,  // ‧ HYPHENATION POINT
        0x2219,  // ∙ BULLET OPERATOR
        0x22C5,  // ⋅ DOT OPERATOR
        0x2E31,  // ⸱ WORD SEPARATOR MIDDLE DOT
        0x30FB,  // ・ KATAKANA MIDDLE DOT
        0xFF65,  // ･ HALFWIDTH KATAKANA MIDDLE DOT
        0xFF0E,  // ． FULLWIDTH FULL STOP
        0x002E,  // . FULL STOP (typed for the dot on keyboards without one)
        0x3002,  // 。IDEOGRAPHIC FULL STOP (same)
    ]

    /// Removes every space (ASCII, full-width, NBSP, zero-width) except one between two
    /// Latin letters ("JOHN SMITH" stays two words), unifies dot variants to "·", collapses
    /// repeated dots and drops dots at either end; full-width Latin letters become ASCII.
    public static func normalize(_ cell: String) -> String {
        if FastPath.isPlainCJK(cell) { return cell }
        var out: [Character] = []
        var pendingSpace = false
        for ch in TextReader.halfWidthLetters(cell) {
            if TextReader.isSpace(ch) || TextReader.isInvisible(ch) {
                pendingSpace = !out.isEmpty
                continue
            }
            var c = ch
            if ch.unicodeScalars.count == 1, let v = ch.unicodeScalars.first?.value, dots.contains(v) { c = "·" }
            if c == "·" {
                pendingSpace = false
                if out.last == "·" || out.isEmpty { continue }
                if out.last == " " { out.removeLast() }
                out.append(c)
                continue
            }
            if pendingSpace, let last = out.last, last != "·", isLatinLetter(last), isLatinLetter(c) {
                out.append(" ")
            }
            pendingSpace = false
            out.append(c)
        }
        while out.last == "·" { out.removeLast() }
        return String(out)
    }

    static func isLatinLetter(_ c: Character) -> Bool {
        guard let a = c.asciiValue else { return false }
        return (a >= 0x41 && a <= 0x5A) || (a >= 0x61 && a <= 0x7A)
    }
}

extension TextReader {
    /// Full-width Latin letters (Ａ–Ｚ, ａ–ｚ) to ASCII; nothing else changes (the full-width
    /// full stop stays, so that a name reader can see it as a dot).
    static func halfWidthLetters(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v), let a = Unicode.Scalar(v - 0xFEE0) {
                out.append(a)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
