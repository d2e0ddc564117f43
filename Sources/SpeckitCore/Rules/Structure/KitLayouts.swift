/// What each kit profile expects: its documents, and the sections each document needs by default.
enum KitLayouts {
    /// The documents a kit of `profile` rooted at `root` must hold, as file names (alternatives joined by `|`).
    static func requiredDocuments(profile: Kit.Profile, root: String) -> [String] {
        let parts = root.split(separator: "/")
        switch profile {
        case .speckit: return ["constitution.md", "prd.md", "plan.md", "tasks.md|tasks.yaml|tasks.yml"]
        case .githubSpecKit: return parts.contains(".specify") ? [] : ["spec.md", "plan.md", "tasks.md"]
        case .kiro: return ["requirements.md", "design.md", "tasks.md"]
        case .openspec: return parts.contains("changes") ? ["proposal.md", "tasks.md"] : []
        case .freeform: return []
        }
    }

    /// Section titles a document needs by default, by profile and file name.
    static func defaultSections(profile: Kit.Profile, fileName: String) -> [String] {
        switch (profile, fileName.lowercased()) {
        case (.speckit, "constitution.md"): return ["Principles", "Governance"]
        case (.speckit, "prd.md"): return ["Problem", "Goals", "User Stories", "Requirements"]
        case (.speckit, "plan.md"): return ["Architecture", "Phase"]
        case (.githubSpecKit, "spec.md"): return ["User Scenarios", "Requirements", "Success Criteria"]
        case (.githubSpecKit, "plan.md"): return ["Summary", "Technical Context"]
        case (.kiro, "requirements.md"): return ["Introduction", "Requirements"]
        case (.kiro, "design.md"): return ["Overview", "Architecture"]
        case (.openspec, "proposal.md"): return ["Why", "What Changes"]
        default: return []
        }
    }
}
