/// `speckit status --format json`: the StatusReport with sorted keys (`spec/schema/status.schema.json`),
/// written kit by kit (`kits` sorts first, so every kit can go out before the totals are known).
public struct StatusJSONReporter: StatusWriter {
    private var wroteKit = false

    public init() {}

    public mutating func begin() -> String { "{\n  \"kits\" : [" }

    public mutating func kit(_ progress: KitProgress) -> String {
        defer { wroteKit = true }
        return (wroteKit ? ",\n" : "\n") + JSONPieces.indent(JSONPieces.encode(progress), by: 4)
    }

    public mutating func end(totals: StatusReport.Totals, skipped: [SkippedFile]) -> String {
        (wroteKit ? "\n  ]" : "]") + ",\n"
            + "  \"schemaVersion\" : \(StatusReport.currentSchemaVersion),\n"
            + "  \"skipped\" : " + JSONPieces.indent(JSONPieces.encode(skipped), by: 2, first: false) + ",\n"
            + "  \"tool\" : "
            + JSONPieces.indent(JSONPieces.encode(ParseResult.Tool(name: "speckit", version: Speckit.version)), by: 2, first: false)
            + ",\n"
            + "  \"totals\" : " + JSONPieces.indent(JSONPieces.encode(totals), by: 2, first: false) + "\n}\n"
    }

    /// The whole report as JSON.
    public static func render(_ report: StatusReport) -> String {
        var writer = StatusJSONReporter()
        return writer.render(report)
    }
}
