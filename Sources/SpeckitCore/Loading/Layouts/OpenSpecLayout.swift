/// OpenSpec: a change is `openspec/changes/<id>/` (proposal, tasks, design and spec deltas); an archived one
/// is `openspec/changes/archive/<id>/`, reported but counted apart; the current specs,
/// `openspec/specs/<capability>/spec.md`, are one kit. `project.md`, `AGENTS.md` and the like are OpenSpec's own.
public struct OpenSpecLayout: KitLayout {
    public var profile: Kit.Profile { .openspec }
    public var expectedDocuments: [String] { ["proposal.md", "tasks.md"] }

    public init() {}

    public func place(_ file: LayoutPath) -> LayoutPlacement {
        let parts = file.parts
        guard let open = parts.lastIndex(of: "openspec"), parts.count > open + 1 else { return .none }
        guard parts.count > open + 2, file.isMarkdown else { return .toolFile }
        switch parts[open + 1] {
        case "changes":
            if parts[open + 2] == "archive" {
                return parts.count > open + 4 ? .kit(KitPlacement(depth: open + 4, archived: true)) : .toolFile
            }
            return .kit(KitPlacement(depth: open + 3))
        case "specs":
            return .kit(KitPlacement(depth: open + 2, expectedDocuments: []))
        default:
            return .toolFile
        }
    }

    public func defaultSections(fileName: String) -> [String] {
        fileName == "proposal.md" ? ["Why", "What Changes"] : []
    }
}
