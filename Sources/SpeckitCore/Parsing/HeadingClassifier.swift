import Foundation

/// What a heading introduces.
enum HeadingRole: Equatable {
    /// A phase: `T2 — …`, `Phase 14.1 — …`, `Phase 3: User Story 1 … (Priority: P1)`.
    case phase(id: String, title: String, priority: String?)
    /// A task block: `Task 39: Health Schema Consolidation`, `Task 1.1: Deliverable Validation`.
    case task(id: String, title: String)
    /// A requirement or user story.
    case requirement(id: String, title: String, kind: Requirement.Kind, priority: String?)
    /// An OpenSpec scenario: `Scenario: Valid login`.
    case scenario(name: String)
    /// A heading that labels what follows: "Acceptance Criteria", "Deliverables".
    case label(ListLabel)
    case plain
}

/// What the items of a list under a label are.
enum ListLabel: Equatable {
    case acceptance(String)
    case deliverables
}

/// Recognises phase, task, requirement and label headings.
enum HeadingClassifier {
    nonisolated(unsafe) static let enumeratorPattern = /[A-Z0-9]{1,2}[).]\s+/
    nonisolated(unsafe) static let priorityPattern = /\(\s*[Pp]riority\s*:\s*([^)]+?)\s*\)/

    /// Classifies a heading title from which the status suffix has already been removed.
    static func classify(_ title: String) -> HeadingRole {
        let text = stripEnumerator(title)
        if let match = text.wholeMatch(of: phasePattern) {
            let number = String(match.2)
            let keyword = String(match.1).capitalized
            var rest = match.3.map { String($0) } ?? ""
            let priority = extractPriority(&rest)
            return .phase(id: "\(keyword) \(number)", title: rest.trimmingCharacters(in: StatusSuffix.trimSet), priority: priority)
        }
        if let match = text.wholeMatch(of: tPhasePattern) {
            var rest = String(match.2)
            let priority = extractPriority(&rest)
            return .phase(id: String(match.1), title: rest.trimmingCharacters(in: StatusSuffix.trimSet), priority: priority)
        }
        if let match = text.wholeMatch(of: taskPattern) {
            return .task(id: "Task \(match.1)", title: String(match.2).trimmingCharacters(in: StatusSuffix.trimSet))
        }
        if let match = text.wholeMatch(of: userStoryPattern) {
            var rest = match.2.map { String($0) } ?? ""
            let priority = extractPriority(&rest)
            return .requirement(
                id: "US\(match.1)", title: rest.trimmingCharacters(in: StatusSuffix.trimSet),
                kind: .userStory, priority: priority)
        }
        if let match = text.wholeMatch(of: requirementPattern) {
            let number = match.1.map { String($0) }
            let name = (match.2.map { String($0) } ?? "").trimmingCharacters(in: StatusSuffix.trimSet)
            let id = number.map { "Requirement \($0)" } ?? name
            return .requirement(id: id, title: name.isEmpty ? id : name, kind: .requirement, priority: nil)
        }
        if let match = text.wholeMatch(of: scenarioPattern) {
            return .scenario(name: String(match.1).trimmingCharacters(in: .whitespaces))
        }
        if let label = LabelClassifier.label(text, requireColon: false) { return .label(label) }
        return .plain
    }

    /// Drops "A) ", "1. ", "B. " enumerators that some plans put before section names.
    static func stripEnumerator(_ text: String) -> String {
        if let match = text.prefixMatch(of: Self.enumeratorPattern) {
            let rest = text[match.range.upperBound...]
            if !rest.isEmpty { return String(rest) }
        }
        return text
    }

    /// Removes a "(Priority: P1)" group from `text` and returns the priority.
    static func extractPriority(_ text: inout String) -> String? {
        guard let match = text.firstMatch(of: Self.priorityPattern) else { return nil }
        let priority = String(match.1)
        text.removeSubrange(match.range)
        text = text.trimmingCharacters(in: .whitespaces)
        return priority
    }

    // "Phase 14.1 — Title", "Phase 3: Title", "Stage 2", "Milestone 1 - Title" (a separator or nothing after the number).
    nonisolated(unsafe) static let phasePattern =
        /(?i)(phase|stage|milestone|sprint|iteration)\s+(\d+(?:\.\d+)*)(?:\s*(?:[:—–.)]|\s-|-\s)\s*(.*))?/
    // "T2 — Edge Function", "T0: Spec Kit"
    nonisolated(unsafe) static let tPhasePattern = /(T\d+)\s*(?:[:—–]|\s-)\s*(.+)/
    nonisolated(unsafe) static let taskPattern =
        /(?i)task\s+(\d+(?:\.\d+)*|[A-Z]+-?\d+)\s*(?:[:—–.)]|\s-)\s*(.+)/
    nonisolated(unsafe) static let userStoryPattern = /(?i)user\s+story\s+(\d+)\s*(?:[:—–.]|\s-)?\s*(.*)?/
    nonisolated(unsafe) static let requirementPattern = /(?i)requirement\s*(\d+(?:\.\d+)*)?\s*(?::\s*(.*))?/
    nonisolated(unsafe) static let scenarioPattern = /(?i)scenario\s*\d*\s*:\s*(.+)/
}
