/// Walking a sorted array group by group: the checks that sort (key, row) pairs instead of
/// building a dictionary of arrays (DUP004, DUP005, PRX003) read each key's rows as one
/// stretch.
extension RandomAccessCollection where Index == Int {
    /// Calls `body` with each stretch of elements that `same` says are alike, in order: the
    /// ranges cover the collection, and each ends before the first element not alike to the
    /// stretch's first. For a collection sorted by a key, `same` comparing the keys gives
    /// each key's elements. Nothing is kept: a stretch is a range of the caller's array.
    func forEachStretch(where same: (Element, Element) -> Bool, _ body: (Range<Int>) throws -> Void) rethrows {
        var start = startIndex
        while start < endIndex {
            var end = start + 1
            while end < endIndex, same(self[start], self[end]) { end += 1 }
            try body(start..<end)
            start = end
        }
    }
}
