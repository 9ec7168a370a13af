extension Array where Element == UInt64 {
    /// Sorts the numbers ascending, byte by byte from the lowest (LSD radix sort): keys that
    /// pack a few small fields (a person's number, a minute, a day, a row) sort in a few
    /// passes over the array. The standard library's comparison sort (a merge sort) was
    /// most of the time of the checks that sort such keys (PRX002, PAY003, CLS002: perf). A
    /// byte that is the same in every number costs no pass; a short array is sorted by
    /// insertion.
    public mutating func radixSort() {
        let n = count
        if n < 2 { return }
        if n <= 48 {
            withUnsafeMutableBufferPointer { a in
                for i in 1..<n {
                    let v = a[i]
                    var j = i
                    while j > 0, a[j - 1] > v {
                        a[j] = a[j - 1]
                        j -= 1
                    }
                    a[j] = v
                }
            }
            return
        }
        // How many numbers have each value of each byte, all eight counted in one pass.
        var counts = [Int](repeating: 0, count: 8 * 256)
        withUnsafeBufferPointer { a in
            counts.withUnsafeMutableBufferPointer { c in
                for v in a {
                    var v = v
                    for b in 0..<8 {
                        c[b << 8 | Int(v & 0xFF)] += 1
                        v >>= 8
                    }
                }
            }
        }
        var other = [UInt64](repeating: 0, count: n)
        var inSelf = true
        for b in 0..<8 {
            let shift = UInt64(b * 8)
            // Every number has this byte's value: the order stands.
            if counts[b << 8 | Int((self[0] >> shift) & 0xFF)] == n { continue }
            var starts = [Int](repeating: 0, count: 256)
            var sum = 0
            for d in 0..<256 {
                starts[d] = sum
                sum += counts[b << 8 | d]
            }
            func pass(_ from: UnsafeMutableBufferPointer<UInt64>, _ to: UnsafeMutableBufferPointer<UInt64>) {
                starts.withUnsafeMutableBufferPointer { s in
                    for v in from {
                        let d = Int((v >> shift) & 0xFF)
                        to[s[d]] = v
                        s[d] += 1
                    }
                }
            }
            if inSelf {
                withUnsafeMutableBufferPointer { a in other.withUnsafeMutableBufferPointer { o in pass(a, o) } }
            } else {
                withUnsafeMutableBufferPointer { a in other.withUnsafeMutableBufferPointer { o in pass(o, a) } }
            }
            inSelf.toggle()
        }
        if !inSelf { self = other }
    }
}
