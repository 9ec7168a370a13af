/// What a file is, by its bytes rather than its name: findings about a whole file or
/// sheet (DQ001–DQ009) are keyed on it, so renaming or moving a file does not make them
/// "new" against a baseline. A 64-bit hash of the size and every byte, written as hex.
/// Not cryptographic: it tells files apart, it does not prove them.
enum ContentKey {
    /// The key of the file at `path`, or nil when it cannot be read.
    static func of(path: String) -> String? {
        guard let file = try? ByteFile(path: path) else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var total = 0
        while true {
            guard let n = try? file.read(into: &buffer), n >= 0 else { return nil }
            if n == 0 { break }
            total += n
            buffer.withUnsafeBytes { raw in
                // FNV-1a over 8-byte words, then the remaining bytes.
                let words = n / 8
                for k in 0..<words {
                    hash = (hash ^ raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)) &* 0x100_0000_01b3
                }
                for k in (words * 8)..<n { hash = (hash ^ UInt64(raw[k])) &* 0x100_0000_01b3 }
            }
        }
        hash = (hash ^ UInt64(total)) &* 0x100_0000_01b3
        // A final mix, so nearby inputs spread over all bits.
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether two files hold the same bytes (read side by side, 1 MiB at a time).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard let x = try? ByteFile(path: a), let y = try? ByteFile(path: b) else { return false }
        var p = [UInt8](repeating: 0, count: 1 << 20), q = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            guard let n = try? x.read(into: &p), let m = try? y.readFully(into: &q, count: n) else { return false }
            if n != m { return false }
            if n == 0 { return true }
            if p[0..<n] != q[0..<n] { return false }
        }
    }
}
