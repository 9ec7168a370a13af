import Testing
@testable import TrainAudit
@testable import TrainAuditCore
@testable import TrainAuditChecks

private func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }
private let mar5 = d(2016, 3, 5)

@Test(arguments: [
    "2016-03-05", "2016-3-5", "2016/3/5", "2016/03/05", "2016.3.5", "2016.03.05",
    "2016年3月5日", "2016年03月05日", "2016年3月5号", "2016 年 3 月 5 日", "20160305",
    "42434", "42434.5", "42434.0",
    "2016-03-05 08:01:23", "2016-03-05 08:01", "2016-03-05T08:01:23", "2016/3/5 8:01",
    "２０１６－０３－０５", "２０１６年３月５日", "２０１６．３．５", "４２４３４", " 2016-03-05 ",
])
func dayForms(cell: String) {
    #expect(DateReader.day(cell).value == mar5, "\(cell)")
}

@Test func excelSerialsByHand() {
    // 1899-12-30 is serial 0; 25569 is 1970-01-01; 43831 is 2020-01-01.
    #expect(DateReader.day("25569").value == d(1970, 1, 1))
    #expect(DateReader.day("43831").value == d(2020, 1, 1))
    #expect(DateReader.day("42794").value == d(2017, 2, 28))
    #expect(DateReader.day("42795").value == d(2017, 3, 1))
}

@Test(arguments: ["2016-02-30", "2016-13-01", "2016年2月30日", "20160230", "2015-02-29", "2016-00-10", "2016-3-0",
                  "2016-03-05 25:00", "2016-03-05 x", "16-3-5", "2016-3", "2016/3-5", "3/5/2016", "hello",
                  "2016", "123", "42434.5.1", "壹玖", "2016年3月", "2016-03-05-"])
func dayInvalid(cell: String) {
    #expect(DateReader.day(cell).isInvalid, "\(cell)")
}

@Test func dayLeapAndBlank() {
    #expect(DateReader.day("2016-02-29").value == d(2016, 2, 29))
    #expect(DateReader.day("2000-02-29").value == d(2000, 2, 29))
    #expect(DateReader.day("1900-02-29").isInvalid)
    for cell in ["", "  ", "\u{3000}", "-", "—", "/", "无"] {
        #expect(DateReader.day(cell).value == nil && !DateReader.day(cell).isInvalid, "\(cell)")
    }
}

@Test(arguments: [
    "2016.3.1-2016.3.25", "2016.3.1—2016.3.25", "2016.3.1——2016.3.25", "2016.3.1–2016.3.25",
    "2016.03.01~2016.03.25", "2016.03.01～2016.03.25", "2016/3/1至2016/3/25", "2016-3-1至2016-3-25",
    "2016-03-01-2016-03-25", "2016年3月1日至2016年3月25日", "2016年3月1日至3月25日", "2016年3月1日-3月25日",
    "2016年3月1日-25日", "2016年3月1日至25日", "2016.3.1-3.25", "20160301-20160325", "2016.3.1 - 2016.3.25",
    "2016.3.1 至 2016.3.25", "２０１６．３．１－２０１６．３．２５", "2016年3月1日到3月25日", "2016.3.1-25",
])
func periodForms(cell: String) {
    #expect(DateReader.period(cell).value == d(2016, 3, 1)...d(2016, 3, 25), "\(cell)")
    let b = DateReader.periodBounds(cell).value
    #expect(b?.start == d(2016, 3, 1) && b?.end == d(2016, 3, 25), "\(cell)")
}

@Test func periodAcrossYearEnd() {
    #expect(DateReader.period("2016.3.1-3").value == d(2016, 3, 1)...d(2016, 3, 3))
    #expect(DateReader.period("2016.12.20-1.10").value == d(2016, 12, 20)...d(2017, 1, 10))
    #expect(DateReader.period("2016.12.20-2017.1.10").value == d(2016, 12, 20)...d(2017, 1, 10))
}

