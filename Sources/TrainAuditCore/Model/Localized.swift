/// The language a user reads: Chinese by default, English with `--lang en`.
public enum Lang: String, Sendable, CaseIterable {
    case zh, en
}

/// A user-facing text in both languages.
public struct Localized: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ lang: Lang) -> String { lang == .zh ? zh : en }
}
