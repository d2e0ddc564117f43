import Foundation

/// When two task entries with one id are the same task: a task restated in a summary or a "remaining work" list
/// keeps its title (perhaps shortened), while two different tasks that share an id have different titles. And
/// when one id names different tasks by design: list numbers that restart in every phase ("1.", "2." under each
/// `### Phase N`, or `### Task 1:` again in each phase) are per phase.
enum TaskIdentity {
    /// Whether `a` and `b` title the same task: equal once folded, one's words all in the other's ("Login form"
    /// restating "Implement the login form with validation"), or most of the shorter's words (three or more)
    /// in the longer with the same numbers.
    static func sameTask(_ a: String, _ b: String) -> Bool {
        let left = words(a)
        let right = words(b)
        guard !left.isEmpty, !right.isEmpty else {
            return a.lowercased().filter { $0.isLetter || $0.isNumber } == b.lowercased().filter { $0.isLetter || $0.isNumber }
        }
        if left == right { return true }
        let (short, long) = left.count <= right.count ? (left, right) : (right, left)
        if short.isSubset(of: long) { return true }
        // A restatement reworded a little ("Handler tests verification (BLOCKED)" for "Verify handler tests
        // pass … DONE") keeps most of its words; titles that differ in a number ("table 1", "table 2") do not.
        let numbers = short.filter { $0.allSatisfy(\.isNumber) }
        guard short.count >= 3, numbers.isSubset(of: long) else { return false }
        return Double(short.intersection(long).count) / Double(short.count) > 0.6
    }

    /// The words of a title that say what it is, lowercased, without filler and status decorations.
    static func words(_ title: String) -> Set<String> {
        let all = title.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(all.filter { ($0.count > 1 || $0.allSatisfy(\.isNumber)) && !filler.contains($0) })
    }

    static let filler: Set<String> = [
        "the", "an", "and", "of", "to", "for", "in", "on", "with", "by", "at", "from", "into", "is", "be", "all", "new",
        "done", "completed", "complete", "pending", "todo", "wip", "in-progress", "status",
    ]

    /// The phase each task of `document` belongs to, by position, when the document numbers its tasks anew in
    /// every phase (two or more phases hold a task numbered `1`); empty otherwise.
    static func restartingPhases(in document: Document) -> [String: String] {
        let restarting = document.phases.count { phase in phase.tasks.contains { $0.id == "1" || $0.id == "Task 1" } }
        guard restarting >= 2 else { return [:] }
        var out: [String: String] = [:]
        for phase in document.phases {
            for task in phase.allTasks where task.id.map(isPhaseNumber) == true {
                out[key(task.range)] = phase.id
            }
        }
        return out
    }

    /// A number a phase gives its tasks: a list number, or `Task 3` of `### Task 3: …` headings.
    static func isPhaseNumber(_ id: String) -> Bool {
        isListNumber(id) || (id.hasPrefix("Task ") && isListNumber(String(id.dropFirst(5))))
    }

    /// Whether an id is a list number (`1`, `2.3`) rather than a name (`T001`, `Task 3`).
    static func isListNumber(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { $0.isNumber || $0 == "." } && id.first!.isNumber
    }

    static func key(_ range: SourceRange) -> String {
        "\(range.file)\u{0}\(range.line)\u{0}\(range.column)"
    }
}
