/// What `speckit status` reports: each kit's progress, and totals over the kits still in play (archived kits
/// are listed but counted apart). Encoded as JSON it is documented by `spec/schema/status.schema.json`.
public struct StatusReport: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: ParseResult.Tool
    public var kits: [KitProgress]
    public var totals: Totals
    /// Files found but not read as plans.
    public var skipped: [SkippedFile]

    public struct Totals: Codable, Hashable, Sendable {
        /// Kits that are not archived.
        public var kits: Int
        public var tasks: Int
        public var done: Int
        public var inProgress: Int
        public var blocked: Int
        public var ready: Int
        public var claims: Int
        /// Claims the tasks do not bear out.
        public var mismatchedClaims: Int
        /// Archived kits (OpenSpec's `changes/archive/`), left out of every other total.
        public var archivedKits: Int

        public init() {
            (kits, tasks, done, inProgress, blocked, ready, claims, mismatchedClaims, archivedKits) = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        }

        /// Counts one more kit.
        public mutating func add(_ kit: KitProgress) {
            guard !kit.archived else {
                archivedKits += 1
                return
            }
            kits += 1
            tasks += kit.total
            done += kit.done
            inProgress += kit.inProgress.count
            blocked += kit.blocked.count
            ready += kit.ready.count
            claims += kit.claims.count
            mismatchedClaims += kit.claims.count { !$0.matches }
        }
    }

    public init(kits: [Kit], skipped: [SkippedFile] = []) {
        self.schemaVersion = Self.currentSchemaVersion
        self.tool = ParseResult.Tool(name: "speckit", version: Speckit.version)
        self.kits = kits.map(KitProgress.init)
        var totals = Totals()
        for kit in self.kits { totals.add(kit) }
        self.totals = totals
        self.skipped = skipped
    }
}

/// Writes a status report kit by kit, so a tree of thousands of kits never has to be held whole: an
/// opening, each kit's progress as it is read, and a closing with the totals.
public protocol StatusWriter: Sendable {
    mutating func begin() -> String
    mutating func kit(_ progress: KitProgress) -> String
    mutating func end(totals: StatusReport.Totals, skipped: [SkippedFile]) -> String
}

extension StatusWriter {
    /// The whole report as one text.
    public mutating func render(_ report: StatusReport) -> String {
        var out = begin()
        for each in report.kits { out += kit(each) }
        return out + end(totals: report.totals, skipped: report.skipped)
    }
}
