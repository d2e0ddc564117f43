/// Task blocks written as a heading or a bold line with an id: `### T001: Setup`, `### T-001: Title`,
/// `### ENV-01 — Title`, `**ID 24.4: Title**`. Read only in task and plan documents, and never for ids
/// that name requirements, criteria or decisions (`### FR-005: Export`, `### AC-001: Exact match`).
enum TaskHeading {
    /// The id and title a heading or bold line introduces, or nil. Outside a tasks document (`anyPrefix`
    /// false) only task-shaped ids count (`T001`, `T-001`, `TASK-12`, `TODO-3`, `ID 24.4`): a plan or report
    /// also heads criteria and findings with ids (`### IV1: …`).
    static func match(_ text: String, anyPrefix: Bool = true) -> (id: String, title: String)? {
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        let id = String(match.2)
        // A bare number (`### 3: Title`) is a task only behind the word `ID`; `Task 3:` is HeadingClassifier's.
        if id.allSatisfy(\.isNumber), match.1 == nil { return nil }
        let prefix = id.prefix { $0.isLetter }.uppercased()
        guard !excludedPrefixes.contains(prefix) else { return nil }
        guard anyPrefix || match.1 != nil || taskPrefixes.contains(prefix) else { return nil }
        // `T2 — Edge Function` is a phase (HeadingClassifier); Spec Kit task ids have three digits or more.
        if prefix == "T", !id.contains("-"), id.dropFirst().prefix(while: \.isNumber).count < 3 { return nil }
        let title = String(match.title).trimmingCharacters(in: StatusSuffix.trimSet)
        guard !title.isEmpty else { return nil }
        // Tags written between the id and the separator (`### T006 [P]: Model`) stay with the title.
        let tags = String(match.tags).trimmingCharacters(in: .whitespaces)
        return (id, tags.isEmpty ? title : title + " " + tags)
    }

    /// The title without its `[P]` / `[US1]` tags, and the tags.
    static func tags(in title: String) -> (title: String, tags: [String]) {
        let tags = title.matches(of: tagPattern).map { String($0.1) }
        guard !tags.isEmpty else { return (title, []) }
        return (title.replacing(tagPattern, with: "").collapsingWhitespace.trimmingCharacters(in: .whitespaces), tags)
    }

    nonisolated(unsafe) static let tagPattern = /\[(P|US\d+)\]/

    /// Whether a paragraph's first line is written wholly in bold (`**ID 24.4: Title**`).
    static func isBoldLine(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 4
            && (trimmed.hasPrefix("**") && trimmed.hasSuffix("**") || trimmed.hasPrefix("__") && trimmed.hasSuffix("__"))
    }

    /// Prefixes that name tasks in any document.
    static let taskPrefixes: Set<String> = ["T", "TASK", "TODO", "TSK", "TK"]

    /// Prefixes of requirement, criterion, story and decision ids.
    static let excludedPrefixes: Set<String> = [
        "FR", "NFR", "REQ", "R", "AC", "US", "SC", "BR", "UR", "SR", "NF", "UC", "ADR", "RFC", "CHK", "Q", "RISK", "DEC",
    ]

    // An optional `ID` word, an id with digits (`T001`, `T-001`, `ENV-01`, `24.4`, `API-2.1`), tags, a
    // separator, the title.
    nonisolated(unsafe) static let pattern =
        /(ID\s+)?((?:[A-Z][A-Z0-9]{0,7}-?)?\d+(?:\.\d+)*[a-z]?)(?<tags>(?:\s*\[[A-Za-z0-9]{1,6}\])*)\s*(?:[:—–]|\s-)\s*(?<title>.+)/
}
