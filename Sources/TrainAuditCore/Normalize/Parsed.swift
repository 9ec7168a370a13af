/// What a cell held, once read as a typed value: nothing, a value, or text that could not
/// be read (a DQ finding, never silently a zero).
public enum Parsed<T> {
    case blank
    case value(T)
    case invalid

    public var value: T? {
        if case .value(let v) = self { return v }
        return nil
    }

    public var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }
}

extension Parsed: Sendable where T: Sendable {}