@Test func periodEndBeforeStart() {
    // period: invalid; periodBounds: both ends, for the DQ finding.
    #expect(DateReader.period("2016.3.25-2016.3.1").isInvalid)
    let b = DateReader.periodBounds("2016.3.25-2016.3.1").value
    #expect(b?.start == d(2016, 3, 25))
    #expect(b?.end == d(2016, 3, 1))
    let same = DateReader.periodBounds("2016年3月25日-1日").value
    #expect(same?.start == d(2016, 3, 25) && same?.end == d(2016, 3, 1))
}

@Test func periodSingleDayAndInvalid() {
    #expect(DateReader.period("2016.3.5").value == mar5...mar5)
    #expect(DateReader.period("").value == nil && !DateReader.period("").isInvalid)
    for cell in ["2016.3.1-2016.2.30", "2016.2.30-2016.3.5", "2016.3.1-", "2016.3.1-3.25.",
                 "2016.3.1 2016.3.25", "2016.3.1-2016.3.25-2016.4.1", "3.1-3.25", "2016.3.1-32日"] {
        #expect(DateReader.periodBounds(cell).isInvalid, "\(cell)")
        #expect(DateReader.period(cell).isInvalid, "\(cell)")
    }
}

@Test(arguments: [
    ("08:01", 8 * 3600 + 60), ("8:01", 8 * 3600 + 60), ("8:01:23", 8 * 3600 + 60 + 23), ("08:01:23", 8 * 3600 + 83),
    ("08：01", 8 * 3600 + 60), ("０８：０１", 8 * 3600 + 60), ("8时1分", 8 * 3600 + 60), ("8点01分", 8 * 3600 + 60),
    ("8时1分23秒", 8 * 3600 + 83), ("8点", 8 * 3600), ("8点半", 8 * 3600 + 1800), ("上午8:01", 8 * 3600 + 60),
    ("下午2:30", 14 * 3600 + 1800), ("下午 2:30", 14 * 3600 + 1800), ("下午14:30", 14 * 3600 + 1800),
    ("晚上7点", 19 * 3600), ("中午12:30", 12 * 3600 + 1800), ("中午1:00", 13 * 3600),
    ("2:30 PM", 14 * 3600 + 1800), ("12:05 AM", 300), ("12:05 PM", 12 * 3600 + 300),
    ("08:01:23.500", 8 * 3600 + 83), ("0:00", 0), ("23:59:59", 86399),
    ("0.5", 12 * 3600), ("0.334", 28858),  // 0.334 × 86400 = 28857.6 → 28858
])
func timeForms(cell: String, seconds: Int) {
    #expect(DateReader.time(cell).value == Int32(seconds), "\(cell)")
}

@Test(arguments: ["24:00", "8:60", "8:01:60", "8", "8:", "abc", "8:01:23:45", "25点", "1.5", "8：01分钟"])
func timeInvalid(cell: String) {
    #expect(DateReader.time(cell).isInvalid, "\(cell)")
}

@Test func moments() {
    let day = d(2018, 3, 5)
    let m = Moment(day: day, seconds: 8 * 3600 + 60 + 23)
    #expect(DateReader.moment("2018-03-05 08:01:23", on: nil).value == m)
    #expect(DateReader.moment("2018-03-05T08:01:23", on: nil).value == m)
    #expect(DateReader.moment("2018/3/5 8:01", on: nil).value == Moment(day: day, seconds: 8 * 3600 + 60))
    #expect(DateReader.moment("2018年3月5日 8时1分23秒", on: nil).value == m)
    #expect(DateReader.moment("２０１８－０３－０５　０８：０１：２３", on: nil).value == m)
    #expect(DateReader.moment("08:01:23", on: day).value == m)
    #expect(DateReader.moment("下午2:00", on: day).value == Moment(day: day, seconds: 14 * 3600))
    // Excel serial with a fraction: 43164 is 2018-03-05, 0.5 is noon.
    #expect(DateReader.moment("43164.5", on: nil).value == Moment(day: day, seconds: 12 * 3600))
    #expect(DateReader.moment("08:01:23", on: nil).isInvalid)     // no day to put it on
    #expect(DateReader.moment("2018-03-05", on: day).isInvalid)   // no time
    #expect(DateReader.moment("2018-02-30 08:00", on: nil).isInvalid)
    #expect(DateReader.moment("", on: day).value == nil && !DateReader.moment("", on: day).isInvalid)
}

