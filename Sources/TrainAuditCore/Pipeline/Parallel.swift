import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent pieces of work on all cores and returns their results in index order,
/// so the caller's output is the same as a loop's, whatever order the pieces finish in.
public enum Parallel {
    /// `body(0) … body(count - 1)`, on one thread per core (the caller's and threads of its
    /// own), each taking the next piece not yet taken.
    ///
    /// Not `DispatchQueue.concurrentPerform`: a `concurrentPerform` inside another runs on
    /// one thread (libdispatch divides the cores among nested calls), so the one check that
    /// spreads its people over all cores (SCH001, `flatMap`) ran alone on one core once the
    /// other checks were done. Under these threads its `concurrentPerform` is not nested.
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count)
        let threads = min(count, ProcessInfo.processInfo.activeProcessorCount)
        withoutActuallyEscaping(body) { body in
            let work = Pieces(count) { i in slots.set(i, body(i)) }
            var started: [pthread_t] = []
            for _ in 1..<max(threads, 1) {
                let box = Unmanaged.passRetained(work).toOpaque()
                var thread = pthread_t()
                let made = pthread_create(&thread, nil, { box in
                    guard let box else { return nil }
                    Unmanaged<Pieces>.fromOpaque(box).takeRetainedValue().runAll()
                    return nil
                }, box)
                // No thread to be had: the pieces are run by those there are.
                if made == 0 { started.append(thread) } else { Unmanaged<Pieces>.fromOpaque(box).release() }
            }
            work.runAll()
            for thread in started { pthread_join(thread, nil) }
        }
        return slots.all()
    }

    /// Two different pieces of work at the same time.
    public static func pair<A, B>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let results = map(2) { i -> Any in i == 0 ? a() : b() }
        return (results[0] as! A, results[1] as! B)
    }

    /// The pieces of one `map`: each thread takes the next until none is left.
    private final class Pieces: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let count: Int
        private let body: (Int) -> Void
        init(_ count: Int, _ body: @escaping (Int) -> Void) {
            self.count = count
            self.body = body
        }
        func runAll() {
            while true {
                let i: Int = lock.withLock {
                    defer { next += 1 }
                    return next
                }
                guard i < count else { return }
                body(i)
            }
        }
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
