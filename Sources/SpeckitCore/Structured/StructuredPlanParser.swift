// TEMPORARY local shim until the structured parser lands; replaced before commit.
public enum StructuredPlanParser {
    public static func parse(_ source: SourceText, format: Document.Format, kind: Document.Kind,
                             vocabulary: StatusVocabulary = .standard) throws -> Document {
        Document(path: source.path, kind: kind, format: format, text: source.report)
    }
    public static func frontMatter(_ yaml: String, file: String, lineOffset: Int) throws -> JSONValue { .null }
}
