/// speckit's own layout, what `speckit generate` writes: `spec/<kit>/{constitution,prd,plan,tasks}.md`
/// (tasks may be YAML), or any folder holding a constitution and at least one more of those documents.
public struct SpeckitLayout: KitLayout {
    public var profile: Kit.Profile { .speckit }
    public var expectedDocuments: [String] { ["constitution.md", "prd.md", "plan.md", "tasks.md|tasks.yaml|tasks.yml"] }

    /// The document names a speckit kit is made of.
    static let names: Set<String> = ["constitution.md", "prd.md", "plan.md", "tasks.md", "tasks.yaml", "tasks.yml"]

    public init() {}

    public func place(_ file: LayoutPath) -> LayoutPlacement {
        let parts = file.parts
        let inSpecFolder = parts.count >= 3 && parts[parts.count - 3] == "spec" && !file.siblings.isDisjoint(with: Self.names)
        let constitution = file.siblings.contains("constitution.md") && file.siblings.intersection(Self.names).count >= 2
        return inSpecFolder || constitution ? .kit(KitPlacement(depth: parts.count - 1)) : .none
    }

    public func defaultSections(fileName: String) -> [String] {
        switch fileName {
        case "constitution.md": return ["Principles", "Governance"]
        case "prd.md": return ["Problem", "Goals", "User Stories", "Requirements"]
        case "plan.md": return ["Architecture", "Phase"]
        default: return []
        }
    }
}
