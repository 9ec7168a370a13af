import Foundation

/// A value computed on first use, once, whichever thread asks first; the others wait
/// for it. For indexes only some checks need.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.withLock {
            if let stored { return stored }
            let v = make()
            stored = v
            return v
        }
    }
}
