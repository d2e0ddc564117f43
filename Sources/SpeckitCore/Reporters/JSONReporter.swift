import Foundation

/// The validation report as versioned JSON (`schemaVersion: 1`), documented by
/// `spec/schema/validate.schema.json`: keys sorted, two-space indentation. Findings are encoded one at a time
/// as they arrive, so the report never has to be held in memory whole.
public struct JSONReporter: ReportWriter, Sendable {
    private var wroteFinding = false

    public init() {}

    public mutating func begin() -> String {
        "{\n  \"findings\" : ["
    }

    public mutating func findings(_ findings: [Finding]) -> String {
        var out = ""
        for finding in findings {
            out += (wroteFinding ? ",\n" : "\n") + indented(encode(finding))
            wroteFinding = true
        }
        return out
    }

    public mutating func end(summary: ValidationReport.Summary, kits: [KitSummary], emit: (String) -> Void) {
        emit((wroteFinding ? "\n  ]" : "]") + ",\n  \"kits\" : [")
        for (index, kit) in kits.enumerated() {
            emit((index == 0 ? "\n" : ",\n") + indented(encode(kit)))
        }
        let tool = ParseResult.Tool(name: "speckit", version: Speckit.version)
        emit((kits.isEmpty ? "]" : "\n  ]") + ",\n"
            + "  \"schemaVersion\" : \(ValidationReport.currentSchemaVersion),\n"
            + "  \"summary\" : " + indented(encode(summary), first: false) + ",\n"
            + "  \"tool\" : " + indented(encode(tool), first: false) + "\n}\n")
    }

    /// The whole report as JSON.
    public static func render(_ report: ValidationReport) -> String {
        var writer = JSONReporter()
        return writer.render(report)
    }

    private func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Encoding plain Codable structs of strings and numbers cannot fail.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// Indents every line by two levels (four spaces); the first line too unless it follows a key.
    private func indented(_ json: String, first: Bool = true) -> String {
        let lines = json.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { index, line in
            index == 0 ? (first ? "    " + line : String(line)) : (first ? "    " : "  ") + line
        }.joined(separator: "\n")
    }
}
