/// Taskmaster: `.taskmaster/tasks/*.json` (tags as phases) with the PRDs of `.taskmaster/docs/`, one kit
/// named `taskmaster`. Reports, templates, state and the generated `task_NNN.txt` are Taskmaster's own.
public struct TaskmasterLayout: KitLayout {
    public var profile: Kit.Profile { .taskmaster }
    public var hiddenFolders: [String] { [".taskmaster"] }
    public var expectedDocuments: [String] { ["tasks.json"] }

    public init() {}

    public func place(_ file: LayoutPath) -> LayoutPlacement {
        let parts = file.parts
        guard let taskmaster = parts.firstIndex(of: ".taskmaster") else { return .none }
        guard parts.count > taskmaster + 2 else { return .toolFile }
        let kit = KitPlacement(depth: taskmaster + 1, name: "taskmaster", expectedDocuments: [])
        switch parts[taskmaster + 1] {
        case "tasks" where parts.count == taskmaster + 3 && file.name.hasSuffix(".json"): return .kit(kit)
        case "docs" where file.isMarkdown: return .kit(kit)
        default: return .toolFile
        }
    }
}
