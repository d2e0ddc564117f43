/// What `speckit status` reports: each kit's progress, and totals over all of them. Encoded as JSON it is
/// documented by `spec/schema/status.schema.json`.
public struct StatusReport: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ParseResult.Tool
    public var kits: [KitProgress]
    public var totals: Totals

    public struct Totals: Codable, Hashable, Sendable {
        public var kits: Int
        public var tasks: Int
        public var done: Int
        public var inProgress: Int
        public var blocked: Int
        public var ready: Int
        public var claims: Int
        /// Claims the tasks do not bear out.
        public var mismatchedClaims: Int
    }

    public init(kits: [Kit]) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = ParseResult.Tool(name: "speckit", version: Speckit.version)
        self.kits = kits.map(KitProgress.init)
        let all = self.kits
        self.totals = Totals(
            kits: all.count, tasks: all.reduce(0) { $0 + $1.total }, done: all.reduce(0) { $0 + $1.done },
            inProgress: all.reduce(0) { $0 + $1.inProgress.count },
            blocked: all.reduce(0) { $0 + $1.blocked.count }, ready: all.reduce(0) { $0 + $1.ready.count },
            claims: all.reduce(0) { $0 + $1.claims.count },
            mismatchedClaims: all.reduce(0) { $0 + $1.claims.count { !$0.matches } })
    }
}
