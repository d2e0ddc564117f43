/// A kit found on disk (or in an archive, or at a git revision), before its files are read: what commands
/// load one unit at a time.
public struct KitSource: Sendable, Hashable {
    public var name: String
    /// The kit's folder (for a freeform kit, the file's folder).
    public var root: String
    public var profile: Kit.Profile
    /// The kit's files, sorted.
    public var files: [String]
    /// The documents this kit is expected to hold (file names; alternatives joined by `|`).
    public var expectedDocuments: [String]
    /// A kit kept for the record (OpenSpec's `changes/archive/`): reported, its progress counted apart.
    public var archived: Bool
    /// Files that belong to the kit but are not plans (Spec Kit's `data-model.md`, `research.md`,
    /// `quickstart.md`, `contracts/`): read for requirements and references, never for tasks.
    public var references: Set<String>
    /// Files named on the command line: always read, so one that is not a plan is a finding, not skipped.
    public var named: Set<String>
    /// When only some of the kit's files were asked for (`speckit validate KIT/tasks.md`), those files: the
    /// whole kit is read for context, and only what lies in them is reported. Nil: the whole kit.
    public var focus: Set<String>?

    public init(
        name: String, root: String, profile: Kit.Profile, files: [String], expectedDocuments: [String]? = nil,
        archived: Bool = false, references: Set<String> = [], named: Set<String> = [], focus: Set<String>? = nil
    ) {
        self.name = name
        self.root = root
        self.profile = profile
        self.files = files
        self.expectedDocuments = expectedDocuments ?? KitLayouts.layout(for: profile).expectedDocuments
        self.archived = archived
        self.references = references
        self.named = named
        self.focus = focus
    }

    /// The files reported on: the focus, or every file.
    public var reported: [String] {
        guard let focus else { return files }
        return files.filter(focus.contains)
    }
}
