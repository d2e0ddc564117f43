/// Parses YAML plans (`tasks.yaml`, `plan.yaml`, `roadmap.yml`) and Taskmaster `tasks.json` files into a
/// `Document`, and reads the YAML front matter of Markdown files.
///
/// Both go through Yams, so every phase and task knows its line; what Yams cannot read becomes a one-line
/// `SpeckitError` naming the file, line and column.
public enum StructuredPlanParser {
    /// What `SpeckitError.unrecognisedStructure` says a structured plan should look like.
    public static let expectedShape =
        "a list of tasks, or a mapping with `phases:` or `tasks:` (or a Taskmaster tasks.json)"

    /// Parses a YAML plan/tasks file or a Taskmaster tasks.json into a Document.
    ///
    /// - Parameters:
    ///   - source: The decoded file (see `TextDecoding.decode(_:path:)`).
    ///   - format: `.yaml` or `.json`. JSON is read through libyaml (which gives lines) and, when libyaml
    ///     refuses it, through `JSONSerialization` (every element then on line 1).
    ///   - kind: What the document is, recorded as given.
    ///   - vocabulary: The words statuses are normalised with.
    /// - Throws: `SpeckitError.yamlSyntax`, `.jsonSyntax`, `.yamlAliasBomb`, `.notAPlan` when the file is
    ///   something else (a Kubernetes object, a Compose file …), or `.unrecognisedStructure` when the file is
    ///   valid but holds no phases or tasks and no key that says plan (a file whose keys say plan is read as a
    ///   document without tasks, with a `parse.unread-shape` note naming its keys).
    public static func parse(
        _ source: SourceText, format: Document.Format, kind: Document.Kind,
        vocabulary: StatusVocabulary = .standard
    ) throws -> Document {
        var notes: [Diagnostic] = []
        return try parse(source, format: format, kind: kind, vocabulary: vocabulary, notes: &notes)
    }

    /// Parses like `parse(_:format:kind:vocabulary:)` and appends a `parse.invalid-field` note for every
    /// known field whose value has the wrong shape (a list where a status belongs, a mapping as a title …).
    public static func parse(
        _ source: SourceText, format: Document.Format, kind: Document.Kind,
        vocabulary: StatusVocabulary = .standard, limits: Limits = .standard,
        notes: inout [Diagnostic]
    ) throws -> Document {
        var document = Document(path: source.path, kind: kind, format: format, text: source.report)
        let context = StructuredContext(source: source, vocabulary: vocabulary, taskmaster: format == .json)
        let root = try readValue(source, format: format, limits: limits)
        if let root, let what = NonPlanShapes.identify(root, format: format) {
            throw SpeckitError.notAPlan(file: source.path, what: what)
        }
        // libyaml reads JSON as YAML, which also allows NaN, comments and more: a JSON plan must be JSON,
        // with no key written twice (JSON readers disagree on which one wins).
        if format == .json, root != nil {
            try OrderedJSON.check(source.text, source: source.path, maxDepth: limits.yamlNesting, maxNodes: limits.yamlNodes)
        }
        guard let root else { throw SpeckitError.unrecognisedStructure(file: source.path, expected: expectedShape) }
        guard StructuredShape.fill(&document, from: root, context: context) else {
            // Plainly a plan, in a shape speckit cannot read: one finding that names its keys, not a refusal.
            guard let unread = UnreadShape.unrecognised(root, source: source) else {
                throw SpeckitError.unrecognisedStructure(file: source.path, expected: expectedShape)
            }
            notes.append(unread)
            return document
        }
        notes += context.notes.all
        if let empty = UnreadShape.empty(document, root: root, source: source) { notes.append(empty) }
        StructuredEntry.keepTaskDependencies(&document)
        return document
    }

    /// Parses YAML front matter text (already cut out of a Markdown file) into a JSONValue;
    /// `lineOffset` is added to Yams' line numbers so errors name the line in the Markdown file.
    ///
    /// Front matter with no document in it (only comments) is `.null`.
    public static func frontMatter(_ yaml: String, file: String, lineOffset: Int, limits: Limits = .standard) throws -> JSONValue {
        let reader = YAMLValueReader(file: file, lineOffset: lineOffset, text: yaml, limits: limits)
        do {
            return try reader.read(yaml)?.jsonValue ?? .null
        } catch let failure as YAMLFailure {
            throw failure.yamlError(file: file)
        }
    }

    /// The file's value: YAML through Yams; JSON through Yams, then `JSONSerialization`.
    static func readValue(_ source: SourceText, format: Document.Format, limits: Limits = .standard) throws -> PlanValue? {
        let reader = YAMLValueReader(file: source.path, text: source.text, limits: limits)
        do {
            return try reader.read(source.text)
        } catch var failure as YAMLFailure {
            failure.column = failure.line.flatMap { line in
                failure.column.map { source.diskColumn(line: line, scalarColumn: $0) }
            }
            // A key written twice is reported as in YAML, never left to the last one.
            guard format == .json, !failure.duplicateKey else { throw failure.yamlError(file: source.path) }
            try OrderedJSON.check(source.text, source: source.path, maxDepth: limits.yamlNesting, maxNodes: limits.yamlNodes)
            if let value = try JSONFallback.read(source.text, file: source.path, maxDepth: limits.yamlNesting) { return value }
            throw SpeckitError.jsonSyntax(file: source.path, line: failure.line, problem: failure.problem)
        }
    }
}
