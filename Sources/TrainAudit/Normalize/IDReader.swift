/// What was wrong with, or done to, an ID cell on the way to a ResidentID.
public enum IDIssue: String, Sendable, CaseIterable {
    /// Shown in scientific notation (5.10502E+17) or stored as a number of 16+ digits:
    /// the spreadsheet lost digits; the ID cannot be recovered and is never guessed.
    case scientificNotation
    /// Not 15 or 18 characters after cleaning.
    case wrongLength
    /// Characters other than digits (and a final X).
    case badCharacters
    /// A 15-digit legacy ID, converted to 18 digits (19 inserted, check digit computed).
    case converted15
    /// Check digit does not match ISO 7064 MOD 11-2.
    case badCheckDigit
    /// The 8 birth-date digits do not name a real day.
    case badBirthDate
}

/// The result of reading one ID cell.
public struct IDReading: Sendable {
    /// The cell as it was.
    public var raw: String
    /// The cleaned text (full-width to ASCII, spaces, apostrophe, `.0`, lower-case x removed).
    public var cleaned: String
    /// The ID, when the cleaned text has the shape of one (even with a bad check digit).
    public var id: ResidentID?
    public var issues: [IDIssue]

    public var isBlank: Bool { cleaned.isEmpty }
}

public enum IDReader {
    /// Reads a resident ID from a cell as offices export it.
    public static func read(_ cell: String) -> IDReading {
        var out = ""
        for scalar in cell.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF38, 0xFF58: out.append("X")  // full-width X, x
            case 0x20, 0x3000, 0xA0, 0x09, 0x27, 0x2018, 0x2019, 0x60, 0x0A, 0x0D: continue  // spaces, apostrophes
            default: out.unicodeScalars.append(scalar)
            }
        }
        if out.hasSuffix("x") { out = String(out.dropLast()) + "X" }
        var reading = IDReading(raw: cell, cleaned: out, id: nil, issues: [])
        if out.isEmpty { return reading }
        if out.contains("E+") || out.contains("e+") || out.contains("E17") || out.contains("e17") {
            reading.issues.append(.scientificNotation)
            return reading
        }
        if out.hasSuffix(".0") { out = String(out.dropLast(2)) }
        reading.cleaned = out
        if out.count == 15, out.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let body17 = String(out.prefix(6)) + "19" + String(out.dropFirst(6))
            let check = ResidentID.checkValue(forBody: UInt64(body17)!)
            out = body17 + (check == 10 ? "X" : String(check))
            reading.cleaned = out
            reading.issues.append(.converted15)
        }
        guard out.count == 18 else {
            reading.issues.append(out.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X") }) ? .wrongLength : .badCharacters)
            return reading
        }
        guard let id = ResidentID(out) else {
            reading.issues.append(.badCharacters)
            return reading
        }
        reading.id = id
        if !id.hasValidCheckDigit { reading.issues.append(.badCheckDigit) }
        if id.birthDate == nil { reading.issues.append(.badBirthDate) }
        return reading
    }
}
