/// Something the product must do: `FR-001`, a user story, an OpenSpec or Kiro requirement.
public struct Requirement: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// `FR-001`, `NFR-002`, `REQ-3` …
        case functional
        /// "User Story 1 — …", "As a …, I want …"
        case userStory = "user_story"
        /// OpenSpec `### Requirement:` or Kiro `### Requirement 1`.
        case requirement
    }

    public var id: String
    public var text: String
    public var kind: Kind
    public var priority: String?
    public var acceptanceCriteria: [AcceptanceCriterion]
    public var range: SourceRange

    public init(id: String, text: String, kind: Kind, range: SourceRange) {
        self.id = id
        self.text = text
        self.kind = kind
        self.priority = nil
        self.acceptanceCriteria = []
        self.range = range
    }
}

/// A check that says when work is acceptable.
public struct AcceptanceCriterion: Codable, Hashable, Sendable {
    public enum Style: String, Codable, Sendable {
        /// An item under "Acceptance checks:", "Success Criteria:", "Acceptance Criteria" …
        case checklist
        /// Given / When / Then.
        case scenario
        /// EARS: "WHEN … THE SYSTEM SHALL …".
        case ears
    }

    public var text: String
    public var style: Style
    /// The label it was listed under ("Acceptance checks", "Success Criteria", "Scenario: …").
    public var label: String?
    /// Whether the item carried a checkbox, and if so whether it is checked.
    public var checked: Bool?
    public var range: SourceRange

    public init(text: String, style: Style, label: String?, checked: Bool? = nil, range: SourceRange) {
        self.text = text
        self.style = style
        self.label = label
        self.checked = checked
        self.range = range
    }
}
