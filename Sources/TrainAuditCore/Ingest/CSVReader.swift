#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV (or tab-separated) file read as one sheet, streamed in 1 MiB chunks and parsed on
/// bytes: memory stays bounded by the chunk size plus one row (fields are cut at
/// `limits.maxCellBytes`, columns at `limits.maxColumns`) whatever the file holds.
///
/// Encoding: UTF-8 (with or without BOM) or GBK/GB18030 (transcoded through iconv).
/// Separator: comma or tab, detected from the first records (counted outside quotes).
/// Quoting follows RFC 4180 (`""` escapes, line breaks inside quotes), accepting CRLF, LF
/// and CR line ends. `RawRow.number` is the physical line where a record starts, as a text
/// editor shows it; blank lines come out as rows of one empty cell.
public final class CSVReader: SheetSource {
    public let path: String
    public let limits: IngestLimits
    public let encoding: TextEncoding
    /// The field separator: `,` or tab.
    public let separator: Character
    /// The bytes read: the whole file, or one part of a big file that begins a record
    /// (`CSVReader.cuts`), so that parts can be read at the same time.
    let range: Range<Int>
    /// The physical line the range begins on, where row numbers count from.
    let firstLine: Int
    /// Bytes of the byte-order mark at the file's start, skipped (0 when there is none).
    let markLength: Int
    /// Invalid byte sequences met during the last `forEachRow`, each replaced by U+FFFD
    /// (and its row marked `undecodable`).
    public private(set) var replacedByteSequences = 0

    public var sheetName: String? { nil }

    /// Bytes per read(2); tests lower it to put chunk boundaries everywhere.
    var chunkSize = 1 << 20
    static let sampleSize = 64 * 1024

    public init(path: String, limits: IngestLimits = .default) throws {
        self.path = path
        self.limits = limits
        self.range = 0..<Int.max
        self.firstLine = 1
        let file = try ByteFile(path: path)
        let sample = try file.readUpTo(Self.sampleSize)
        let mayBeCut = sample.count == Self.sampleSize
        var encoding = try Self.detectEncoding(sample, mayBeCut: mayBeCut, path: path)
        if encoding == .utf8 && mayBeCut && !sample.contains(where: { $0 >= 0x80 }) {
            encoding = try Self.detectEncodingPastASCII(file, path: path)
        }
        self.encoding = encoding
        self.markLength = TextEncoding.fromMark(sample) == encoding ? encoding.markLength : 0
        // Separator from the sample, as UTF-8.
        var utf8: [UInt8] = []
        let text = Array(sample.dropFirst(markLength))
        if encoding.isUTF8 {
            utf8 = text
        } else if let dec = TranscodingDecoder(encoding) {
            text.withUnsafeBufferPointer { buf in
                dec.convert(buf, final: !mayBeCut) { utf8.append(contentsOf: $0) }
            }
        }
        let lower = path.lowercased()
        self.separator = Self.detectSeparator(utf8, preferTab: lower.hasSuffix(".tsv")) == 9 ? "\t" : ","
    }

    /// The bytes in `range` of a file whose encoding and separator are known (found by
    /// the reader of the whole file); `range` begins a record on line `firstLine`. Only a
    /// range from the file's start has the byte-order mark to skip.
    init(path: String, limits: IngestLimits, encoding: TextEncoding, separator: Character,
         range: Range<Int>, firstLine: Int) {
        self.path = path
        self.limits = limits
        self.encoding = encoding
        self.separator = separator
        self.range = range
        self.firstLine = firstLine
        self.markLength = encoding == .utf8BOM ? 3 : 0
    }

