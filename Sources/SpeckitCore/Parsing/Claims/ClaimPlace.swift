import Foundation

/// Where a line that may count the document stands, as far as the claim scanner needs to know: a counting
/// sentence is a claim only when its scope is clear (issue 16: "claims with a scope or not at all").
struct ClaimPlace: Sendable {
    /// The line is under a summary or progress heading ("## Summary", "### Progress Tracking"), or is one.
    var summary = false
    /// The phase the line belongs to, when one is open.
    var phase: String?
    /// The line is the phase's own heading.
    var phaseHeading = false
    /// The line sits inside a task (its text or a line of its block), not in the phase's own body.
    var inTask = false
    /// The line is in the phase's own body before its first task, where its status lines stand: no deeper
    /// heading and no task in between.
    var phaseBody = false
    /// The line is in the document's header: before the first heading below the title.
    var header = false
    /// The line is quoted (`> …`): someone else's words, not the plan's.
    var quoted = false

    /// Section titles that introduce a summary of the document or of the phase they sit in.
    static let summaryWords: Set<String> = [
        // Not "metrics" or "completion": "Success Metrics" counts users and steps, not tasks.
        "summary", "progress", "status", "totals", "total", "statistics", "stats", "tracking", "dashboard", "resumen", "progreso", "estado",
        "resumo", "progresso", "avancement",
        "fortschritt", "進捗", "进度", "進度", "状態", "状态", "요약", "진행",
    ]

    /// Whether a heading's title names a summary: "Summary", "Task Summary", "Progress Tracking", "Status (2025-01-02)".
    static func isSummaryHeading(_ title: String) -> Bool {
        let words = title.lowercased().split { !$0.isLetter }.map(String.init)
        guard !words.isEmpty, words.count <= 6 else { return false }
        return words.indices.contains { index in
            // "(In Progress)" is a status, not a progress section.
            summaryWords.contains(words[index]) && !(words[index] == "progress" && index > 0 && words[index - 1] == "in")
        }
    }
}

/// Sentences that count something but are not the document counting itself.
enum ClaimExclusions {
    /// Whether the line is about another file, spec or folder, an example, a test scenario or an earlier state.
    static func excludes(_ line: String) -> Bool {
        let lower = line.lowercased()
        if lower.firstMatch(of: otherPlace) != nil { return true }
        if lower.firstMatch(of: example) != nil { return true }
        let opening = lower.drop { " -*+>_`#[]x0123456789.)".contains($0) }
        if let verb = opening.split(separator: " ", maxSplits: 1).first, scenarioVerbs.contains(String(verb)) { return true }
        return false
    }

    /// Verbs that open a test scenario or an instruction, not a statement: "Create 5 incomplete and 3 complete tasks".
    static let scenarioVerbs: Set<String> = [
        "create", "creates", "add", "adds", "generate", "generates", "make", "insert", "seed", "write", "given", "when", "then",
        "simulate", "mock", "setup", "set", "verify", "verifies", "test", "tests", "assert", "expect", "expects", "should", "ensure",
        "run", "build", "produce", "produces", "split", "break", "divide", "organize", "organise", "group",
    ]

    /// A file name, a path, or a word that names another spec, folder or repository ("510/510 tasks complete in
    /// specs/002-auth", "across all specs", "tasks.md lists 48 tasks").
    nonisolated(unsafe) static let otherPlace =
        /[a-z0-9_-]+\.(?:md|markdown|ya?ml|json|txt)\b|[a-z_][\w.-]*\/[\w.-]*[a-z]|\b(?:specs?|folders?|director(?:y|ies)|repositor(?:y|ies)|repos?|projects?|features?\s+\d{3}|\d{3}-[a-z])\b/
    /// An example or an earlier state: "e.g. 3/5 tasks", "for example", "0/0 tasks initially".
    nonisolated(unsafe) static let example =
        /\be\.g\.|\bfor example\b|\bexample\b|\binitially\b|\boriginally\b|\bpreviously\b|\bbefore\b|\bwas\b|\bwere\b/

    /// Words that, written just before a number, make it an ordinal or a name: "Phase 1 tasks", "Task 3",
    /// "Sprint 2 complete", "User Story 1 items".
    static let ordinalWords: Set<String> = [
        "phase", "task", "step", "sprint", "milestone", "stage", "story", "week", "day",
        "iteration", "part", "section", "chapter", "wave", "epic", "level", "version", "release", "slice", "group", "batch",
        "item", "round", "cycle", "track", "fase", "etapa", "us", "fr", "req", "requirement", "no", "number", "v", "p",
    ]

    /// Whether the number at `index` is an ordinal ("Phase 1", "Task 3", "#2", "US1").
    static func isOrdinal(_ line: String, at index: String.Index) -> Bool {
        let before = line[..<index].reversed().drop { $0 == " " || $0 == "*" || $0 == "_" }
        guard let last = before.first else { return false }
        if last == "#" { return true }
        let word = String(before.prefix { $0.isLetter }.reversed()).lowercased()
        return ordinalWords.contains(word)
    }
}
