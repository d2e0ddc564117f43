/// A kit found on disk, before its files are read: what `validate` checks one unit at a time.
public struct KitSource: Sendable, Hashable {
    public var name: String
    /// The kit's folder (for a freeform kit, the file's folder).
    public var root: String
    public var profile: Kit.Profile
    /// The kit's plan files, sorted.
    public var files: [String]

    public init(name: String, root: String, profile: Kit.Profile, files: [String]) {
        self.name = name
        self.root = root
        self.profile = profile
        self.files = files
    }
}