    /// A first 64 KiB of plain ASCII says nothing about the encoding (an English or
    /// numeric header, Chinese further down): look on, up to 64 MiB, for the first
    /// non-ASCII byte and decide on 64 KiB from there. `file` is positioned after the sample.
    static func detectEncodingPastASCII(_ file: ByteFile, path: String) throws -> TextEncoding {
        var looked = 0
        while looked < 64 << 20 {
            let more = try file.readUpTo(1 << 20)
            if more.isEmpty { break }
            looked += more.count
            guard let k = more.firstIndex(where: { $0 >= 0x80 || $0 == 0 }) else { continue }
            var window = Array(more[k...].prefix(sampleSize))
            if window.count < sampleSize { window += try file.readUpTo(sampleSize - window.count) }
            return try detectEncoding(window, mayBeCut: window.count == sampleSize, path: path)
        }
        return .utf8
    }

    /// The sample's encoding: named by a byte-order mark, or UTF-16 told by its NUL
    /// bytes, or whichever of UTF-8 and GB18030 decodes it (a few bad bytes are replaced
    /// and reported by row, not a reason to refuse the file). UTF-8 is chosen while at most
    /// 2% of its non-ASCII bytes are bad: GBK text read as UTF-8 fails on most of its
    /// characters, while UTF-8 text read as GB18030 often decodes without an error.
    static func detectEncoding(_ sample: [UInt8], mayBeCut: Bool, path: String) throws -> TextEncoding {
        if let marked = TextEncoding.fromMark(sample) { return marked }
        if let utf16 = TextEncoding.unmarkedUTF16(sample) { return utf16 }
        if sample.contains(0) {
            throw IngestError(file: path, Localized(
                zh: "文件含有 NUL 字节，像是二进制文件而不是文本/CSV，已拒绝读取",
                en: "the file contains NUL bytes: it looks binary, not text/CSV, and was refused"))
        }
        let nonASCII = sample.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        let utf8Bad = sample.withUnsafeBufferPointer { UTF8Bytes.invalidCount($0, allowCutEnd: mayBeCut) }
        if utf8Bad * 50 <= nonASCII { return .utf8 }
        let gbBad = sample.withUnsafeBufferPointer {
            TranscodingDecoder.invalidCount($0, encoding: .gb18030, allowCutEnd: mayBeCut)
        } ?? Int.max
        if gbBad * 20 <= nonASCII { return .gb18030 }
        throw IngestError(file: path, Localized(
            zh: "无法识别文件编码（支持 UTF-8、GBK/GB18030、UTF-16）：前 \(sample.count) 字节中 \(min(utf8Bad, gbBad)) 处无法解码",
            en: "unknown text encoding (UTF-8, GBK/GB18030 and UTF-16 are read): \(min(utf8Bad, gbBad)) undecodable spots in the first \(sample.count) bytes"))
    }

    /// Comma or tab (as a byte), counted outside quotes over the first records.
    static func detectSeparator(_ bytes: [UInt8], preferTab: Bool) -> UInt8 {
        var commas = 0, tabs = 0, records = 0
        var inQuotes = false
        for b in bytes {
            if b == 0x22 { inQuotes.toggle() }
            else if inQuotes { continue }
            else if b == 0x2C { commas += 1 }
            else if b == 0x09 { tabs += 1 }
            else if b == 0x0A { records += 1; if records >= 20 { break } }
        }
        if tabs > commas { return 0x09 }
        if tabs == 0 && commas == 0 && preferTab { return 0x09 }
        return 0x2C
    }

    public func forEachRow(_ body: (RawRow) throws -> Bool) throws {
        try forEachRow(projection: nil, body)
    }

