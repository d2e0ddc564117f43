/// Writes `speckit parse` output kit by kit: an opening, each kit as it is read, then what the parser
/// noticed (unreadable files included) and what was skipped.
public protocol ParseWriter: Sendable {
    mutating func begin() -> String
    mutating func kit(_ kit: Kit) -> String
    mutating func end(diagnostics: [Diagnostic], skipped: [SkippedFile]) -> String
}

extension ParseWriter {
    /// The whole result as one text.
    public mutating func render(_ result: ParseResult) -> String {
        var out = begin()
        for each in result.kits { out += kit(each) }
        return out + end(diagnostics: result.diagnostics, skipped: result.skipped)
    }
}

/// `speckit parse --format json`: the model (`spec/schema/parse.schema.json`), each kit encoded with sorted
/// keys as it arrives; the top-level keys come in the order they can be known (schemaVersion, tool, kits,
/// diagnostics, skipped).
public struct ParseJSONWriter: ParseWriter {
    private var wroteKit = false

    public init() {}

    public mutating func begin() -> String {
        "{\n  \"schemaVersion\" : \(ParseResult.currentSchemaVersion),\n  \"tool\" : "
            + JSONPieces.indent(JSONPieces.encode(ParseResult.Tool(name: "speckit", version: Speckit.version)), by: 2, first: false)
            + ",\n  \"kits\" : ["
    }

    /// The kit as `JSONEncoder` writes it (sorted keys), one document at a time, so no more than the largest
    /// document's JSON is built at once.
    public mutating func kit(_ kit: Kit) -> String {
        defer { wroteKit = true }
        var out = (wroteKit ? ",\n" : "\n") + "    {\n      \"archived\" : \(kit.archived),\n      \"documents\" : ["
        for (index, document) in kit.documents.enumerated() {
            out += (index == 0 ? "\n" : ",\n") + JSONPieces.indent(JSONPieces.encode(document), by: 8)
        }
        out += (kit.documents.isEmpty ? "]" : "\n      ]") + ",\n"
        out += "      \"name\" : \(JSONPieces.encode(kit.name)),\n"
        out += "      \"profile\" : \(JSONPieces.encode(kit.profile)),\n"
        out += "      \"root\" : \(JSONPieces.encode(kit.root))\n    }"
        return out
    }

    public mutating func end(diagnostics: [Diagnostic], skipped: [SkippedFile]) -> String {
        (wroteKit ? "\n  ]" : "]") + ",\n"
            + "  \"diagnostics\" : " + JSONPieces.indent(JSONPieces.encode(diagnostics), by: 2, first: false) + ",\n"
            + "  \"skipped\" : " + JSONPieces.indent(JSONPieces.encode(skipped), by: 2, first: false) + "\n}\n"
    }
}
