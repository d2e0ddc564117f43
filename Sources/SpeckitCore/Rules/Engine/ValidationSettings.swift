/// The settings a validation runs under: the configuration file merged with command-line flags.
public struct ValidationSettings: Sendable {
    /// Forces one kit profile instead of detecting it from the layout.
    public var profile: Kit.Profile?
    /// Per-rule severities; `nil` turns a rule off. Rules not listed keep their default severity.
    public var severities: [RuleID: Severity?]
    /// Severities by family or glob (`status.*: warning`, `content.*: off`), the most specific first; a rule
    /// named in `severities` is not affected, nor is an opt-in rule turned on by a glob (only by its id).
    public var severityPatterns: [(pattern: RulePattern, severity: Severity?)] = []
    /// Required section titles per document kind, replacing the profile's defaults for that kind.
    public var requiredSections: [Document.Kind: [String]]
    /// Extra status words (`shipped-to-qa: review`) on top of the built-in vocabulary.
    public var statusWords: [String: CanonicalStatus]
    /// Extra words per concept (`words: { userStory: [Histoire], phase: [Lot] }`) on top of the built-in
    /// languages.
    public var words: [VocabularyConcept: [String]] = [:]
    /// Warnings fail the run (exit 1) as errors do.
    public var strict: Bool
    /// Globs of files to read when walking folders (empty: every plan file).
    public var include: [String]
    /// Globs of files and folders never read when walking folders.
    public var exclude: [String]
    /// Read templates and agents' prompt files as plans too (`--include-templates`, `includeTemplates:`).
    public var includeTemplates = false
    /// What one run may read (file and paragraph sizes, nesting, YAML nodes, archives).
    public var limits: Limits = .standard
    /// What reading a `.zip`/`.tar.gz` kit may cost.
    public var archiveLimits: ArchiveLimits { limits.archive }
    /// The absolute folder globs are relative to (the configuration file's folder); nil: the current folder.
    public var root: String?

    public init(
        profile: Kit.Profile? = nil, severities: [RuleID: Severity?] = [:],
        requiredSections: [Document.Kind: [String]] = [:], statusWords: [String: CanonicalStatus] = [:],
        strict: Bool = false, include: [String] = [], exclude: [String] = []
    ) {
        self.profile = profile
        self.severities = severities
        self.requiredSections = requiredSections
        self.statusWords = statusWords
        self.strict = strict
        self.include = include
        self.exclude = exclude
        self.root = nil
    }

    /// The severity a rule runs at, or nil when it is off. An opt-in rule is off until configured; sections
    /// required in `requiredSections` turn `structure.missing-section` on.
    public func severity(of rule: RuleDescription) -> Severity? {
        if let configured = severities[rule.id] { return configured }
        if rule.optIn, !(rule.id == .missingSection && !requiredSections.isEmpty) { return nil }
        if let glob = severityPatterns.first(where: { $0.pattern.matches(rule.id.rawValue) }) { return glob.severity }
        return rule.defaultSeverity
    }

    /// The vocabulary statuses and the other concepts are read with.
    public var vocabulary: StatusVocabulary {
        var vocabulary = statusWords.isEmpty ? StatusVocabulary.standard : StatusVocabulary.standard.adding(statusWords)
        if !words.isEmpty { vocabulary = vocabulary.adding(concepts: words) }
        return vocabulary
    }
}