    /// `forEachRow`, leaving unmade the cells of the columns `projection` leaves out, from
    /// the record after the one during which it was set (`CellProjection`).
    func forEachRow(projection: CellProjection?, _ body: (RawRow) throws -> Bool) throws {
        let file = try ByteFile(path: path)
        if range.lowerBound > 0 { try file.seek(to: range.lowerBound) }
        var left = range.count
        var parser = CSVParser(separator: separator == "\t" ? 0x09 : 0x2C,
                               maxCellBytes: max(1, limits.maxCellBytes),
                               maxColumns: max(1, limits.maxColumns), firstLine: firstLine,
                               projection: projection)
        replacedByteSequences = 0
        var chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
        // Bytes of the byte-order mark still to skip: a read shorter than the mark (a
        // UTF-32 mark is 4 bytes; the test hook reads 1 to 3) leaves the rest of it for
        // the next read, so the text after it stays aligned to its code units.
        var markLeft = range.lowerBound == 0 ? markLength : 0
        let decoder = TranscodingDecoder(encoding)
        if !encoding.isUTF8 && decoder == nil {
            throw IngestError(file: path, Localized(zh: "系统不支持 \(encoding.rawValue) 转码（iconv）", en: "iconv cannot convert \(encoding.rawValue) on this system"))
        }
        // The decoder passes bad bytes on for the parser to replace and count.
        defer { replacedByteSequences = parser.replaced }
        var going = true
        while going && left > 0 {
            let n = try file.read(into: &chunk, upTo: left)
            if n == 0 { break }
            left -= n
            let start = min(n, markLeft)
            markLeft -= start
            try chunk.withUnsafeBufferPointer { all in
                let buf = UnsafeBufferPointer(rebasing: all[start..<n])
                if let decoder {
                    var stopped = false
                    var failure: Error?
                    decoder.convert(buf, final: false) { utf8 in
                        if stopped || failure != nil { return }
                        do { if try !parser.feed(utf8, body) { stopped = true } } catch { failure = error }
                    }
                    if let failure { throw failure }
                    going = !stopped
                } else {
                    going = try parser.feed(buf, body)
                }
            }
        }
        guard going else { return }
        if let decoder {
            var failure: Error?
            var stopped = false
            decoder.convert(UnsafeBufferPointer(start: nil, count: 0), final: true) { utf8 in
                if stopped || failure != nil { return }
                do { if try !parser.feed(utf8, body) { stopped = true } } catch { failure = error }
            }
            if let failure { throw failure }
            if stopped { return }
        }
        _ = try parser.finish(body)
    }
}

/// The byte-level CSV state machine, fed UTF-8 chunks of any size.
struct CSVParser {
    private enum State { case recordStart, fieldStart, unquoted, quoted, quoteInQuoted }

    private static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    let separator: UInt8
    let maxCellBytes: Int
    let maxColumns: Int
    private var state = State.recordStart
    private var field: [UInt8] = []
    private var fieldOverflow = false
    /// The cells made so far: every cell up to the record's first with text, and after it
    /// only those made after all (`emit`); a cell held or left out is not stored (it reads
    /// as "" past `cells`' end, `RawRow.count`).
    private var cells: [String] = []
    /// The field being read: the number of this record's fields ended so far.
    private var column = 0
    /// This record's cells so far that begin with a byte that is not printable ASCII
    /// (`RawRow.nonASCIILeads`).
    private var nonASCIILeads = 0
    private var truncated = false
    private var undecodable = false
    private var line: Int
    private var recordLine: Int
    /// Inside quotes: the previous byte was CR (so an LF after it ends no extra line).
    private var lastWasCR = false
    /// A record ended on CR: an LF right after it is part of that line end.
    private var swallowLF = false
    private(set) var replaced = 0
    private var lastColumnCount = 8
    /// The previous record's cells. A cell with the same bytes as the one above it (the
    /// class, date, session and device of consecutive sign-ins) reuses that String
    /// instead of being validated and allocated again.
    private var above: [String] = []
    /// Where the columns to make cells of come from, once the caller knows them.
    private let projection: CellProjection?
    /// Per column, whether its cells are made (`CellProjection.kept`); nil until the
    /// projection is set: every cell is made.
    private var kept: [Bool]?
    /// This record has had a cell with text in it (`CellProjection.surelyText`): from then
    /// on, a cell of a column left out is not made, and one of a column kept is held as
    /// bytes (`RawRow.held`) for its record reader to read without a String.
    private var hadText = false
    /// The held cells of this record. Its arrays are written in place again once the row
    /// that had them is gone.
    private var held = HeldCells()

