/// One problem a rule found: the unit every report format reads.
public struct Finding: Codable, Hashable, Sendable {
    public var ruleId: RuleID
    public var severity: Severity
    public var message: String
    /// Where the problem is: file, 1-based line and column, and the end where known.
    public var range: SourceRange
    /// Other places that take part in the problem (every statement of a conflicting status, each task of a cycle).
    public var related: [RelatedLocation]
    /// What to do about it, when there is one obvious fix.
    public var fix: String?
    /// Who the finding is across edits: its rule, file and the text of its line, not the line number
    /// (`FindingFingerprint`). Set by the validator; what baselines and `--base` comparisons match on.
    public var fingerprint: String?
    /// Whether the finding is new: not in the baseline nor at the base revision. Nil when nothing was
    /// compared (no `--baseline`, no `--base`).
    public var isNew: Bool?
    /// The text of the finding's line, whitespace collapsed (what the fingerprint is made of; a baseline
    /// shows it). Not encoded.
    public var anchor: String?

    /// `new` or `existing`, as reports mark a finding after its text; nil when nothing was compared.
    public var age: String? { isNew.map { $0 ? "new" : "existing" } }

    private enum CodingKeys: String, CodingKey {
        case ruleId, severity, message, range, related, fix, fingerprint
        case isNew = "new"
    }

    public init(
        ruleId: RuleID, severity: Severity, message: String, range: SourceRange,
        related: [RelatedLocation] = [], fix: String? = nil
    ) {
        self.ruleId = ruleId
        self.severity = severity
        self.message = message
        self.range = range
        self.related = related
        self.fix = fix
    }

    /// `file:line:col: severity: message [rule]`, the way compilers print.
    public var formatted: String {
        "\(range.description): \(severity.rawValue): \(message) [\(ruleId.rawValue)]"
    }

    /// The message with its fix, for formats with one text field: `… (fix: update the count)`.
    public var messageWithFix: String {
        fix.map { "\(message) (fix: \($0))" } ?? message
    }

    /// Whether the finding fails the run: an error (a warning too under `strict`) that is new, or any such
    /// finding when not only new ones fail.
    public func failsRun(strict: Bool, failOn: ValidationReport.Summary.FailOn) -> Bool {
        Self.fails(severity, isNew: isNew, strict: strict, failOn: failOn)
    }

    /// Whether a finding of `severity`, new or not (nil: not compared), fails the run: the one test reports
    /// and the run's verdict share.
    static func fails(_ severity: Severity, isNew: Bool?, strict: Bool, failOn: ValidationReport.Summary.FailOn) -> Bool {
        guard severity == .error || (strict && severity == .warning) else { return false }
        return failOn == .all || isNew != false
    }

    /// Report order: file, line, column, then rule id and message so equal positions sort stably.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.range.file != rhs.range.file { return lhs.range.file < rhs.range.file }
        if lhs.range.line != rhs.range.line { return lhs.range.line < rhs.range.line }
        if lhs.range.column != rhs.range.column { return lhs.range.column < rhs.range.column }
        if lhs.ruleId != rhs.ruleId { return lhs.ruleId < rhs.ruleId }
        return lhs.message < rhs.message
    }
}

/// A secondary location of a finding, with what happens there.
public struct RelatedLocation: Codable, Hashable, Sendable {
    public var message: String
    public var range: SourceRange

    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }
}
