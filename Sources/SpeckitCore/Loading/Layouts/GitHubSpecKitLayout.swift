/// GitHub Spec Kit: a feature is `specs/NNN-name/` (spec, plan, tasks, checklists, and the non-plan documents
/// data-model.md, research.md, quickstart.md and contracts/); the constitution lives in `.specify/memory/`.
/// The rest of `.specify` (scripts, templates) is Spec Kit's own.
public struct GitHubSpecKitLayout: KitLayout {
    public var profile: Kit.Profile { .githubSpecKit }
    public var hiddenFolders: [String] { [".specify"] }
    public var expectedDocuments: [String] { ["spec.md", "plan.md", "tasks.md"] }

    /// Documents of a feature that describe it but hold no plan: read for requirements, never for tasks.
    static let referenceNames: Set<String> = ["data-model.md", "research.md", "quickstart.md"]

    public init() {}

    public func place(_ file: LayoutPath) -> LayoutPlacement {
        let parts = file.parts
        if let specify = parts.firstIndex(of: ".specify") {
            guard parts.count == specify + 3, parts[specify + 1] == "memory", file.isMarkdown else { return .toolFile }
            return .kit(KitPlacement(depth: specify + 2, expectedDocuments: []))
        }
        guard let specs = parts.lastIndex(of: "specs"), parts.count > specs + 2, Self.isFeatureFolder(parts[specs + 1]) else {
            return .none
        }
        guard file.isMarkdown else { return .toolFile }
        let inContracts = parts[(specs + 2)...].dropLast().contains("contracts")
        return .kit(KitPlacement(depth: specs + 2, reference: inContracts || Self.referenceNames.contains(file.name)))
    }

    public func defaultSections(fileName: String) -> [String] {
        switch fileName {
        case "spec.md": return ["User Scenarios", "Requirements", "Success Criteria"]
        case "plan.md": return ["Summary", "Technical Context"]
        default: return []
        }
    }

    /// `001-user-auth`: Spec Kit's numbered feature folders.
    static func isFeatureFolder(_ name: String) -> Bool {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && name.dropFirst(digits.count).hasPrefix("-")
    }
}
