import Foundation

/// What the text of one task line says about the task:
/// `T012 [P] [US1] Create User model in src/models/user.py (depends on T010) → **codex**`.
struct TaskLineFacts: Equatable {
    var id: String?
    var title: String
    var tags: [String] = []
    var dependencies: [String] = []
    var requirementRefs: [String] = []
    var taskRefs: [String] = []
    var assignee: String?
    var priority: String?
    var started: String?
    var completed: String?
}

/// Reads ids, tags, dependencies, requirement and task references, assignees and dates from a task line.
enum TaskLineParser {
    /// How much of an item's text is searched for facts; a longer text is hostile or pasted output.
    static let scanLimit = 4_000

    static func parse(_ fullText: String) -> TaskLineFacts {
        let text = fullText.count > scanLimit ? String(fullText.prefix(scanLimit)) : fullText
        let firstLine = String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        var rest = Substring(firstLine.trimmingCharacters(in: .whitespaces))
        var facts = TaskLineFacts(title: "")

        if let match = rest.prefixMatch(of: idPattern) {
            facts.id = String(match.1)
            rest = rest[match.range.upperBound...]
        } else if let match = rest.prefixMatch(of: numericIDPattern) {
            facts.id = String(match.1)
            rest = rest[match.range.upperBound...]
        }
        while let match = rest.prefixMatch(of: tagPattern) {
            facts.tags.append(String(match.1))
            rest = rest[match.range.upperBound...]
        }
        var title = String(rest).trimmingCharacters(in: .whitespaces)

        for match in text.matches(of: dependsPattern) {
            facts.dependencies += DependencyText.ids(in: String(match.1))
        }
        for match in text.matches(of: requirementRefPattern) where !facts.requirementRefs.contains(String(match.0)) {
            facts.requirementRefs.append(String(match.0))
        }
        if let match = text.firstMatch(of: kiroRequirementsPattern) {
            for ref in String(match.1).split(separator: ",") {
                let trimmed = ref.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "_*")))
                if !trimmed.isEmpty, !facts.requirementRefs.contains(trimmed) { facts.requirementRefs.append(trimmed) }
            }
        }
        for match in text.matches(of: taskRefPattern) {
            let ref = "Task \(match.1)"
            if ref != facts.id, !facts.taskRefs.contains(ref) { facts.taskRefs.append(ref) }
        }
        if let match = title.firstMatch(of: assigneePattern) {
            facts.assignee = String(match.1)
            title = String(title[..<match.range.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        if let match = text.firstMatch(of: priorityPattern) { facts.priority = String(match.1) }
        if let match = text.firstMatch(of: completedPattern) { facts.completed = String(match.1) }
        if let match = text.firstMatch(of: startedPattern) { facts.started = String(match.1) }
        facts.title = title
        return facts
    }

    // T0.1, T2.1.1, T012, TASK-7 (not requirement prefixes).
    nonisolated(unsafe) static let idPattern = /(T\d+(?:\.\d+)*|(?!(?:FR|NFR|REQ|US|SC|AC)-)[A-Z]{2,}-\d+)(?=[\s:.)\]]|$)[:.)]?\s*/
    // Kiro's "1. Title", "2.1 Title".
    nonisolated(unsafe) static let numericIDPattern = /(\d+(?:\.\d+)+|\d+(?=\.\s))\.?\s+/
    nonisolated(unsafe) static let tagPattern = /\[([A-Za-z][A-Za-z0-9_-]{0,15})\]\s*/
    nonisolated(unsafe) static let dependsPattern =
        /(?i)\b(?:depends\s+on|dependencies|deps|after|requires|blocked\s+by|needs)\s*:?\s+((?:(?:T\d+(?:\.\d+)*|Task\s+\d+(?:\.\d+)*|\d+(?:\.\d+)*)(?:\s*(?:,|and|&)\s*)?)+)/
    nonisolated(unsafe) static let requirementRefPattern = /\b(?:FR|NFR|REQ|BR|UR|SR)-\d+\b/
    nonisolated(unsafe) static let kiroRequirementsPattern = /(?i)_?requirements?\s*:\s*([0-9][0-9.,\s]*)/
    nonisolated(unsafe) static let taskRefPattern = /\bTask\s+(\d+(?:\.\d+)*)\b/
    nonisolated(unsafe) static let assigneePattern = /\s*(?:→|->)\s*\**@?([A-Za-z0-9][\w.-]*)\**\s*$/
    nonisolated(unsafe) static let priorityPattern = /(?i)\bpriority\s*:\s*([A-Za-z0-9]+)/
    nonisolated(unsafe) static let completedPattern =
        /(?i)\bcompleted?\s*:?\s*(\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})/
    nonisolated(unsafe) static let startedPattern = /(?i)\bstarted\s*:?\s*(\d{4}-\d{2}-\d{2})/
}

/// Reads the ids out of a dependency text: `[39, 40]`, `T1 complete`, `Task 1.1, 1.2, 1.3`, `none`.
enum DependencyText {
    nonisolated(unsafe) static let idsPattern = /(?i)\b(Task\s+\d+(?:\.\d+)*|Phase\s+\d+(?:\.\d+)*|T\d+(?:\.\d+)*|[A-Z]{2,}-\d+|\d+(?:\.\d+)*)\b/

    static func ids(in text: String) -> [String] {
        var out: [String] = []
        var prefix: String?
        for match in text.matches(of: Self.idsPattern) {
            var id = String(match.1)
            if id.lowercased().hasPrefix("task") {
                id = "Task " + id.dropFirst(4).trimmingCharacters(in: .whitespaces)
                prefix = "Task "
            } else if id.lowercased().hasPrefix("phase") {
                id = "Phase " + id.dropFirst(5).trimmingCharacters(in: .whitespaces)
                prefix = "Phase "
            } else if let prefix, id.first?.isNumber == true {
                // "Phase 1, 2, 3": the bare numbers are phases too.
                id = prefix + id
            } else {
                prefix = nil
            }
            if !out.contains(id) { out.append(id) }
        }
        return out
    }
}
