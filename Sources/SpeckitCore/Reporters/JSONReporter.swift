/// The validation report as versioned JSON (`schemaVersion: 1`), documented by
/// `spec/schema/validate.schema.json`: keys sorted, two-space indentation. Findings are encoded one at a time
/// as they arrive, so the report never has to be held in memory whole.
public struct JSONReporter: ReportWriter, Sendable {
    private var wroteFinding = false

    public init() {}

    public mutating func begin(diff: PlanDiff?) -> String {
        (diff.map { "{\n  \"diff\" : " + indented(encode($0), first: false) + ",\n" } ?? "{\n") + "  \"findings\" : ["
    }

    public mutating func kit(_ outcome: KitOutcome) -> String {
        var out = ""
        for finding in outcome.findings {
            out += (wroteFinding ? ",\n" : "\n") + indented(encode(finding))
            wroteFinding = true
        }
        return out
    }

    public mutating func end(_ closing: ReportClosing, emit: (String) -> Void) {
        let kits = closing.kits
        let summary = closing.summary
        emit((wroteFinding ? "\n  ]" : "]") + ",\n  \"kits\" : [")
        for (index, kit) in kits.enumerated() {
            emit((index == 0 ? "\n" : ",\n") + indented(encode(kit)))
        }
        let tool = ParseResult.Tool(name: "speckit", version: Speckit.version)
        emit(
            (kits.isEmpty ? "]" : "\n  ]") + ",\n"
                + "  \"schemaVersion\" : \(ValidationReport.currentSchemaVersion),\n"
                + "  \"skipped\" : " + indented(encode(closing.skipped), first: false) + ",\n"
                + "  \"summary\" : " + indented(encode(summary), first: false) + ",\n"
                + "  \"tool\" : " + indented(encode(tool), first: false) + "\n}\n")
    }

    /// The whole report as JSON.
    public static func render(_ report: ValidationReport) -> String {
        var writer = JSONReporter()
        return writer.render(report)
    }

    private func encode(_ value: some Encodable) -> String { JSONPieces.encode(value) }

    /// Indented by four spaces inside the `findings`/`kits` arrays, or two after a top-level key.
    private func indented(_ json: String, first: Bool = true) -> String {
        JSONPieces.indent(json, by: first ? 4 : 2, first: first)
    }
}
