/// A sentence in which a document counts itself ("18 completed (16%)", "(0/13 subtasks)",
/// "111 total subtasks", "Completed: 2 task groups"), kept so it can be checked against what was parsed.
public struct Claim: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// "N <noun>" with an optional status: "18 completed", "5 task groups" under "Not Started".
        case count
        /// "done/total": "(3/27 subtasks)".
        case fraction
        /// "N total <noun>".
        case total
    }

    public var kind: Kind
    /// The line the claim was read from.
    public var text: String
    /// What is counted, singular-folded: `task`, `subtask`, `task group`, `phase`, `item`, `requirement`.
    public var noun: String
    /// The number claimed (the numerator of a fraction).
    public var count: Int
    /// The denominator of a fraction.
    public var total: Int?
    /// A percentage given alongside ("(16%)").
    public var percent: Int?
    /// The status the count is about, when the sentence names one ("completed", "remaining", "Not Started").
    public var status: CanonicalStatus?
    /// Whether the status means "not done" ("remaining", "open", "left") rather than one exact status.
    public var remaining: Bool
    /// The phase or task the claim is about, when the line names one ("T2: Edge Function (0/13 subtasks)").
    public var subject: String?
    public var range: SourceRange

    public init(kind: Kind, text: String, noun: String, count: Int, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.noun = noun
        self.count = count
        self.total = nil
        self.percent = nil
        self.status = nil
        self.remaining = false
        self.subject = nil
        self.range = range
    }
}
