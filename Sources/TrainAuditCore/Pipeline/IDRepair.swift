/// An ID a roster line or a payment row lost (a number cell cut to 15 significant digits)
/// or mistyped (a bad check digit), inferred from the one person elsewhere in the run with
/// the same name and an ID that agrees with what the cell still holds.
public struct InferredID: Sendable, Equatable {
    public var id: ResidentID
    /// The row (registry, roster, attendance or payments) whose ID it is.
    public var from: SourceRef
    /// How far a finding that depends on it is to be believed, 0...1: what survived of
    /// the cell decides it (12 or more significant digits: 0.85; a one-digit typo: 0.8; fewer
    /// digits: 0.6).
    public var confidence: Double
}

/// Gives a roster line or payment whose ID is lost or mistyped the ID of the one person
/// elsewhere in the run who has the same name and an agreeing ID, so that one data
/// problem is not also reported as a ghost trainee, a stranger on the attendance sheet and
/// a trainee missing from the registry. The cell keeps its texts and issues (the ID
/// findings still report it); the reading gets the ID and `.inferred`. Never silent:
/// every finding whose evidence holds such a row says so (`Engine`).
///
/// "Agrees": a lost ID's surviving digits (5.10502199001011E+17: the first 15, rounded or
/// cut) are the candidate's; a mistyped one differs from the candidate in at most one of
/// its first 17 digits, or by two neighbours swapped, or in the check digit alone. Two
/// people of that name who both agree: nothing is inferred.
enum IDRepair {
    /// What a damaged cell still says about the ID.
    enum Remnant {
        /// The first `count` significant digits of the 18-digit number.
        case leading(UInt64, count: Int)
        /// 18 characters, one of them probably wrong.
        case typo([UInt8])
    }

