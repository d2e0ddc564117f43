/// Kiro: `.kiro/specs/<name>/{requirements,design,tasks}.md`, or one spec laid flat in `.kiro/specs/*.md`;
/// also a folder holding all three of those documents wherever it is (`.specs/<name>/`). Everything else
/// under `.kiro` (steering, hooks, settings) is Kiro's own. Specs moved into an archive folder
/// (`.kiro/specs/_archived/<name>/`) stay one kit each, flagged archived.
public struct KiroLayout: KitLayout {
    public var profile: Kit.Profile { .kiro }
    public var hiddenFolders: [String] { [".kiro"] }
    public var expectedDocuments: [String] { Self.trio }

    static let trio = ["requirements.md", "design.md", "tasks.md"]
    /// Folder names under `.kiro/specs` that hold finished specs rather than being one.
    static let archiveFolders: Set<String> = ["_archived", "_archive", "archived", "archive", ".archive"]

    public init() {}

    public func place(_ file: LayoutPath) -> LayoutPlacement {
        let parts = file.parts
        guard let kiro = parts.firstIndex(of: ".kiro") else {
            let kit = file.isMarkdown && file.siblings.isSuperset(of: Self.trio)
            return kit ? .kit(KitPlacement(depth: parts.count - 1)) : .none
        }
        guard parts.count > kiro + 2, parts[kiro + 1] == "specs", file.isMarkdown else { return .toolFile }
        if parts.count == kiro + 3 {
            // Flat: the spec's documents sit in `.kiro/specs` itself (the kit `specs`, named after its folder as
            // every kit is, never after the checkout's). A lone tasks.md there beside nested specs is an index
            // of them, which expects no companions.
            let spec = !file.siblings.isDisjoint(with: ["requirements.md", "design.md"])
            return .kit(KitPlacement(depth: kiro + 2, expectedDocuments: spec ? nil : []))
        }
        if parts.count > kiro + 4, Self.archiveFolders.contains(parts[kiro + 2].lowercased()) {
            return .kit(KitPlacement(depth: kiro + 4, archived: true))
        }
        return .kit(KitPlacement(depth: kiro + 3))
    }

    public func defaultSections(fileName: String) -> [String] {
        switch fileName {
        case "requirements.md": return ["Introduction", "Requirements"]
        case "design.md": return ["Overview", "Architecture"]
        default: return []
        }
    }
}
