import Foundation

extension ClaimScanner {
    /// Counts written as a field: "**Total Tasks**: 142", "Completed Phases: 6 (Phases 1, 2, 3)", "Tasks
    /// completed: 5/12", "**Progress**: 12/40". The label must name what is counted or a status.
    static func fieldCounts(in line: String, range: SourceRange) -> [Claim] {
        guard let match = line.prefixMatch(of: fieldCountPattern) else { return [] }
        let words = String(match.1).lowercased().split { !$0.isLetter && $0 != "-" }.map(String.init)
        let noun = nounWords.first { words.contains($0) }.map { singular($0) }
        let statusWord = words.first(where: isStatusWord)
        let isTotal = words.contains("total")
        let isProgress = words.contains("progress") && !words.contains("in")
        // Every word of the label must say what is counted or how: "Optional Sub-tasks", "Failing Tests" and
        // "Phase Order" count something else.
        guard words.count <= 4, noun != nil || statusWord != nil || isProgress,
            words.allSatisfy({ labelWords.contains($0) || nounWords.contains($0) || $0 == statusWord })
        else { return [] }
        let count = Int(match.2) ?? 0
        if let total = match.3.flatMap({ Int($0) }) {
            guard total > 0, statusWord == nil || StatusVocabulary.standard.status(forWord: statusWord!) == .done else { return [] }
            var claim = Claim(kind: .fraction, text: line, noun: noun ?? "task", count: count, range: range)
            claim.total = total
            claim.status = .done
            return [claim]
        }
        if isTotal || (statusWord == nil && noun != nil) {
            guard noun != nil else { return [] }
            return [Claim(kind: .total, text: line, noun: noun!, count: count, range: range)]
        }
        guard let statusWord else { return [] }
        var claim = Claim(kind: .count, text: line, noun: noun ?? "task", count: count, range: range)
        apply(status: statusWord, to: &claim)
        return [claim]
    }

    /// "All Phase 1 tasks complete (5/5)", "Phase 2 — API (3/8)": a bare fraction beside the phase or task it names.
    static func namedFraction(in line: String, range: SourceRange) -> Claim? {
        guard let match = line.firstMatch(of: namedFractionPattern), let total = Int(match.4), total > 0 else { return nil }
        var claim = Claim(kind: .fraction, text: line, noun: "task", count: Int(match.3) ?? 0, range: range)
        claim.total = total
        claim.status = .done
        claim.subject = normalisedSubject(String(match.1))
        return claim
    }

    /// How a table row, a field count or a bare fraction beside a name is quoted in a finding:
    /// `Phase 2: Core | 2 | 1`, `Total Tasks: 7`, `Phase 1 tasks complete (3/3)`; nil for other lines.
    static func quote(_ line: String) -> String? {
        let trimmed = line.trimmingSpaces
        if trimmed.hasPrefix("|") {
            return trimmed.trimmingCharacters(in: ["|", " "])
        }
        if let match = line.prefixMatch(of: fieldCountPattern) {
            let label = String(match.1).trimmingCharacters(in: [" ", "_", "*"])
            var quoted = "\(label): \(match.2)" + (match.3.map { "/\($0)" } ?? "")
            if let list = line[match.range.upperBound...].firstMatch(of: /^\s*\([^()]*\)/) { quoted += String(list.0) }
            return quoted
        }
        if line.firstMatch(of: fractionPattern) == nil, let match = line.firstMatch(of: namedFractionPattern) {
            return String(match.0)
        }
        return nil
    }

    /// `phase 1` → `Phase 1`, `task 3` → `Task 3`; T-ids as written.
    static func normalisedSubject(_ subject: String) -> String {
        let parts = subject.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return subject.uppercased() }
        return parts[0].capitalized + " " + parts[1]
    }

    /// The members listed in brackets after a field count: "Completed Phases: 6 (Phases 1, 2, 3, 5)" →
    /// `["1", "2", "3", "5"]`; nil when the line lists none.
    static func listedMembers(in line: String) -> [String]? {
        guard let match = line.firstMatch(of: memberListPattern) else { return nil }
        let items = match.1.split { $0 == "," || $0 == "&" }.flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard items.count >= 2, items.allSatisfy({ $0.first?.isNumber == true || $0.first == "T" }) else { return nil }
        return items
    }

    static let labelWords: Set<String> = [
        "total", "number", "of", "count", "overall", "all", "progress", "task", "tasks", "in", "not", "started", "to", "do",
        "status", "summary",
    ]

    static let nounWords = [
        "subtasks", "subtask", "sub-tasks", "sub-task", "tasks", "task", "items", "item", "phases", "phase", "requirements",
        "requirement", "stories", "story", "checks", "check", "deliverables", "deliverable", "steps", "step", "milestones",
        "milestone", "todos", "todo",
    ]

    /// A line that opens with a label and a colon: `**Status**: …`, `- Total tasks: …`.
    nonisolated(unsafe) static let fieldLinePattern = /\s*(?:[-*+]\s+)?[*_]*([\p{L}][\p{L} \-]{0,40})[*_]*\s*:/

    /// A word that names a status ("completed", "remaining", "done").
    static func isStatusWord(_ word: String) -> Bool {
        StatusVocabulary.standard.status(forWord: word) != nil || word == "remaining" || word == "left"
    }
    nonisolated(unsafe) static let fieldCountPattern =
        /\s*(?:[-*+]\s+)?[*_]*([A-Za-z][A-Za-z \-]{0,40}?)[*_]*\s*:\s*[*_]*\s*(\d+)(?:\s*\/\s*(\d+))?(?![\d.,:\/-]*\d)(?!\s*[%+~])(?!\s*[*_]*\s*\p{L})/
    nonisolated(unsafe) static let namedFractionPattern =
        /\b((?i:phase|task)\s+\d+(?:\.\d+)*|T\d{1,4}(?:\.\d+)*)\b([^()\/\n]{0,60}?)\(\s*(\d+)\s*\/\s*(\d+)\s*\)/
    nonisolated(unsafe) static let memberListPattern =
        /:\s*[*_]*\s*\d+[*_]*\s*\((?:(?i)phases?|tasks?|sprints?|milestones?|stages?)?\s*([^()]+)\)/
}
