/// The requirements of a kit and the references tasks make to them.
struct RequirementIndex {
    /// Requirements by id (`FR-001`, `US1`, `Requirement 2`).
    var byID: [String: Requirement] = [:]
    var ordered: [Requirement] = []
    /// The most acceptance criteria any requirement of an id has: a kit may hold several Kiro specs, each
    /// with its own "Requirement 2".
    var mostCriteria: [String: Int] = [:]
    /// Ids that open a line of a document other than a tasks list (`- FR-003 System MUST…`,
    /// `| FR-004 | …`, `### FR-005: Export`): defined, even where the parser did not read a requirement.
    var written: Set<String> = []

    init(_ context: RuleContext) {
        for document in context.kit.documents {
            for requirement in document.requirements {
                mostCriteria[requirement.id] = max(mostCriteria[requirement.id] ?? 0, requirement.acceptanceCriteria.count)
                guard byID[requirement.id] == nil else { continue }
                byID[requirement.id] = requirement
                ordered.append(requirement)
            }
            guard document.kind != .tasks else { continue }
            for (_, line) in context.proseLines(of: document) {
                if let id = Self.leadingID(line) { written.insert(id) }
            }
        }
    }

    /// The requirement id a line starts with, after list markers, table pipes, heading marks and emphasis.
    static func leadingID(_ line: Substring) -> String? {
        var rest = line.drop { " \t-*+|#>_".contains($0) }
        rest = rest.drop { $0.isNumber }.drop { $0 == "." || $0 == ")" || $0 == " " }.drop { $0 == "*" || $0 == "_" }
        let letters = rest.prefix { $0.isASCII && $0.isUppercase }
        guard (2...5).contains(letters.count), rest.dropFirst(letters.count).first == "-" else { return nil }
        let digits = rest.dropFirst(letters.count + 1).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let after = rest.dropFirst(letters.count + 1 + digits.count).first
        guard after == nil || !(after!.isLetter || after!.isNumber) else { return nil }
        return String(letters) + "-" + String(digits)
    }

    /// The requirement ids a task cites: its requirement references and its `[US1]` story tags.
    static func citations(of task: PlanTask) -> [String] {
        task.requirementRefs
            + task.tags.filter { tag in
                tag.hasPrefix("US") && tag.count > 2 && tag.dropFirst(2).allSatisfy(\.isNumber)
            }
    }

    /// The requirement a citation names: `FR-001` and `US1` by id; Kiro's `2.3` as requirement 2 when that
    /// requirement has a third acceptance criterion (or lists none speckit could read).
    func resolve(_ citation: String) -> Requirement? {
        if let (requirement, criterion) = kiroCriterion(citation) {
            let count = mostCriteria[requirement.id] ?? 0
            return count == 0 || (1...count).contains(criterion) ? requirement : nil
        }
        return resolveRequirement(citation)
    }

    /// Kiro's `1.2`: requirement 1's acceptance criterion 2, when the kit has a requirement 1.
    func kiroCriterion(_ citation: String) -> (requirement: Requirement, criterion: Int)? {
        let parts = citation.split(separator: ".")
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), let criterion = Int(parts[1]),
            byID[citation] == nil, let requirement = byID["Requirement \(parts[0])"]
        else { return nil }
        return (requirement, criterion)
    }

    private func resolveRequirement(_ citation: String) -> Requirement? {
        if let direct = byID[citation] { return direct }
        if written.contains(citation) {
            return Requirement(
                id: citation, text: citation, kind: .functional,
                range: SourceRange(file: "", line: 1, column: 1))
        }
        let number = citation.split(separator: ".").first.map(String.init) ?? citation
        if number.allSatisfy(\.isNumber), let kiro = byID["Requirement \(number)"] { return kiro }
        // `US-1.1`: story US-1's first criterion, the way Kiro-style specs number them under a prefixed id.
        if citation.contains("-"), let dot = citation.lastIndex(of: "."),
            citation[citation.index(after: dot)...].allSatisfy(\.isNumber)
        {
            return resolveRequirement(String(citation[..<dot]))
        }
        return nil
    }
}
