/// One way teams lay out kits in a repository: how a file is recognised as part of a kit, which documents
/// a kit of it holds, the hidden folders it keeps them in, and the sections its documents need by default.
///
/// Adding a layout is adding one file that conforms, listing it in `KitLayouts.all` and adding its profile
/// to `Kit.Profile` and the schemas' enums.
public protocol KitLayout: Sendable {
    /// The profile of the kits this layout finds.
    var profile: Kit.Profile { get }
    /// Hidden folders (relative paths such as `.kiro`) that discovery enters for this layout.
    var hiddenFolders: [String] { get }
    /// The documents a kit of this layout holds (file names; alternatives joined by `|`).
    var expectedDocuments: [String] { get }
    /// Where a file belongs in this layout, from its absolute path.
    func place(_ file: LayoutPath) -> LayoutPlacement
    /// The section titles a document needs by default, by its lowercased file name.
    func defaultSections(fileName: String) -> [String]
}

extension KitLayout {
    public var hiddenFolders: [String] { [] }
    public func defaultSections(fileName: String) -> [String] { [] }
}

/// A file as layouts see it: the components of its absolute path (`/repo/specs/001-a/plan.md` is
/// `["repo", "specs", "001-a", "plan.md"]`), and the names of the files found beside it.
public struct LayoutPath: Sendable {
    public let parts: [String]
    /// Lowercased names of the plan files in the same folder (itself included).
    public let siblings: Set<String>

    public init(parts: [String], siblings: Set<String>) {
        self.parts = parts
        self.siblings = siblings
    }

    /// The file's lowercased name.
    public var name: String { parts.last?.lowercased() ?? "" }
    /// Whether the file is Markdown.
    public var isMarkdown: Bool { name.hasSuffix(".md") || name.hasSuffix(".markdown") }
}

/// What a layout makes of a file.
public enum LayoutPlacement: Sendable, Equatable {
    /// The file is not in this layout.
    case none
    /// The file lies in one of the layout's tool folders but is not a kit document (Kiro steering, Spec Kit
    /// scripts, Taskmaster reports): never a plan.
    case toolFile
    /// The file is a document of a kit.
    case kit(KitPlacement)
}

/// The kit a file belongs to.
public struct KitPlacement: Sendable, Hashable {
    /// The kit's folder: the first `depth` components of the file's absolute path.
    public var depth: Int
    /// The kit's name; nil for the name of its folder.
    public var name: String?
    /// The documents this kit holds, when they differ from its layout's (a Spec Kit memory folder holds none).
    public var expectedDocuments: [String]?
    /// A kit kept for the record (OpenSpec's `changes/archive/`): reported, its progress kept apart.
    public var archived: Bool
    /// The file is a document of the kit but not a plan (Spec Kit's `data-model.md`, `research.md`): read for
    /// requirements and references, never for tasks.
    public var reference: Bool
    /// The kit is this one file (a loose plan), not its folder.
    public var single: Bool

    public init(
        depth: Int, name: String? = nil, expectedDocuments: [String]? = nil, archived: Bool = false,
        reference: Bool = false, single: Bool = false
    ) {
        self.depth = depth
        self.name = name
        self.expectedDocuments = expectedDocuments
        self.archived = archived
        self.reference = reference
        self.single = single
    }
}

/// Every layout, in the order a file is offered to them: the first that places it wins, and freeform,
/// which takes any file named like a plan, comes last.
public enum KitLayouts {
    public static let all: [any KitLayout] = [
        KiroLayout(), OpenSpecLayout(), GitHubSpecKitLayout(), TaskmasterLayout(), SpeckitLayout(), FreeformLayout(),
    ]

    /// The layout of a profile.
    public static func layout(for profile: Kit.Profile) -> any KitLayout {
        all.first { $0.profile == profile } ?? FreeformLayout()
    }

    /// Where `file` belongs: the first layout that places it, with that layout.
    static func place(_ file: LayoutPath) -> (layout: any KitLayout, placement: LayoutPlacement)? {
        for layout in all {
            let placement = layout.place(file)
            if placement != .none { return (layout, placement) }
        }
        return nil
    }

    /// Hidden folders some layout keeps kits in.
    static let hiddenFolders: [String] = all.flatMap(\.hiddenFolders)
}
