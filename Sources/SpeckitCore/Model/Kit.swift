/// A folder of plan documents, or a single plan file (profile `freeform`).
public struct Kit: Codable, Hashable, Sendable {
    public enum Profile: String, Codable, Sendable, CaseIterable {
        case speckit
        case githubSpecKit = "github-spec-kit"
        case kiro
        case openspec
        case freeform
    }

    public var name: String
    public var root: String
    public var profile: Profile
    public var documents: [Document]

    public init(name: String, root: String, profile: Profile, documents: [Document]) {
        self.name = name
        self.root = root
        self.profile = profile
        self.documents = documents
    }
}
