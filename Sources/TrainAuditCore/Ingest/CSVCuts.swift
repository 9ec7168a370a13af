#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a big CSV file can be cut so that its parts are read at the same time, each by
/// its own `CSVReader(path:limits:encoding:separator:range:firstLine:)`, and give the
/// rows reading it in one piece gives.
///
/// A cut is just after a line feed that ends a record, found by following `CSVParser`'s
/// quoting on the raw bytes: a `"` opens a quoted field only at a field's start (after a
/// separator or a line break), `""` inside one is an escaped quote. The raw bytes serve
/// for GB18030 as well as UTF-8: quote, separator, CR and LF are never part of a GB18030
/// multibyte character, and iconv replaces an invalid byte without swallowing them.
extension CSVReader {
    /// The start of a part: a byte offset, and the physical line there (a record's line
    /// number as `CSVParser` counts it: LF, CR and CR LF each end a line, inside quotes too).
    struct Cut: Sendable, Equatable {
        var offset: Int
        var line: Int
    }

    /// The starts of up to `count` parts of about equal size after the first, which
    /// begins at the file's start on line 1. Fewer when records are longer than a part, and
    /// none when no line feed ends a record (a file with CR line ends is read in one piece).
    func cuts(into count: Int) throws -> [Cut] {
        guard count > 1, encoding.cutsAtLineFeeds else { return [] }
        let file = try ByteFile(path: path)
        let size = try file.size()
        let start = encoding == .utf8BOM ? 3 : 0
        guard size > start else { return [] }
        let targets = (1..<count).map { start + (size - start) / count * $0 }
        let cuts = try Self.cuts(file, from: start, separator: separator == "\t" ? 0x09 : 0x2C, near: targets)
        return cuts.filter { $0.offset < size }
    }

    /// For each target offset in order, the first record-ending line feed at or after it
    /// (a target already passed by the previous cut is dropped). Reads the file from
    /// `start` up to the last cut, once.
    static func cuts(_ file: ByteFile, from start: Int, separator: UInt8, near targets: [Int]) throws -> [Cut] {
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        func opensQuote(after byte: UInt8) -> Bool { byte == separator || byte == lf || byte == cr }

        var cuts: [Cut] = []
        var next = 0
        var quoted = false
        /// Inside quotes, the last byte was a quote: it closes the field unless another follows.
        var closing = false
        /// Outside quotes, the byte before the current one (a line break at the file's start).
        var previous = lf
        var lines = LineEnds()
        var buffer = [UInt8](repeating: 0, count: 4 << 20)
        var base = start
        try file.seek(to: start)
        while next < targets.count {
            let n = try file.read(into: &buffer)
            if n == 0 { break }
            buffer.withUnsafeBufferPointer { buf in
                var i = 0
                var counted = 0
                while i < n, next < targets.count {
                    if closing {
                        closing = false
                        if buf[i] == quote { i += 1 } else { quoted = false; previous = quote }
                        continue
                    }
                    if quoted {
                        guard let q = Self.find(quote, buf, i, n) else { i = n; break }
                        i = q + 1
                        closing = true
                        continue
                    }
                    // Before the target only quotes matter: jump from one to the next.
                    let target = targets[next] - base
                    if i < target {
                        let end = min(n, target)
                        if let q = Self.find(quote, buf, i, end) {
                            if opensQuote(after: q > i ? buf[q - 1] : previous) { quoted = true } else { previous = quote }
                            i = q + 1
                        } else {
                            previous = buf[end - 1]
                            i = end
                        }
                        continue
                    }
                    // From the target on, byte by byte up to a line feed outside quotes.
                    let b = buf[i]
                    i += 1
                    if b == quote && opensQuote(after: previous) { quoted = true; continue }
                    previous = b
                    if b == lf {
                        lines.count(buf, counted, i)
                        counted = i
                        cuts.append(Cut(offset: base + i, line: lines.ends + 1))
                        while next < targets.count && targets[next] <= base + i { next += 1 }
                    }
                }
                if next < targets.count { lines.count(buf, counted, n) }
            }
            base += n
        }
        return cuts
    }

    /// The index of the first `byte` in `buf[from..<to]`.
    private static func find(_ byte: UInt8, _ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        guard from < to, let base = buf.baseAddress, let p = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// Line ends counted as `CSVParser` counts lines: LF, CR, and CR LF as one.
    private struct LineEnds {
        var ends = 0
        /// The last byte counted was CR (an LF first in the next range pairs with it).
        var lastCR = false

        /// Counts `buf[from..<to]`. LF and CR are counted in byte-wide counters over
        /// blocks of 255 bytes, which the compiler vectorizes (Int counters run at a
        /// twentieth of the speed); CR LF pairs are looked for only where there is a CR.
        mutating func count(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
            guard from < to else { return }
            var lf = 0, cr = 0
            var i = from
            while i < to {
                let end = min(to, i + 255)
                var lfs: UInt8 = 0, crs: UInt8 = 0
                while i < end {
                    let b = buf[i]
                    lfs &+= b == 0x0A ? 1 : 0
                    crs &+= b == 0x0D ? 1 : 0
                    i += 1
                }
                lf += Int(lfs)
                cr += Int(crs)
            }
            var pairs = 0
            if lastCR && buf[from] == 0x0A { pairs += 1 }
            if cr > 0 {
                for i in from..<(to - 1) where buf[i] == 0x0D && buf[i + 1] == 0x0A { pairs += 1 }
            }
            ends += lf + cr - pairs
            lastCR = buf[to - 1] == 0x0D
        }
    }
}