    static func remnant(_ r: IDReading) -> [Remnant] {
        let issues = r.issues
        if issues.contains(.inferred) { return [] }
        if r.id == nil, issues.contains(.scientificNotation) {
            return leadingDigits(scientific: Array(r.cleaned.utf8)).map { [$0] } ?? []
        }
        guard r.id != nil, issues.contains(.badCheckDigit) else { return [] }
        let text = Array(r.cleaned.utf8)
        guard text.count == 18 else { return [] }
        var out: [Remnant] = [.typo(text)]
        // 642224197902256000: a number cell padded to 15 significant digits.
        if text.suffix(3) == [0x30, 0x30, 0x30], text.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            out.append(.leading(text.prefix(15).reduce(0) { $0 * 10 + UInt64($1 - 0x30) }, count: 15))
        }
        return out
    }

    /// 6.42224197902256E+17 → (642224197902256, 15); nil unless the exponent makes an
    /// 18-digit number and at least the region's 6 digits survive.
    static func leadingDigits(scientific b: [UInt8]) -> Remnant? {
        guard let e = b.firstIndex(where: { $0 == 0x45 || $0 == 0x65 }) else { return nil }
        var exponent = 0, sign = 1
        for c in b[(e + 1)...] {
            if c == 0x2B { continue }
            if c == 0x2D { sign = -1; continue }
            guard c >= 0x30, c <= 0x39 else { return nil }
            exponent = exponent * 10 + Int(c - 0x30)
            if exponent > 99 { return nil }
        }
        var digits = b[..<e].filter { $0 != 0x2E }
        while digits.first == 0x30 { digits.removeFirst() }
        guard sign * exponent == 17, b.first != 0x30 else { return nil }
        while digits.count > 6, digits.last == 0x30 { digits.removeLast() }
        guard digits.count >= 6, digits.count <= 17, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return .leading(digits.reduce(0) { $0 * 10 + UInt64($1 - 0x30) }, count: digits.count)
    }

    static func agrees(_ candidate: ResidentID, _ remnant: Remnant) -> Bool {
        switch remnant {
        case .leading(let m, let count):
            // A number cell never holds an X.
            guard candidate.checkValue < 10 else { return false }
            let v = candidate.body * 10 + UInt64(candidate.checkValue)
            var scale: UInt64 = 1
            for _ in 0..<(18 - count) { scale *= 10 }
            return v / scale == m || (v + scale / 2) / scale == m
        case .typo(let t):
            let c = Array(candidate.description.utf8)
            let differ = (0..<17).filter { c[$0] != t[$0] }
            switch differ.count {
            case 0, 1: return true
            case 2:
                let (i, j) = (differ[0], differ[1])
                return j == i + 1 && c[i] == t[j] && c[j] == t[i]
            default: return false
            }
        }
    }

    static func confidence(_ remnant: Remnant) -> Double {
        switch remnant {
        case .leading(_, let count): return count >= 12 ? 0.85 : 0.6
        case .typo: return 0.8
        }
    }

    /// Infers what can be inferred, in place; the rows it changed, by source.
    static func repair(_ t: inout RecordTables) -> [SourceRef: InferredID] {
        var targets: [(table: TableKind, index: Int, name: String, remnants: [Remnant])] = []
        for (i, e) in t.enrollments.enumerated() where !e.name.isEmpty {
            let r = remnant(e.id)
            if !r.isEmpty { targets.append((.roster, i, e.name, r)) }
        }
        for (i, p) in t.payments.enumerated() where !p.name.isEmpty {
            let r = remnant(p.id)
            if !r.isEmpty { targets.append((.payments, i, p.name, r)) }
        }
        guard !targets.isEmpty else { return [:] }

        // Everyone of those names with a clean ID, and the first row where each ID is.
        let names = Set(targets.map(\.name))
        var codes: [UInt32: String] = [:]
        for n in names { codes[t.tables.code(n)] = n }
        var candidates: [String: [(id: ResidentID, from: SourceRef)]] = [:]
        func add(_ name: String, _ reading: IDReading, _ source: @autoclosure () -> SourceRef) {
            guard reading.isClean, let id = reading.id, id.hasValidCheckDigit else { return }
            if candidates[name, default: []].contains(where: { $0.id == id }) { return }
            candidates[name, default: []].append((id, source()))
        }
        let registry = RegistryList(t.registry)
        let kept = KeptNames(names)
        for (p, rows) in registry.parts.rows.enumerated() {
            for (i, r) in rows.enumerated() {
                let name = r.nameRef != 0 ? t.tables.registryNames.withBytes(r.nameRef, kept.name) : codes[r.nameCode]
                if let n = name { add(n, r.id, registry.entry(part: p, at: i).source) }
            }
        }
        for e in t.enrollments where names.contains(e.name) { add(e.name, e.id, e.source) }
        for s in SignInList(t.signIns) {
            let signer = s.signer
            if let n = codes[signer.nameCode] { add(n, signer.id, s.source) }
        }
        for p in t.payments where names.contains(p.name) { add(p.name, p.id, p.source) }

        var inferred: [SourceRef: InferredID] = [:]
        for target in targets {
            var found: [(id: ResidentID, from: SourceRef, confidence: Double)] = []
            for c in candidates[target.name] ?? [] {
                guard let r = target.remnants.first(where: { agrees(c.id, $0) }) else { continue }
                found.append((c.id, c.from, confidence(r)))
            }
            guard found.count == 1, let f = found.first else { continue }
            func mend(_ reading: inout IDReading) {
                reading = IDReading(raw: reading.raw, cleaned: reading.cleaned, id: f.id, issues: reading.issues + [.inferred])
            }
            let source: SourceRef
            switch target.table {
            case .roster:
                t.enrollments.update(target.index) { mend(&$0.id) }
                source = t.enrollments[target.index].source
            default:
                t.payments.update(target.index) { mend(&$0.id) }
                source = t.payments[target.index].source
            }
            inferred[source] = InferredID(id: f.id, from: f.from, confidence: f.confidence)
        }
        return inferred
    }
}

/// Which of a few names a registry name cell, kept as read (`RegistryRow.nameRef`), reads
/// as: most cells are plain CJK, which `NameReader.normalize` leaves as they are, so they
/// are matched by their bytes, a cheap fingerprint first, without making a String of each
/// of millions; any other cell is normalised and looked up.
private struct KeptNames {
    let names: Set<String>
    let fingerprints: Set<UInt64>

    init(_ names: Set<String>) {
        self.names = names
        fingerprints = Set(names.map { n in var n = n; return n.withUTF8(Self.fingerprint) })
    }

    /// FNV-1a of the bytes.
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    func name(_ cell: UnsafeBufferPointer<UInt8>) -> String? {
        if FastPath.isPlainCJK(cell) {
            guard fingerprints.contains(Self.fingerprint(cell)) else { return nil }
            let n = String(decoding: cell, as: UTF8.self)
            return names.contains(n) ? n : nil
        }
        let n = NameReader.normalize(String(decoding: cell, as: UTF8.self))
        return names.contains(n) ? n : nil
    }
}
