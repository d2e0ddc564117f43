/// Every rule speckit runs, in the order they run and are listed.
public enum RuleRegistry {
    public static let rules: [any Rule.Type] = [
        MissingDocumentRule.self,
        MissingSectionRule.self,
        HeadingSkipRule.self,
        NestingTooDeepRule.self,
        ParagraphTooLongRule.self,
        DuplicateTaskIDRule.self,
        UnknownDependencyRule.self,
        SelfDependencyRule.self,
        DependencyCycleRule.self,
        DoneBeforeDependencyRule.self,
        MalformedMarkerRule.self,
        DoneWithoutEvidenceRule.self,
        PhaseContradictionRule.self,
        ParentChildRule.self,
        ConflictingStatementsRule.self,
        ClaimMismatchRule.self,
        UnknownStatusValueRule.self,
        AcceptanceMissingRule.self,
        UntestableCriterionRule.self,
        UnknownRequirementRule.self,
        UncoveredRequirementRule.self,
        PlaceholderRule.self,
        MojibakeRule.self,
        InvalidUTF8Rule.self,
        ByteOrderMarkRule.self,
        MixedLineEndingsRule.self,
        YAMLSyntaxRule.self,
        YAMLDuplicateKeyRule.self,
        YAMLInvalidFieldRule.self,
        YAMLUnreadShapeRule.self,
        UnreadableFileRule.self,
        UnusedSuppressionRule.self,
    ]

    /// Rules that check the changes since a base (`speckit diff`, `validate --base REF`).
    public static let diffRules: [any DiffRule.Type] = [
        RegressionRule.self,
        TickedWithoutChangeRule.self,
    ]

    /// Every rule's description, in registry order (kit rules, then diff rules).
    public static var descriptions: [RuleDescription] { rules.map { $0.description } + diffRules.map { $0.description } }

    /// The description of one rule.
    public static func description(of id: RuleID) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