    /// `firstLine`: the physical line the input begins on (a part of a file begins past 1).
    init(separator: UInt8, maxCellBytes: Int, maxColumns: Int, firstLine: Int = 1, projection: CellProjection? = nil) {
        self.separator = separator
        self.maxCellBytes = maxCellBytes
        self.maxColumns = maxColumns
        self.line = firstLine
        self.recordLine = firstLine
        self.projection = projection
        self.kept = projection?.kept
        field.reserveCapacity(256)
    }

    private mutating func append(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        guard to > from, column < maxColumns else { return }
        let room = maxCellBytes + 4 - field.count
        if room <= 0 { fieldOverflow = true; return }
        let count = to - from
        if count > room {
            field.append(contentsOf: UnsafeBufferPointer(rebasing: buf[from..<(from + room)]))
            fieldOverflow = true
        } else {
            field.append(contentsOf: UnsafeBufferPointer(rebasing: buf[from..<to]))
        }
    }

    private mutating func appendByte(_ b: UInt8) {
        guard column < maxColumns else { return }
        if field.count < maxCellBytes + 4 { field.append(b) } else { fieldOverflow = true }
    }

    private mutating func endField() {
        field.withUnsafeBufferPointer { emit($0, overflow: fieldOverflow) }
        field.removeAll(keepingCapacity: field.capacity <= 1 << 16)
        fieldOverflow = false
    }

    /// Ends a field whose bytes are `buf` (`overflow`: more were dropped). An unquoted
    /// field that lies within one read buffer (nearly all of them) comes here straight
    /// from the buffer, without being copied into `field` first.
    private mutating func emit(_ buf: UnsafeBufferPointer<UInt8>, overflow: Bool) {
        if column >= maxColumns {
            truncated = true
            return
        }
        let column = self.column
        self.column += 1
        if let b = buf.first, b >= 0x80 || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { nonASCIILeads += 1 }
        if let kept {
            if hadText, column >= kept.count || !kept[column], leaveOut(buf, overflow: overflow) { return }
            if hadText, column < kept.count, kept[column], hold(buf, column: column, overflow: overflow) { return }
            if !hadText { hadText = CellProjection.surelyText(buf, within: maxCellBytes) }
        }
        // A cell made after some that were not stored: those read as "" before it.
        while cells.count < column { cells.append("") }
        if !overflow, buf.count <= maxCellBytes, column < above.count, UTF8Bytes.equal(above[column], buf) {
            cells.append(above[column])
            return
        }
        var length = buf.count
        if overflow || length > maxCellBytes {
            length = UTF8Bytes.cutLength(buf, limit: maxCellBytes)
            truncated = true
        }
        let (text, r) = UTF8Bytes.decode(UnsafeBufferPointer(rebasing: buf[0..<length]))
        if r > 0 {
            replaced += r
            undecodable = true
        }
        cells.append(text)
    }

    /// Whether a cell of a column left out can be left unmade: it is said as cut when it is
    /// over the size limit, as a made cell is; it is made after all (and said undecodable,
    /// its bad bytes counted) when its bytes are not valid UTF-8.
    private mutating func leaveOut(_ buf: UnsafeBufferPointer<UInt8>, overflow: Bool) -> Bool {
        var length = buf.count
        if overflow || length > maxCellBytes {
            length = UTF8Bytes.cutLength(buf, limit: maxCellBytes)
            truncated = true
        }
        return UTF8Bytes.isValid(UnsafeBufferPointer(rebasing: buf[0..<length]), allowCutEnd: false)
    }

    /// Holds a kept cell as bytes, cut at the size limit (and said cut) as a made cell is;
    /// false, holding nothing, when its bytes are not valid UTF-8: it is made after all, so
    /// its bad bytes are replaced, counted and said.
    @inline(__always)
    private mutating func hold(_ buf: UnsafeBufferPointer<UInt8>, column: Int, overflow: Bool) -> Bool {
        var length = buf.count
        if overflow || length > maxCellBytes {
            length = UTF8Bytes.cutLength(buf, limit: maxCellBytes)
            truncated = true
        }
        let cell = UnsafeBufferPointer(rebasing: buf[0..<length])
        guard UTF8Bytes.isASCII(cell) || UTF8Bytes.isValid(cell, allowCutEnd: false) else { return false }
        held.hold(cell, column: column)
        return true
    }

