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

extension Parallel {
    /// `body`'s results for each of `items`, joined in the items' order, worked out on all
    /// cores a stretch of items at a time: for a check whose people (or classes) do not
    /// depend on each other, the same findings as a loop, in the same order.
    public static func flatMap<Items: RandomAccessCollection & Sendable, T>(
        _ items: Items, _ body: @Sendable (Items.Element) -> [T]) -> [T] where Items.Index == Int {
        let count = items.count
        guard count > 1 else { return items.flatMap(body) }
        // A few stretches a core, so one with a few heavy items does not run alone at the end.
        let stretches = min(count, ProcessInfo.processInfo.activeProcessorCount * 8)
        let parts = map(stretches) { k -> [T] in
            let from = items.startIndex + count * k / stretches, to = items.startIndex + count * (k + 1) / stretches
            var out: [T] = []
            for i in from..<to { out += body(items[i]) }
            return out
        }
        return parts.flatMap { $0 }
    }
}
