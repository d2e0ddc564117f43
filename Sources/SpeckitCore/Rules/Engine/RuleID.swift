/// Every rule's id. Ids are published (configs and CI baselines name them), so a case is never renamed;
/// a misspelt id does not compile.
public enum RuleID: String, Codable, Sendable, CaseIterable, Comparable {
    // Structure
    case missingDocument = "structure.missing-document"
    case missingSection = "structure.missing-section"
    case headingSkip = "structure.heading-skip"
    case nestingTooDeep = "structure.nesting-too-deep"
    case paragraphTooLong = "structure.paragraph-too-long"
    // Tasks
    case duplicateID = "tasks.duplicate-id"
    case unknownDependency = "tasks.unknown-dependency"
    case selfDependency = "tasks.self-dependency"
    case dependencyCycle = "tasks.dependency-cycle"
    case doneBeforeDependency = "tasks.done-before-dependency"
    case malformedMarker = "tasks.malformed-marker"
    case doneWithoutEvidence = "tasks.done-without-evidence"
    case tickedWithoutChange = "tasks.ticked-without-change"
    // Status
    case phaseContradiction = "status.phase-contradiction"
    case parentChild = "status.parent-child"
    case conflictingStatements = "status.conflicting-statements"
    case claimMismatch = "status.claim-mismatch"
    case unknownValue = "status.unknown-value"
    case regression = "status.regression"
    // Acceptance
    case acceptanceMissing = "acceptance.missing"
    case acceptanceUntestable = "acceptance.untestable"
    // Traceability
    case unknownRequirement = "trace.unknown-requirement"
    case uncoveredRequirement = "trace.uncovered-requirement"
    // Content
    case placeholder = "content.placeholder"
    // Encoding
    case mojibake = "encoding.mojibake"
    case invalidUTF8 = "encoding.invalid-utf8"
    case byteOrderMark = "encoding.bom"
    case mixedLineEndings = "encoding.mixed-line-endings"
    // YAML and input
    case yamlSyntax = "yaml.syntax"
    case yamlDuplicateKey = "yaml.duplicate-key"
    case yamlInvalidField = "yaml.invalid-field"
    case yamlUnreadShape = "yaml.unread-shape"
    case unreadable = "input.unreadable"

    // Suppressions
    case unusedSuppression = "suppression.unused"

    /// The family before the dot: `structure`, `tasks`, `status` …
    public var category: String { String(rawValue.split(separator: ".").first ?? "") }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}
