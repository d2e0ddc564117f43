/// A plan file on its own: any file whose name says it is a plan (`tasks.md`, `ROADMAP.md`,
/// `sprint-plan.yaml` …), and any Markdown file of a hidden plan folder (`.planning/`, `.github/plans/`) or
/// right in a folder named `plans` or `tasks`, but a README. Each file is a kit of its own; READMEs,
/// changelogs and other documents are left alone.
public struct FreeformLayout: KitLayout {
    public var profile: Kit.Profile { .freeform }
    public var hiddenFolders: [String] { Self.planFolders }
    public var expectedDocuments: [String] { [] }

    /// Hidden folders that hold nothing but plans.
    static let planFolders = [".planning", ".specs", ".ai", ".github/plans"]

    /// Words of a file name that make a loose file a plan (`implementation-tasks.md`, `ROADMAP.md`,
    /// `sprintPlan.yaml`). Whole words only: `speckit.md` and `inspection.md` are no specs.
    static let planWords: Set<String> = [
        "plan", "plans", "planning", "task", "tasks", "tasklist", "todo", "todos", "roadmap", "backlog", "milestone",
        "milestones", "sprint", "sprints", "prd", "prds", "requirement", "requirements", "checklist", "checklists",
        "constitution", "proposal",
    ]
    /// Words that make a plan only as the name's last word (`spec.md`, `feature-spec.md`, not `spec-driven.md`).
    static let lastWords: Set<String> = ["spec", "specification"]

    public init() {}

    public func place(_ file: LayoutPath) -> LayoutPlacement {
        let plan =
            Self.namedLikePlan(file.parts.last ?? "")
            || (file.isMarkdown && Self.inPlanFolder(file.parts) && !file.name.hasPrefix("readme"))
        return plan ? .kit(KitPlacement(depth: file.parts.count - 1, single: true)) : .none
    }

    /// Whether a file's name says it is a plan.
    static func namedLikePlan(_ name: String) -> Bool {
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let words = Self.words(stem)
        guard let last = words.last else { return false }
        return words.contains(where: planWords.contains) || lastWords.contains(last) || name.lowercased().contains("to-do")
    }

    /// The lowercased words of a name: split at anything but letters and digits, where camel case turns
    /// (`sprintPlan` is `sprint`, `plan`) and between letters and digits (`task2`); digits alone are no word.
    static func words(_ stem: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in stem {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if let previous, (character.isUppercase && previous.isLowercase) || character.isNumber != previous.isNumber {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }.filter { !$0.allSatisfy(\.isNumber) }
    }

    /// Whether every word of a file's name is a plan word (`tasks.md`, `sprint-plan.yaml`, `06-01-PLAN.md`).
    static func namedOnlyByPlanWords(_ name: String) -> Bool {
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let words = Self.words(stem)
        return !words.isEmpty && words.allSatisfy { planWords.contains($0) || lastWords.contains($0) }
    }

    /// Whether a path lies in a hidden plan folder, or right in a folder named `plans` or `tasks`.
    static func inPlanFolder(_ parts: [String]) -> Bool {
        let folders = parts.dropLast()
        if let last = folders.last, ["plans", "tasks"].contains(last.lowercased()) { return true }
        return planFolders.map { $0.split(separator: "/").map(String.init) }.contains { folder in
            folders.indices.contains { start in folders[start...].starts(with: folder) }
        }
    }
}