    private mutating func endRecord(_ body: (RawRow) throws -> Bool) rethrows -> Bool {
        var row = RawRow(number: recordLine, cells: cells, truncated: truncated, undecodable: undecodable)
        row.columnCount = column
        row.nonASCIILeads = nonASCIILeads
        nonASCIILeads = 0
        if !held.isEmpty {
            row.held = held
            held.removeAll()
        }
        lastColumnCount = max(lastColumnCount, cells.count)
        column = 0
        // This row's cells become `above`; the row before's array is emptied for the next
        // row, and reused in place when no reader of that row kept it.
        swap(&above, &cells)
        cells.removeAll(keepingCapacity: true)
        cells.reserveCapacity(lastColumnCount)
        truncated = false
        undecodable = false
        hadText = false
        state = .recordStart
        defer { if kept == nil, let projection { kept = projection.kept } }
        return try body(row)
    }

    /// A record ended on `b` (CR or LF) outside quotes.
    private mutating func lineEnd(_ b: UInt8) {
        line += 1
        swallowLF = b == Self.cr
    }

    /// Feeds one chunk; returns false when `body` asked to stop.
    mutating func feed(_ buf: UnsafeBufferPointer<UInt8>, _ body: (RawRow) throws -> Bool) rethrows -> Bool {
        let n = buf.count
        let sep = separator
        var i = 0
        while i < n {
            switch state {
            case .recordStart:
                let b = buf[i]
                if swallowLF {
                    swallowLF = false
                    if b == Self.lf { i += 1; continue }
                }
                recordLine = line
                if b == Self.cr || b == Self.lf {
                    // A blank line: one empty cell, so the caller can count it.
                    i += 1
                    lineEnd(b)
                    cells.append("")
                    column = 1
                    if try !endRecord(body) { return false }
                    continue
                }
                state = .fieldStart
            case .fieldStart:
                if buf[i] == Self.quote {
                    state = .quoted
                    lastWasCR = false
                    i += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                // Field after unquoted field of one record, without going round the states:
                // most records are nothing else.
                while true {
                    var j = Self.skipPlain(buf, from: i, separator: sep)
                    while j < n {
                        let c = buf[j]
                        if c == sep || c == Self.cr || c == Self.lf { break }
                        j += 1
                    }
                    if j == n {
                        append(buf, i, j)
                        return true
                    }
                    if field.isEmpty && !fieldOverflow {
                        emit(UnsafeBufferPointer(rebasing: buf[i..<j]), overflow: false)
                    } else {
                        append(buf, i, j)
                        endField()
                    }
                    let c = buf[j]
                    i = j + 1
                    if c == sep {
                        // The next field is unquoted too (it has a byte here, not a quote).
                        if i < n && buf[i] != Self.quote { continue }
                        state = .fieldStart
                    } else {
                        lineEnd(c)
                        if try !endRecord(body) { return false }
                    }
                    break
                }
            case .quoted:
                var j = i
                while j < n {
                    let c = buf[j]
                    if c == Self.quote { break }
                    if c == Self.lf {
                        if !lastWasCR { line += 1 }
                        lastWasCR = false
                    } else if c == Self.cr {
                        line += 1
                        lastWasCR = true
                    } else {
                        lastWasCR = false
                    }
                    j += 1
                }
                append(buf, i, j)
                if j == n { return true }
                lastWasCR = false
                i = j + 1
                state = .quoteInQuoted
            case .quoteInQuoted:
                let b = buf[i]
                if b == Self.quote {
                    appendByte(b)
                    state = .quoted
                    i += 1
                } else if b == sep {
                    endField()
                    state = .fieldStart
                    i += 1
                } else if b == Self.cr || b == Self.lf {
                    endField()
                    i += 1
                    lineEnd(b)
                    if try !endRecord(body) { return false }
                } else {
                    // Text after a closing quote (`"a"b`): kept as it stands, leniently.
                    state = .unquoted
                }
            }
        }
        return true
    }

    /// The index of the first separator, CR or LF from `i`, found a word of 8 bytes at a
    /// time: a word holds byte b where `word ^ b·0x0101…` has a zero byte, and the lowest
    /// byte `zeros` marks is the first such one (a marked byte above a true zero may be
    /// false, one below it never is). In the last 7 bytes of `buf`, or on a big-endian
    /// machine, it returns where the words stopped, and the byte loop after it looks on.
    @inline(__always)
    private static func skipPlain(_ buf: UnsafeBufferPointer<UInt8>, from i: Int, separator: UInt8) -> Int {
        guard let base = buf.baseAddress else { return i }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let s = UInt64(separator) &* ones, r = UInt64(cr) &* ones, l = UInt64(lf) &* ones
        @inline(__always) func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        var j = i
        while j + 8 <= buf.count {
            let w = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
            let found = zeros(w ^ s) | zeros(w ^ r) | zeros(w ^ l)
            if found != 0 {
                #if _endian(little)
                return j + found.trailingZeroBitCount >> 3
                #else
                return j
                #endif
            }
            j += 8
        }
        return j
    }

    /// End of input: emits the last record if the file did not end with a line break.
    mutating func finish(_ body: (RawRow) throws -> Bool) rethrows -> Bool {
        switch state {
        case .recordStart:
            return true
        case .quoted:
            // Unterminated quote: keep what was read, and say it was cut.
            truncated = true
            endField()
        case .fieldStart, .unquoted, .quoteInQuoted:
            endField()
        }
        return try endRecord(body)
    }
}

/// A file read with read(2).
final class ByteFile {
    private let fd: Int32
    let path: String

