import Foundation

/// Reads one plan file: decodes its bytes (BOM, line endings, invalid UTF-8, mojibake) and parses it with the
/// parser its extension calls for (Markdown through cmark-gfm; YAML and Taskmaster JSON through libyaml).
public struct DocumentReader: Sendable {
    public var vocabulary: StatusVocabulary
    public var limits: Limits

    public init(vocabulary: StatusVocabulary = .standard, limits: Limits = .standard) {
        self.vocabulary = vocabulary
        self.limits = limits
    }

    /// Decodes and parses the bytes of one file; `path` decides the format and names the file in ranges.
    public func parse(bytes: [UInt8], path: String) throws -> (Document, [Diagnostic]) {
        let loaded = try read(bytes: bytes, path: path)
        return (loaded.document, loaded.diagnostics)
    }

    /// Reads a file from `files` and parses it.
    public func read(_ path: String, from files: any FileSource) throws -> (Document, [Diagnostic]) {
        try parse(bytes: files.read(path, maxBytes: limits.fileBytes), path: path)
    }

    /// Decodes and parses one file, keeping the decoded text for rules that read lines. A reference document
    /// (`reference`) keeps its sections and requirements but no tasks, phases or claims.
    func read(bytes: [UInt8], path: String, reference: Bool = false) throws -> ReadFile {
        guard bytes.count <= limits.fileBytes else {
            throw SpeckitError.fileTooLarge(path, bytes: bytes.count, limit: limits.fileBytes)
        }
        let source = try PhaseClock.time(.decode) { try TextDecoding.decode(bytes, path: path) }
        let format = PathRules.format(of: path)
        var diagnostics = source.diagnostics
        var document: Document
        switch format {
        case .markdown:
            // The kind the path implies (the title is not read yet) decides which dialect forms the builder reads.
            let kind = reference ? .reference : DocumentKindInference.kind(path: path, title: nil)
            let (parsed, notes) = try MarkdownPlanParser.parse(source, kind: kind, vocabulary: vocabulary, limits: limits)
            document = parsed
            diagnostics += notes
        case .yaml, .json:
            document = try PhaseClock.time(.build) {
                try StructuredPlanParser.parse(
                    source, format: format, kind: .other, vocabulary: vocabulary, limits: limits, notes: &diagnostics)
            }
        }
        if reference {
            document.kind = .reference
            document.phases = []
            document.tasks = []
            document.claims = []
        } else {
            document.kind = DocumentKindInference.kind(path: path, title: document.title)
        }
        return ReadFile(document: document, diagnostics: diagnostics, source: source)
    }
}

/// One parsed file: its model, what the parser noticed, and its decoded text.
struct ReadFile {
    var document: Document
    var diagnostics: [Diagnostic]
    var source: SourceText
}
