/// Writes `speckit parse` output kit by kit: an opening, each kit as it is read, then what the parser
/// noticed (unreadable files included) and what was skipped.
public protocol ParseWriter: Sendable {
    mutating func begin() -> String
    /// One kit, handed to `emit` in pieces (a document at a time), so a large kit is never one string.
    mutating func kit(_ kit: Kit, emit: (String) -> Void)
    mutating func end(diagnostics: [Diagnostic], skipped: [SkippedFile]) -> String
}

extension ParseWriter {
    /// The whole result as one text.
    public mutating func render(_ result: ParseResult) -> String {
        var out = begin()
        for each in result.kits { kit(each) { out += $0 } }
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
    public mutating func kit(_ kit: Kit, emit: (String) -> Void) {
        emit((wroteKit ? ",\n" : "\n") + "    {\n      \"archived\" : \(kit.archived),\n      \"documents\" : [")
        wroteKit = true
        for (index, document) in kit.documents.enumerated() {
            emit(index == 0 ? "\n" : ",\n")
            emit(JSONPieces.encodeIndented(document, by: 8))
        }
        emit(
            (kit.documents.isEmpty ? "]" : "\n      ]") + ",\n"
                + "      \"name\" : \(JSONPieces.encode(kit.name)),\n"
                + "      \"profile\" : \(JSONPieces.encode(kit.profile)),\n"
                + "      \"root\" : \(JSONPieces.encode(kit.root))\n    }")
    }

    public mutating func end(diagnostics: [Diagnostic], skipped: [SkippedFile]) -> String {
        (wroteKit ? "\n  ]" : "]") + ",\n"
            + "  \"diagnostics\" : " + JSONPieces.indent(JSONPieces.encode(diagnostics), by: 2, first: false) + ",\n"
            + "  \"skipped\" : " + JSONPieces.indent(JSONPieces.encode(skipped), by: 2, first: false) + "\n}\n"
    }
}
