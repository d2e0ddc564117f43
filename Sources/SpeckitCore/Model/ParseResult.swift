/// What `speckit parse` prints: the kits it found and what the parser noticed on the way.
public struct ParseResult: Codable, Hashable, Sendable {
    /// Bumped only when the JSON shape changes incompatibly (see `spec/schema/parse.schema.json`).
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: Tool
    public var kits: [Kit]
    public var diagnostics: [Diagnostic]
    /// Files found but not read as plans (templates, files that are not plans by their content, `.txt` files).
    public var skipped: [SkippedFile]

    public struct Tool: Codable, Hashable, Sendable {
        public var name: String
        public var version: String
    }

    public init(kits: [Kit], diagnostics: [Diagnostic], skipped: [SkippedFile] = []) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = Tool(name: "speckit", version: Speckit.version)
        self.kits = kits
        self.diagnostics = diagnostics
        self.skipped = skipped
    }
}

/// Facts about the speckit build itself.
public enum Speckit {
    /// The tool's version, printed by `speckit --version` and written into every report.
    public static let version = "0.1.0"
}
