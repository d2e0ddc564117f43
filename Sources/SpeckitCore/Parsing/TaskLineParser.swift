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
    /// How much of an item's text is searched for facts other than dependencies; a longer text is hostile or
    /// pasted output. Dependencies are read from all of it.
    static let scanLimit = 4_000

    /// Reads a task line; dependency labels and the words that open them come from `words`.
    static func parse(_ fullText: String, words: ConceptWords = .standard) -> TaskLineFacts {
        let text = fullText.utf8.count > scanLimit ? String(fullText.prefix(scanLimit)) : fullText
        let firstLine = text.firstIndex(of: "\n").map { text[..<$0] } ?? Substring(text)
        var rest = Substring(firstLine.trimmingSpaces)
        var facts = TaskLineFacts(title: "")

        let id = Self.mayStartWithID(rest) ? TaskLinePrefix.id(rest) : .none
        if case .found(let found, let after) = id {
            facts.id = String(found)
            rest = after
        } else if id == .unsure, let match = rest.prefixMatch(of: idPattern) {
            facts.id = String(match.1)
            rest = rest[match.range.upperBound...]
        } else if let first = rest.first, first.isASCII, first.isNumber, let match = rest.prefixMatch(of: numericIDPattern) {
            facts.id = String(match.1)
            rest = rest[match.range.upperBound...]
        }
        while rest.first == "[" {
            let tag = TaskLinePrefix.tag(rest)
            if case .found(let found, let after) = tag {
                facts.tags.append(String(found))
                rest = after
            } else if tag == .unsure, let match = rest.prefixMatch(of: tagPattern) {
                facts.tags.append(String(match.1))
                rest = rest[match.range.upperBound...]
            } else {
                break
            }
        }
        var title = rest.trimmingSpaces

        // Each pattern below runs only when the text has a word it needs (regexes are slow; most lines have none).
        let lower = QuickScan.lowercased(text)
        let has = { (words: [[UInt8]]) in words.contains { QuickScan.contains(lower, $0) } }
        // Dependencies are read from the whole text, however long: a list cut short would hide an unknown id.
        let fullLower = text.utf8.count == fullText.utf8.count ? lower : QuickScan.lowercased(fullText)
        if words.dependencyBytes.any(in: fullLower) {
            facts.dependencies = DependencyText.labelled(in: fullText, words: words)
        }
        if QuickScan.containsExact(text, Keywords.requirementDash) || QuickScan.containsExact(text, Keywords.reqDash) {
            for match in text.matches(of: requirementRefPattern) where !facts.requirementRefs.contains(String(match.0)) {
                facts.requirementRefs.append(String(match.0))
            }
        }
        if has(Keywords.requirement), let match = text.firstMatch(of: kiroRequirementsPattern) {
            for ref in String(match.1).split(separator: ",") {
                let trimmed = ref.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "_*")))
                if !trimmed.isEmpty, !facts.requirementRefs.contains(trimmed) { facts.requirementRefs.append(trimmed) }
            }
        }
        if QuickScan.containsExact(text, Keywords.task) {
            for match in text.matches(of: taskRefPattern) {
                let ref = "Task \(match.1)"
                if ref != facts.id, !facts.taskRefs.contains(ref) { facts.taskRefs.append(ref) }
            }
        }
        if QuickScan.containsExact(title, Keywords.arrow) || QuickScan.containsExact(title, Keywords.asciiArrow),
            let match = title.firstMatch(of: assigneePattern)
        {
            facts.assignee = String(match.1)
            title = title[..<match.range.lowerBound].trimmingSpaces
        }
        if has(Keywords.priority), let match = text.firstMatch(of: priorityPattern) { facts.priority = String(match.1) }
        if has(Keywords.completed), let match = text.firstMatch(of: completedPattern) { facts.completed = String(match.1) }
        if has(Keywords.started), let match = text.firstMatch(of: startedPattern) { facts.started = String(match.1) }
        facts.title = title
        return facts
    }

    /// `T` and a digit, or two capitals and a dash (`TASK-7`): what `idPattern` needs at the start.
    static func mayStartWithID(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8.prefix(24))
        guard let first = bytes.first, first >= 0x41, first <= 0x5A else { return false }
        let second = bytes.count > 1 ? bytes[1] : 0
        if first == UInt8(ascii: "T"), second >= 0x30, second <= 0x39 { return true }
        let capitals = bytes.prefix { $0 >= 0x41 && $0 <= 0x5A }.count
        return capitals >= 2 && capitals + 1 < bytes.count && bytes[capitals] == UInt8(ascii: "-")
            && bytes[capitals + 1] >= 0x30 && bytes[capitals + 1] <= 0x39
    }

    /// The words each pattern needs, lowercase.
    enum Keywords {
        static let requirement: [[UInt8]] = [Array("requirement".utf8)]
        static let priority: [[UInt8]] = [Array("priority".utf8)]
        static let completed: [[UInt8]] = [Array("complete".utf8)]
        static let started: [[UInt8]] = [Array("started".utf8)]
        static let task = Array("Task".utf8), arrow = Array("→".utf8), asciiArrow = Array("->".utf8)
        static let requirementDash = Array("R-".utf8), reqDash = Array("Q-".utf8)
    }

    // T0.1, T2.1.1, T012, T150a, TASK-7 (not requirement prefixes).
    nonisolated(unsafe) static let idPattern = /(T\d+[a-z]?(?:\.\d+)*|(?!(?:FR|NFR|REQ|US|SC|AC)-)[A-Z]{2,}-\d+)(?=[\s:.)\]]|$)[:.)]?\s*/
    // Kiro's "1. Title", "2.1 Title".
    nonisolated(unsafe) static let numericIDPattern = /(\d+(?:\.\d+)+|\d+(?=\.\s))\.?\s+/
    nonisolated(unsafe) static let tagPattern = /\[([A-Za-z][A-Za-z0-9_-]{0,15})\]\s*/
    nonisolated(unsafe) static let requirementRefPattern = /\b(?:FR|NFR|REQ|BR|UR|SR)-\d+\b/
    nonisolated(unsafe) static let kiroRequirementsPattern = /(?i)_?requirements?\s*:\s*([0-9][0-9.,\s]*)/
    nonisolated(unsafe) static let taskRefPattern = /\bTask\s+(\d+(?:\.\d+)*)\b/
    nonisolated(unsafe) static let assigneePattern = /\s*(?:→|->)\s*\**@?([A-Za-z0-9][\w.-]*)\**\s*$/
    nonisolated(unsafe) static let priorityPattern = /(?i)\bpriority\s*:\s*([A-Za-z0-9]+)/
    nonisolated(unsafe) static let completedPattern =
        /(?i)\bcompleted?\s*:?\s*(\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})/
    nonisolated(unsafe) static let startedPattern = /(?i)\bstarted\s*:?\s*(\d{4}-\d{2}-\d{2})/
}
