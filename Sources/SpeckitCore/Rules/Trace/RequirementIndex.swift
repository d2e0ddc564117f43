/// The requirements of a kit and the references tasks make to them.
struct RequirementIndex {
    /// Requirements by id (`FR-001`, `US1`, `Requirement 2`).
    var byID: [String: Requirement] = [:]
    var ordered: [Requirement] = []

    init(_ context: RuleContext) {
        for document in context.kit.documents {
            for requirement in document.requirements where byID[requirement.id] == nil {
                byID[requirement.id] = requirement
                ordered.append(requirement)
            }
        }
    }

    /// The requirement ids a task cites: its requirement references and its `[US1]` story tags.
    static func citations(of task: PlanTask) -> [String] {
        task.requirementRefs + task.tags.filter { tag in
            tag.hasPrefix("US") && tag.count > 2 && tag.dropFirst(2).allSatisfy(\.isNumber)
        }
    }

    /// The requirement a citation names: `FR-001` and `US1` by id; Kiro's `2.3` as requirement 2.
    func resolve(_ citation: String) -> Requirement? {
        if let direct = byID[citation] { return direct }
        let number = citation.split(separator: ".").first.map(String.init) ?? citation
        if number.allSatisfy(\.isNumber), let kiro = byID["Requirement \(number)"] { return kiro }
        return nil
    }
}