    init(path: String) throws {
        self.path = path
        var st = stat()
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw IngestError(file: path, Localized(zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file"))
        }
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let reason = String(cString: strerror(errno))
            throw IngestError(file: path, Localized(zh: "无法打开文件（\(reason)）", en: "cannot open the file (\(reason))"))
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Fills `buffer` (at most its first `limit` bytes) as far as one read gives; returns
    /// the byte count, 0 at end of file.
    func read(into buffer: inout [UInt8], upTo limit: Int = .max) throws -> Int {
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, min($0.count, limit)) }
            if n >= 0 { return n }
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            throw IngestError(file: path, Localized(zh: "读取文件失败（\(reason)）", en: "reading the file failed (\(reason))"))
        }
    }

    /// Reads exactly `count` bytes into the start of `buffer`, fewer only at end of file.
    func readFully(into buffer: inout [UInt8], count: Int) throws -> Int {
        var got = 0
        var chunk = [UInt8](repeating: 0, count: count)
        while got < count {
            let n = try read(into: &chunk, upTo: count - got)
            if n == 0 { break }
            buffer.replaceSubrange(got..<(got + n), with: chunk[0..<n])
            got += n
        }
        return got
    }

    /// Moves to byte `offset` from the start.
    func seek(to offset: Int) throws {
        if lseek(fd, off_t(offset), SEEK_SET) < 0 {
            let reason = String(cString: strerror(errno))
            throw IngestError(file: path, Localized(zh: "读取文件失败（\(reason)）", en: "reading the file failed (\(reason))"))
        }
    }

    /// The file's size in bytes.
    func size() throws -> Int {
        var st = stat()
        if fstat(fd, &st) < 0 {
            let reason = String(cString: strerror(errno))
            throw IngestError(file: path, Localized(zh: "读取文件失败（\(reason)）", en: "reading the file failed (\(reason))"))
        }
        return Int(st.st_size)
    }

    /// Up to `count` bytes from the current position (fewer only at end of file).
    func readUpTo(_ count: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: count)
        while out.count < count {
            let n = try read(into: &buf)
            if n == 0 { break }
            out.append(contentsOf: buf[0..<min(n, count - out.count)])
            if out.count < count { buf = [UInt8](repeating: 0, count: count - out.count) }
        }
        return out
    }
}
