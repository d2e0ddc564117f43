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
    /// `**Checklist:**`, `Definition of Done:` before a list: its boxes are checks, never tasks.
    case checklist(String)
    /// `**User Story Reference:**`, `**References:**`, `**Source:**` before a list: it describes another
    /// artifact, so a `Status:` in it is that artifact's, not the task's.
    case reference
    /// A status legend (`- [!] **Blocked** - Cannot proceed`, one item per status): its boxes define markers.
    case legend
}

/// Recognises phase, task, requirement and label headings.
enum HeadingClassifier {
    nonisolated(unsafe) static let enumeratorPattern = /[A-Z0-9]{1,2}[).]\s+/

    /// Classifies a heading title from which the status suffix has already been removed, with the phase,
    /// user story and priority words of `words` (every built-in language unless the configuration adds more).
    static func classify(_ title: String, words: ConceptWords = .standard) -> HeadingRole {
        let text = stripEnumerator(title)
        if let (keyword, number, rest) = numbered(.phase, in: text, words: words, requireSeparator: true) {
            var rest = rest
            let priority = extractPriority(&rest, words: words)
            return .phase(
                id: "\(keyword.capitalized) \(number)", title: rest.trimmingCharacters(in: StatusSuffix.trimSet),
                priority: priority)
        }
        // Each pattern below runs only on a text that starts as it must (regexes are slow).
        let head = Array(text.utf8.prefix(11)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let starts = { (word: String) in head.starts(with: word.utf8) }
        if head.count > 1, text.utf8.first == UInt8(ascii: "T"), head[1] >= 0x30, head[1] <= 0x39,
            let match = text.wholeMatch(of: tPhasePattern)
        {
            var rest = String(match.2)
            let priority = extractPriority(&rest, words: words)
            return .phase(id: String(match.1), title: rest.trimmingCharacters(in: StatusSuffix.trimSet), priority: priority)
        }
        if starts("task"), let match = text.wholeMatch(of: taskPattern) {
            return .task(id: "Task \(match.1)", title: String(match.2).trimmingCharacters(in: StatusSuffix.trimSet))
        }
        if let (_, number, rest) = numbered(.userStory, in: text, words: words, requireSeparator: false),
            number.allSatisfy(\.isNumber)
        {
            var rest = rest
            let priority = extractPriority(&rest, words: words)
            return .requirement(
                id: "US\(number)", title: rest.trimmingCharacters(in: StatusSuffix.trimSet),
                kind: .userStory, priority: priority)
        }
        if starts("requirement"), let match = text.wholeMatch(of: requirementPattern) {
            let number = match.1.map { String($0) }
            let name = (match.2.map { String($0) } ?? "").trimmingCharacters(in: StatusSuffix.trimSet)
            let id = number.map { "Requirement \($0)" } ?? name
            return .requirement(id: id, title: name.isEmpty ? id : name, kind: .requirement, priority: nil)
        }
        if starts("scenario"), let match = text.wholeMatch(of: scenarioPattern) {
            return .scenario(name: String(match.1).trimmingCharacters(in: .whitespaces))
        }
        if let label = LabelClassifier.label(text, requireColon: false, words: words) { return .label(label) }
        return .plain
    }

    /// `Phase 14.1 — Title`, `フェーズ 2b: Title`, `User Story 3 - Title`, `用户故事 1 — Title`: a word of
    /// `concept`, a number (dotted, with an optional letter), then a separator and the rest, or nothing.
    /// Without `requireSeparator` the rest may follow the number after a space alone.
    static func numbered(
        _ concept: VocabularyConcept, in text: String, words: ConceptWords, requireSeparator: Bool
    ) -> (keyword: String, number: String, rest: String)? {
        let whole = Substring(text)
        guard let afterWord = words.remainder(after: concept, in: whole) else { return nil }
        let keyword = String(whole[..<afterWord.startIndex])
        let spaced = afterWord.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        // A Latin word needs a space before its number ("Phase2" is a name); CJK words do not.
        if spaced.startIndex == afterWord.startIndex, keyword.last?.isASCII == true { return nil }
        guard let number = spaced.prefixMatch(of: numberPattern) else { return nil }
        let after = spaced[number.range.upperBound...]
        if after.isEmpty { return (keyword, String(number.0), "") }
        let trimmed = after.drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
        if let first = trimmed.first, ":：—–.)）".contains(first) {
            return (keyword, String(number.0), String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces))
        }
        if trimmed.first == "-", trimmed.dropFirst().first == " " || trimmed.startIndex > after.startIndex {
            return (keyword, String(number.0), String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces))
        }
        if trimmed.isEmpty { return (keyword, String(number.0), "") }
        guard !requireSeparator, trimmed.startIndex > after.startIndex || !(trimmed.first?.isASCII ?? true) else {
            return nil
        }
        return (keyword, String(number.0), String(trimmed))
    }

    /// Drops "A) ", "1. ", "B. " enumerators that some plans put before section names.
    static func stripEnumerator(_ text: String) -> String {
        // `[A-Z0-9]{1,2}[).]`: a `)` or `.` second or third.
        let head = Array(text.utf8.prefix(3))
        guard head.count == 3, [UInt8(ascii: ")"), UInt8(ascii: ".")].contains(where: { $0 == head[1] || $0 == head[2] }) else {
            return text
        }
        if let match = text.prefixMatch(of: Self.enumeratorPattern) {
            let rest = text[match.range.upperBound...]
            if !rest.isEmpty { return String(rest) }
        }
        return text
    }

    /// Removes a "(Priority: P1)", "（优先级：P1）" or "(優先度: P1)" group from `text` and returns the priority.
    static func extractPriority(_ text: inout String, words: ConceptWords = .standard) -> String? {
        var search = text.startIndex
        while let open = text[search...].firstIndex(where: { $0 == "(" || $0 == "（" }) {
            let inside = text[text.index(after: open)...].drop { $0 == " " }
            if let afterWord = words.remainder(after: .priority, in: inside) {
                let value = afterWord.drop { $0 == " " }
                if let colon = value.first, colon == ":" || colon == "：",
                    let close = value.firstIndex(where: { $0 == ")" || $0 == "）" })
                {
                    let priority = value[value.index(after: value.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                    if !priority.isEmpty {
                        text.removeSubrange(open...close)
                        text = text.trimmingCharacters(in: .whitespaces)
                        return priority
                    }
                }
            }
            search = text.index(after: open)
        }
        return nil
    }

    // "14.1", "2b", "3".
    nonisolated(unsafe) static let numberPattern = /\d+(?:\.\d+)*[a-z]?(?![\w])/
    // "T2 — Edge Function", "T0: Spec Kit"
    nonisolated(unsafe) static let tPhasePattern = /(T\d+)\s*(?:[:—–]|\s-)\s*(.+)/
    nonisolated(unsafe) static let taskPattern =
        /(?i)task\s+(\d+(?:\.\d+)*|[A-Z]+-?\d+)\s*(?:[:—–.)]|\s-)\s*(.+)/
    nonisolated(unsafe) static let requirementPattern = /(?i)requirement\s*(\d+(?:\.\d+)*)?\s*(?::\s*(.*))?/
    nonisolated(unsafe) static let scenarioPattern = /(?i)scenario\s*\d*\s*:\s*(.+)/
}
