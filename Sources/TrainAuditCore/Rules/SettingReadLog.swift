import Foundation

/// The keys read from a Settings value that carries it: SettingsDeclarationTests run each
/// check with one and compare what it read with what its CheckInfo declares.
public final class SettingReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []

    public init() {}

    func note(_ name: String) {
        lock.lock()
        names.insert(name)
        lock.unlock()
    }

    /// The names of the keys read so far.
    public var read: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return names
    }
}
