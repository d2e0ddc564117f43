/// The canonical statuses every input is normalised to.
public enum CanonicalStatus: String, Codable, CaseIterable, Sendable, Comparable {
    case todo
    case inProgress = "in_progress"
    case review
    case blocked
    case deferred
    case done
    case cancelled
    case failed
    case unknown

    /// Whether work with this status is finished one way or another (nothing left to do).
    public var isClosed: Bool {
        switch self {
        case .done, .cancelled: return true
        default: return false
        }
    }

    public static func < (lhs: CanonicalStatus, rhs: CanonicalStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a status was read from.
public enum StatusSource: String, Codable, Sendable {
    /// A list-item checkbox: `[ ]`, `[x]`, `[~]` …
    case checkbox
    /// An emoji such as ✅ or ⏳ standing alone.
    case emoji
    /// A `**Status**:` field, an attribute-table row or a key in YAML/JSON.
    case field
    /// The suffix of a heading: `## T2 — Edge Function ⏳ IN PROGRESS`.
    case heading
    /// A `status:` key in a YAML or JSON plan.
    case structured
}

/// A status as declared in a document: its canonical value, the text it was read from, and where.
public struct Status: Codable, Hashable, Sendable {
    public var value: CanonicalStatus
    /// The text exactly as written (`✅ COMPLETE`, `[x]`, `in-progress`).
    public var raw: String
    public var source: StatusSource
    public var range: SourceRange?

    public init(value: CanonicalStatus, raw: String, source: StatusSource, range: SourceRange? = nil) {
        self.value = value
        self.raw = raw
        self.source = source
        self.range = range
    }
}
