import Foundation

/// Runs independent pieces of work on all cores and returns their results in index order,
/// so the caller's output is the same as a loop's, whatever order the pieces finish in.
public enum Parallel {
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
        return slots.all()
    }

    /// Two different pieces of work at the same time.
    public static func pair<A, B>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let results = map(2) { i -> Any in i == 0 ? a() : b() }
        return (results[0] as! A, results[1] as! B)
    }

    /// One slot per piece; each piece writes only its own.
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [T?]
        init(_ count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { lock.withLock { values[i] = value } }
        func all() -> [T] { lock.withLock { values.map { $0! } } }
    }
}
