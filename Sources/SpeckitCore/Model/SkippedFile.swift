/// A file found while walking folders that was not read as a plan, and why: a template, a file that is not
/// a plan by its content, or a text file that looks like a plan but is not read when walking.
public struct SkippedFile: Codable, Hashable, Sendable {
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// A YAML or JSON file taken by its name that holds something else (a Compose file, a Kubernetes object …).
        case notAPlan = "not-a-plan"
        /// A template or an agent's prompt (`templates/`, `*-template.md`, `.claude/commands/`): read with
        /// `--include-templates`.
        case template
        /// A `.txt` file that looks like a plan: read when named on the command line.
        case textFile = "text-file"
        /// A file in a test-data folder (`tests/`, `fixtures/`, `testdata/`): a tool's sample plans, often broken
        /// on purpose; read when named on the command line or walked from inside that folder.
        case testData = "test-data"
    }

    public var path: String
    public var reason: Reason
    /// What it is (`a Compose file (services)`, `a templates/ folder`).
    public var detail: String

    public init(path: String, reason: Reason, detail: String) {
        self.path = path
        self.reason = reason
        self.detail = detail
    }

    /// `skipped 3 files that are not plans, 12 templates and 2 .txt files`, or nil when nothing was skipped.
    public static func summary(_ skipped: [SkippedFile]) -> String? {
        guard !skipped.isEmpty else { return nil }
        let count = { (reason: Reason) in skipped.count { $0.reason == reason } }
        var parts: [String] = []
        let notPlans = count(.notAPlan)
        let templates = count(.template)
        let texts = count(.textFile)
        let tests = count(.testData)
        if notPlans > 0 {
            parts.append(Plural.count(notPlans, "file") + Plural.pick(notPlans, " that is not a plan", " that are not plans"))
        }
        if templates > 0 { parts.append(Plural.count(templates, "template")) }
        if texts > 0 { parts.append(Plural.count(texts, ".txt file")) }
        if tests > 0 { parts.append(Plural.count(tests, "file") + " of test data") }
        let list = parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1] : parts[0]
        return "skipped " + list
    }

    /// `path: a Compose file (services), not a plan`: one line of `--verbose`.
    public var line: String {
        switch reason {
        case .notAPlan: return "\(path): \(detail), not a plan"
        case .template: return "\(path): \(detail) (--include-templates reads it)"
        case .textFile: return "\(path): \(detail) (name it on the command line to read it)"
        case .testData: return "\(path): \(detail) (name it, or its folder, on the command line to read it)"
        }
    }
}
