/// A rule id or a glob over rule ids, as `.speckit.yml` `rules:` and `speckit-disable` comments name them:
/// `status.claim-mismatch`, a family `status.*`, or any pattern with one `*` (`*.unknown-*` is not: one
/// star only), `*` for every rule.
public struct RulePattern: Sendable, Hashable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// Whether the pattern has a `*` (a family or glob) rather than naming one rule.
    public var isGlob: Bool { text.contains("*") }

    /// `status.*` matches `status.claim-mismatch`; a plain id matches itself.
    public func matches(_ rule: String) -> Bool {
        guard let star = text.firstIndex(of: "*") else { return text == rule }
        let prefix = text[..<star]
        let suffix = text[text.index(after: star)...]
        return rule.count >= prefix.count + suffix.count && rule.hasPrefix(prefix) && rule.hasSuffix(suffix)
    }

    /// How specific it is: a longer fixed part wins (`status.claim-*` over `status.*` over `*`).
    var specificity: Int { text.count - (isGlob ? 1 : 0) }
}