// The byte-level clock-time fast path must answer exactly what the general reader does,
// for the shapes it takes and (by declining) for every other one.
private func same(_ a: Parsed<Int32>, _ b: Parsed<Int32>) -> Bool {
    switch (a, b) {
    case (.blank, .blank), (.invalid, .invalid): return true
    case (.value(let x), .value(let y)): return x == y
    default: return false
    }
}

private func same(_ a: Parsed<Moment>, _ b: Parsed<Moment>) -> Bool {
    switch (a, b) {
    case (.blank, .blank), (.invalid, .invalid): return true
    case (.value(let x), .value(let y)): return x == y
    default: return false
    }
}

private let clockCells: [String] = {
    var cells = ["07:41:23", "7:41", "07:41", "7:5", "7:05", "0:00", "00:00:00", "23:59:59", "23:59", "12:00",
                 "24:00", "24:00:00", "7:60", "07:60:00", "07:41:60", "99:99", "7:41:2", "7:41:234", "123:45",
                 "7:123", "7:", ":41", "7::41", "07:41:", "07:41:23.5", "07:41:23 PM", " 07:41", "07:41 ",
                 "０７:４１", "07：41", "7点", "8时1分", "下午2:30", "0.334", "", "-", "无", "07-41", "0741",
                 "07:41:23:11", "a7:41", "7:4a", "2016-03-05 08:01", "42434.5", "7:1:00", "07:1:05"]
    // Every H/HH : M/MM [: SS] with hour 0–25, minute and second around the limits.
    for h in [0, 5, 9, 10, 19, 23, 24, 25] {
        for m in [0, 1, 9, 30, 59, 60, 61] {
            for hw in ["\(h)", h < 10 ? "0\(h)" : "\(h)"] {
                for mw in ["\(m)", m < 10 ? "0\(m)" : "\(m)"] {
                    cells.append("\(hw):\(mw)")
                    for sec in [0, 7, 59, 60] {
                        cells.append("\(hw):\(mw):\(sec < 10 ? "0\(sec)" : "\(sec)")")
                        cells.append("\(hw):\(mw):\(sec)")
                    }
                }
            }
        }
    }
    return cells
}()

@Test func clockFastPathAgreesWithGeneralReader() {
    let day = d(2025, 2, 23)
    for cell in clockCells {
        #expect(same(DateReader.time(cell), DateReader.generalTime(cell)), "time \(cell)")
        #expect(same(DateReader.moment(cell, on: day), DateReader.generalMoment(cell, on: day)), "moment \(cell)")
        #expect(same(DateReader.moment(cell, on: nil), DateReader.generalMoment(cell, on: nil)), "moment no day \(cell)")
        if let fast = FastPath.clockTime(cell) { #expect(same(fast, DateReader.generalTime(cell)), "fast \(cell)") }
    }
    // The shapes the fast path exists for do take it.
    for cell in ["07:41:23", "7:41", "07:41", "24:00", "7:60"] { #expect(FastPath.clockTime(cell) != nil, "\(cell)") }
    #expect(DateReader.time("07:41:23").value == Int32(7 * 3600 + 41 * 60 + 23))
    #expect(DateReader.time("24:00").isInvalid)
    #expect(DateReader.time("7:60").isInvalid)
    #expect(DateReader.moment("07:41", on: nil).isInvalid)
    #expect(DateReader.moment("07:41", on: day).value == Moment(day: day, seconds: 7 * 3600 + 41 * 60))
}
