/// The checkbox in front of a list-item task, kept exactly as written.
public struct TaskMarker: Codable, Hashable, Sendable {
    /// Which family the marker belongs to.
    public enum Kind: String, Codable, Sendable {
        /// GitHub-flavoured task-list items (`[ ]`, `[x]`, `[X]`), as cmark-gfm recognises them.
        case gfm
        /// Markers GFM does not know (`[~]`, `[-]`, `[/]`, Kiro's optional `[ ]*`), recognised by speckit.
        case extended
    }

    /// The marker as written: `[ ]`, `[x]`, `[X]`, `[~]`, `[-]`, `[/]` or `[ ]*`.
    public var raw: String
    public var kind: Kind
    /// `true` for `[x]`/`[X]`.
    public var checked: Bool
    /// Kiro's `- [ ]*`: an optional task.
    public var optional: Bool

    public init(raw: String, kind: Kind, checked: Bool, optional: Bool = false) {
        self.raw = raw
        self.kind = kind
        self.checked = checked
        self.optional = optional
    }

    /// The status a marker implies on its own, outside Kiro (where `[-]` is cancelled).
    public var impliedStatus: CanonicalStatus { impliedStatus(kiro: false) }

    /// The status a marker implies in its dialect: Kiro writes `[-]` for a task under way, other plans
    /// for one dropped. The optional star changes nothing here (`[x]*` is done, `[ ]*` to do).
    public func impliedStatus(kiro: Bool) -> CanonicalStatus {
        switch raw.prefix(3) {
        case "[x]", "[X]": return .done
        case "[~]", "[/]": return .inProgress
        case "[-]": return kiro ? .inProgress : .cancelled
        default: return .todo
        }
    }
}
