import Foundation

extension CanonicalStatus {
    /// How a status reads in a message: `in progress`, `done`.
    package var phrase: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// Work is open: not started, under way, waiting or in review.
    var isOpen: Bool {
        switch self {
        case .todo, .inProgress, .review, .blocked: return true
        default: return false
        }
    }
}

extension PlanTask {
    /// How messages name a task: its id, else its title in quotes.
    var label: String {
        guard let id else { return "'\(title.count > 40 ? String(title.prefix(39)) + "…" : title)'" }
        // Kiro's and Taskmaster's bare numbers read better as "task 1.2".
        return id.allSatisfy { $0.isNumber || $0 == "." } ? "task \(id)" : id
    }

    /// How a sentence names a task: `task T2.1`, `Task 39` (already says task), `task 'Write the API'`.
    var name: String {
        if label.lowercased().hasPrefix("task") { return label }
        return "task " + label
    }
}

/// A short list of task labels for a message: `T1.3, T1.4 and 5 more`.
func summarise(_ tasks: [PlanTask], limit: Int = 4) -> String {
    let names = tasks.prefix(limit).map(\.label)
    let more = tasks.count - names.count
    return names.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
}
