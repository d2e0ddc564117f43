/// A folder of plan documents, or a single plan file (profile `freeform`).
public struct Kit: Codable, Hashable, Sendable {
    public enum Profile: String, Codable, Sendable, CaseIterable {
        case speckit
        case githubSpecKit = "github-spec-kit"
        case kiro
        case openspec
        case taskmaster
        case freeform
    }

    public var name: String
    public var root: String
    public var profile: Profile
    /// A kit kept for the record (OpenSpec's `changes/archive/`): reported, its progress counted apart.
    public var archived: Bool
    public var documents: [Document]

    private enum CodingKeys: String, CodingKey {
        case name, root, profile, archived, documents
    }

    public init(name: String, root: String, profile: Profile, documents: [Document], archived: Bool = false) {
        self.name = name
        self.root = root
        self.profile = profile
        self.archived = archived
        self.documents = documents
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name), root: try container.decode(String.self, forKey: .root),
            profile: try container.decode(Profile.self, forKey: .profile),
            documents: try container.decode([Document].self, forKey: .documents),
            archived: try container.decodeIfPresent(Bool.self, forKey: .archived) ?? false)
    }

    /// The kit with only the documents in `paths` (what `speckit parse KIT/tasks.md` shows of its kit).
    public func keeping(_ paths: Set<String>) -> Kit {
        var kit = self
        kit.documents = documents.filter { paths.contains($0.path) }
        return kit
    }
}
