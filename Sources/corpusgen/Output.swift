#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Print a message to stderr and exit 2.
func fail(_ message: String) -> Never {
    let text = Array((message + "\n").utf8)
    _ = text.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    exit(2)
}

/// A CSV file written through one large byte buffer (flushed every few MB with fwrite):
/// no String building per row.
final class CSVOut {
    private var buf: [UInt8] = []
    private let file: UnsafeMutablePointer<FILE>
    private let limit = 8 << 20
    let path: String
    private(set) var rows = 0
    private(set) var bytes = 0

    init(_ path: String, header: [String]) {
        self.path = path
        guard let f = fopen(path, "wb") else {
            fail("corpusgen: cannot write \(path)")
        }
        file = f
        buf.reserveCapacity(limit + (1 << 16))
        for (i, h) in header.enumerated() {
            if i > 0 { byte(0x2C) }
            text(h)
        }
        byte(0x0A)
    }

    @inline(__always) func byte(_ b: UInt8) { buf.append(b) }
    @inline(__always) func bytes(_ b: [UInt8]) { buf.append(contentsOf: b) }
    func text(_ s: String) { buf.append(contentsOf: s.utf8) }
    @inline(__always) func comma() { buf.append(0x2C) }

    /// End of a row: newline, flush when the buffer is full.
    @inline(__always) func endRow() {
        buf.append(0x0A)
        rows += 1
        if buf.count >= limit { flush() }
    }

    /// A non-negative integer in decimal, at least `width` digits (zero-padded).
    @inline(__always) func int(_ v: Int, width: Int = 1) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = v, count = 0
        withUnsafeMutableBytes(of: &digits) { p in
            repeat {
                p[count] = UInt8(0x30 + n % 10)
                n /= 10
                count += 1
            } while n > 0
            while count < width { p[count] = 0x30; count += 1 }
            for i in stride(from: count - 1, through: 0, by: -1) { buf.append(p[i]) }
        }
    }

    /// 2025-03-04
    func date(_ ordinal: Int) {
        let (y, m, d) = Civil.fromOrdinal(ordinal)
        int(y, width: 4); byte(0x2D); int(m, width: 2); byte(0x2D); int(d, width: 2)
    }

    /// 2025.03.04 (the way 培训期限 cells are typed)
    func dotted(_ ordinal: Int) {
        let (y, m, d) = Civil.fromOrdinal(ordinal)
        int(y, width: 4); byte(0x2E); int(m, width: 2); byte(0x2E); int(d, width: 2)
    }

    /// 07:41:23
    func clock(_ seconds: Int) {
        int(seconds / 3600, width: 2); byte(0x3A)
        int(seconds / 60 % 60, width: 2); byte(0x3A)
        int(seconds % 60, width: 2)
    }

    func flush() {
        if !buf.isEmpty {
            let n = buf.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            if n != buf.count {
                fail("corpusgen: write failed: \(path)")
            }
            bytes += buf.count
            buf.removeAll(keepingCapacity: true)
        }
    }

    func close() {
        flush()
        fclose(file)
    }
}

/// Civil dates as day ordinals since 1970-01-01 (Howard Hinnant's algorithms).
enum Civil {
    static func ordinal(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func fromOrdinal(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
