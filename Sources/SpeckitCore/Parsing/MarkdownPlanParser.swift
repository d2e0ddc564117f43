/// Parses a Markdown plan document (front matter, then GFM through cmark-gfm) into the model.
public enum MarkdownPlanParser {
    /// Parses `source` as a document of `kind`; also returns what the builder noticed (nesting cut short).
    /// - Throws: `SpeckitError.overLimit` when the file opens more blocks than `limits.blocks`.
    public static func parse(
        _ source: SourceText, kind: Document.Kind, vocabulary: StatusVocabulary = .standard,
        limits: Limits = .standard
    ) throws -> (Document, [Diagnostic]) {
        if BlockCount.exceeds(source.text, limit: limits.blocks) {
            throw SpeckitError.overLimit(
                source.path,
                problem:
                    "opens more than \(limits.blocks) blocks (lists, list items, quotes, headings, table rows), the limit for one Markdown file (limits.blocks); the file was not read"
            )
        }
        var document = Document(path: source.path, kind: kind, format: .markdown, text: source.report)
        let (frontMatter, body) = FrontMatter.split(source.text)
        if let frontMatter {
            document.frontMatter = try StructuredPlanParser.frontMatter(
                frontMatter.yaml, file: source.path,
                lineOffset: frontMatter.firstLine - 1, limits: limits)
        }
        let (guarded, notes) = ParagraphGuard.guarded(
            body, file: source.path, limit: limits.paragraphBytes,
            cells: limits.tableCells)
        var builder = MarkdownPlanBuilder(
            source: source, tree: CmarkParser.parse(guarded), vocabulary: vocabulary,
            maxTaskDepth: limits.nesting)
        builder.build()
        builder.assemble(into: &document)
        if case .string(let title)? = document.frontMatter?["title"] { document.title = title }
        return (document, notes + builder.diagnostics)
    }
}

/// YAML front matter at the top of a Markdown file, between `---` lines.
enum FrontMatter {
    /// The front matter (its YAML and the 1-based line its first YAML line is on) and the body with the
    /// front matter blanked out, so cmark-gfm's line numbers stay those of the file.
    static func split(_ text: String) -> ((yaml: String, firstLine: Int)?, String) {
        guard text.hasPrefix("---\n") else { return (nil, text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) else { return (nil, text) }
        let yaml = lines[1..<end].joined(separator: "\n")
        let blank = Array(repeating: Substring(""), count: end + 1)
        let body = (blank + lines[(end + 1)...]).joined(separator: "\n")
        return ((yaml, 2), body)
    }
}
