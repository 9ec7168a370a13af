import CPCRE2

/// A compiled PCRE2 pattern (UTF-8, Unicode properties, JIT when available).
///
/// Every text pattern the rule packs and `rules/columns.yaml` carry goes through this
/// type: header aliases, placeholder values, program names. Patterns are compiled once,
/// when a pack is loaded, and matched on the UTF-8 bytes of a cell.
public final class Pattern: @unchecked Sendable, CustomStringConvertible {
    public let source: String
    /// Compiled to match without regard to letter case.
    public let caseless: Bool
    private let code: OpaquePointer

    public struct CompileError: Error, CustomStringConvertible {
        public let pattern: String
        public let offset: Int
        public let reason: String
        public var description: String { "bad pattern /\(pattern)/ at offset \(offset): \(reason)" }
    }

    /// - Parameter caseless: match without regard to letter case (ASCII and Unicode).
    public init(_ source: String, caseless: Bool = false) throws {
        self.source = source
        self.caseless = caseless
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        var options = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        let compiled: OpaquePointer? = source.withCString { ptr in
            ptr.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count) { bytes in
                pcre2_compile_8(bytes, source.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var buffer = [UInt8](repeating: 0, count: 256)
            let n = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
            let reason = n > 0 ? String(decoding: buffer.prefix(Int(n)), as: UTF8.self) : "error \(errorCode)"
            throw CompileError(pattern: source, offset: errorOffset, reason: reason)
        }
        code = compiled
        // JIT is an optimisation only: a failure (e.g. no JIT support) falls back to the interpreter.
        _ = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE))
        firstBytes = caseless ? nil : Self.firstBytes(of: compiled)
    }

    /// For a pattern anchored at the start that cannot match the empty string: the bytes
    /// a match can begin with, from PCRE2's own bitmap of first code units (which holds
    /// every case variant PCRE2 would accept). A subject that begins with none of them is
    /// not matched and not handed to PCRE2 (the first cells of the rows checked for a total
    /// or footer: every registry row's 序号). A single first code unit is not used: PCRE2
    /// does not say whether it is caseless (an inline `(?i)`).
    private let firstBytes: [Bool]?

    private static func firstBytes(of code: OpaquePointer) -> [Bool]? {
        var options: UInt32 = 0, empty: UInt32 = 1, type: UInt32 = 1
        var bitmap: UnsafePointer<UInt8>?
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_ALLOPTIONS), &options) == 0,
              options & UInt32(PCRE2_ANCHORED) != 0,
              pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MATCHEMPTY), &empty) == 0, empty == 0,
              pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type) == 0, type == 0,
              pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap) == 0, let bitmap else { return nil }
        return (0..<256).map { bitmap[$0 >> 3] & (1 << ($0 & 7)) != 0 }
    }

    deinit { pcre2_code_free_8(code) }

    public var description: String { "/\(source)/" }

    /// True when the pattern matches anywhere in `text` (anchor it with ^…$ for a whole match).
    /// A String's UTF-8 is valid, so PCRE2 is told not to check it again.
    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstMatch(bytes: $0, options: UInt32(PCRE2_NO_UTF_CHECK)) != nil }
    }

    public func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstMatch(bytes: bytes) != nil
    }

    /// The byte range of the first match, if any. `options`: PCRE2 match options
    /// (`PCRE2_NO_UTF_CHECK` only for bytes known to be valid UTF-8).
    public func firstMatch(bytes: UnsafeBufferPointer<UInt8>, options: UInt32 = 0) -> Range<Int>? {
        if let firstBytes, bytes.first.map({ !firstBytes[Int($0)] }) ?? true { return nil }
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return nil }
        defer { pcre2_match_data_free_8(data) }
        let base = bytes.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!
        let rc = pcre2_match_8(code, base, bytes.count, 0, options, data, nil)
        guard rc >= 0 else { return nil }
        let ovector = pcre2_get_ovector_pointer_8(data)!
        return Int(ovector[0])..<Int(ovector[1])
    }

    /// The captured groups of the first match (index 0 is the whole match); nil when no match.
    public func captures(in text: String) -> [String?]? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buf -> [String?]? in
            guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return nil }
            defer { pcre2_match_data_free_8(data) }
            let base = buf.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!
            let rc = pcre2_match_8(code, base, buf.count, 0, 0, data, nil)
            guard rc > 0 else { return nil }
            let ovector = pcre2_get_ovector_pointer_8(data)!
            var out: [String?] = []
            for i in 0..<Int(rc) {
                let s = ovector[2 * i], e = ovector[2 * i + 1]
                if s == PCRE2_UNSET_VALUE || e == PCRE2_UNSET_VALUE { out.append(nil); continue }
                out.append(String(decoding: buf[Int(s)..<Int(e)], as: UTF8.self))
            }
            return out
        }
    }
}

/// PCRE2_UNSET is a C macro Swift does not import: ~(PCRE2_SIZE)0.
private let PCRE2_UNSET_VALUE = Int(bitPattern: UInt.max)
