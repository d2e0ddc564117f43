/// Parses a Markdown plan document (front matter, then GFM through cmark-gfm) into the model.
public enum MarkdownPlanParser {
    /// Parses `source` as a document of `kind`; also returns what the builder noticed (nesting cut short,
    /// paragraphs left unread).
    /// - Throws: `SpeckitError.overLimit` when the file opens more blocks than `limits.blocks` or holds more
    ///   inline marks than `limits.inlineMarks`.
    public static func parse(
        _ source: SourceText, kind: Document.Kind, vocabulary: StatusVocabulary = .standard,
        limits: Limits = .standard
    ) throws -> (Document, [Diagnostic]) {
        var document = Document(path: source.path, kind: kind, format: .markdown, text: source.report)
        let (frontMatter, guarded, notes) = try PhaseClock.time(.scan) {
            let (frontMatter, body) = FrontMatter.split(source.text)
            let (guarded, notes) = try ParagraphGuard.guarded(body, file: source.path, limits: limits)
            return (frontMatter, guarded, notes)
        }
        let tree = PhaseClock.time(.cmark) { CmarkParser.parse(guarded) }
        let builder = try PhaseClock.time(.build) {
            if let frontMatter {
                document.frontMatter = try StructuredPlanParser.frontMatter(
                    frontMatter.yaml, file: source.path,
                    lineOffset: frontMatter.firstLine - 1, limits: limits)
            }
            var builder = MarkdownPlanBuilder(source: source, tree: tree, vocabulary: vocabulary, kind: kind, maxTaskDepth: limits.nesting)
            builder.build()
            builder.assemble(into: &document)
            return builder
        }
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
        // One pass over the bytes (a hostile file of 30 million lines must not become 30 million substrings).
        let utf8 = Array(text.utf8)
        var start = 4
        var lines = 1
        while start <= utf8.count {
            var end = start
            while end < utf8.count, utf8[end] != 0x0A { end += 1 }
            let line = utf8[start..<end]
            lines += 1
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yaml = String(decoding: utf8[4..<max(4, start - 1)], as: UTF8.self)
                let rest = end < utf8.count ? utf8[(end + 1)...] : []
                let body = String(repeating: "\n", count: lines) + String(decoding: rest, as: UTF8.self)
                return ((yaml, 2), end < utf8.count ? body : String(body.dropLast()))
            }
            start = end + 1
        }
        return (nil, text)
    }
}
