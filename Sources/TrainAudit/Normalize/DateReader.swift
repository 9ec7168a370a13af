/// Dates, periods and times in the forms offices write them.
public enum DateReader {
    /// 2016-03-05, 2016/3/5, 2016.3.5, 2016年3月5日, 20160305, Excel serial 42434.
    public static func day(_ cell: String) -> Parsed<Day> {
        let s = TextReader.clean(cell)
        if s.isEmpty { return .blank }
        let nums = numbers(in: s)
        if nums.count == 1, let n = Int(nums[0]) {
            if nums[0].count == 8 { return Day(year: n / 10000, month: (n / 100) % 100, day: n % 100).map { .value($0) } ?? .invalid }
            if (20000...80000).contains(n) { return .value(Day(excelSerial: n)) }
            return .invalid
        }
        if nums.count >= 3, let y = Int(nums[0]), let m = Int(nums[1]), let d = Int(nums[2]), nums[0].count == 4 {
            return Day(year: y, month: m, day: d).map { .value($0) } ?? .invalid
        }
        return .invalid
    }

    /// 2016.3.1-2016.3.25, 2016年3月1日至3月25日, 2016.3.1—3.25.
    public static func period(_ cell: String) -> Parsed<ClosedRange<Day>> {
        let s = TextReader.clean(cell)
        if s.isEmpty { return .blank }
        let nums = numbers(in: s).compactMap { Int($0) }
        guard nums.count >= 5, nums[0] >= 1000,
              let start = Day(year: nums[0], month: nums[1], day: nums[2]) else { return .invalid }
        let end: Day?
        if nums.count >= 6, nums[3] >= 1000 { end = Day(year: nums[3], month: nums[4], day: nums[5]) }
        else { end = Day(year: nums[0], month: nums[3], day: nums[4]) }
        guard let end, end >= start else { return .invalid }
        return .value(start...end)
    }

    /// 08:01, 8:01:23, 8时1分: seconds since midnight.
    public static func time(_ cell: String) -> Parsed<Int32> {
        let s = TextReader.clean(cell)
        if s.isEmpty { return .blank }
        let nums = numbers(in: s).compactMap { Int($0) }
        guard (2...3).contains(nums.count), (0..<24).contains(nums[0]), (0..<60).contains(nums[1]) else { return .invalid }
        let sec = nums.count == 3 ? nums[2] : 0
        guard (0..<60).contains(sec) else { return .invalid }
        return .value(Int32(nums[0] * 3600 + nums[1] * 60 + sec))
    }

    /// "2018-03-05 08:01:23", or a time alone on `day`.
    public static func moment(_ cell: String, on day: Day?) -> Parsed<Moment> {
        let s = TextReader.clean(cell)
        if s.isEmpty { return .blank }
        let parts = s.split(separator: " ", maxSplits: 1).map(String.init)
        if parts.count == 2, let d = self.day(parts[0]).value, let t = time(parts[1]).value { return .value(Moment(day: d, seconds: t)) }
        if let day, let t = time(s).value { return .value(Moment(day: day, seconds: t)) }
        return .invalid
    }

    static func numbers(in s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for scalar in s.unicodeScalars {
            var v = scalar.value
            if (0xFF10...0xFF19).contains(v) { v = v - 0xFF10 + 0x30 }
            if (0x30...0x39).contains(v) { cur.unicodeScalars.append(Unicode.Scalar(v)!) }
            else if !cur.isEmpty { out.append(cur); cur = "" }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }
}
