import Foundation

/// Reads the files of one kit into the model. A file that cannot be read is kept as a failure (a finding
/// for `validate`, a diagnostic for `parse`), never dropped; a YAML or JSON file found by walking that turns
/// out not to be a plan (a Compose file named `tasks.yaml`) is skipped and counted.
public struct KitReader: Sendable {
    public var settings: ValidationSettings
    public var files: any FileSource

    public init(settings: ValidationSettings = ValidationSettings(), files: any FileSource = DiskFiles()) {
        self.settings = settings
        self.files = files
    }

    /// What reading a kit gives.
    public enum Scope: Sendable {
        /// Every file, for rules that look across documents (`validate`).
        case context
        /// Only the files asked for (`parse`, `status`, `diff`).
        case reported
    }

    /// Reads and parses the kit's files.
    public func read(_ source: KitSource, scope: Scope) -> LoadedKit {
        let reader = DocumentReader(vocabulary: settings.vocabulary, limits: settings.limits)
        var loaded = LoadedKit(
            kit: Kit(name: source.name, root: source.root, profile: source.profile, documents: [], archived: source.archived),
            expectedDocuments: source.expectedDocuments)
        for path in scope == .context ? source.files : source.reported {
            do {
                let bytes = try PhaseClock.time(.read) { try files.read(path, maxBytes: settings.limits.fileBytes) }
                let file = try reader.read(bytes: bytes, path: path, reference: source.references.contains(path))
                if Self.looseProse(file.document, in: source) {
                    loaded.skipped.append(
                        SkippedFile(
                            path: path, reason: .notAPlan, detail: "Markdown that holds no task, phase or requirement")
                    )
                    continue
                }
                loaded.kit.documents.append(file.document)
                loaded.notes += file.diagnostics
                if scope == .context { loaded.sources[path] = file.source }
            } catch let error as SpeckitError {
                // An empty file holds no plan, named or not; other files are judged by content only when walked.
                if let what = Self.notAPlan(error, path: path, files: files, limit: settings.limits.fileBytes),
                    !source.named.contains(path) || error == .emptyFile(path)
                {
                    loaded.skipped.append(SkippedFile(path: path, reason: .notAPlan, detail: what))
                } else {
                    loaded.failures.append(LoadFailure(path: path, error: error))
                }
            } catch {
                loaded.failures.append(LoadFailure(path: path, error: .unreadable(path, reason: "\(error)")))
            }
        }
        loaded.focus = source.focus
        return loaded
    }

    /// Whether `document` is a loose Markdown file found by walking (for a plan word in its name, or in a plan
    /// folder) that turns out to hold no plan: no task, phase or requirement (chat logs named `Execute Task
    /// 1.md`, notes named `blog-cadence-plan.md`, `.planning/STATE.md`). A file named only by plan words
    /// (`tasks.md`, `06-01-PLAN.md`), a constitution and a PRD are plan documents whatever they hold.
    static func looseProse(_ document: Document, in source: KitSource) -> Bool {
        guard source.profile == .freeform, source.files.count == 1, !source.named.contains(document.path), document.format == .markdown,
            ![.constitution, .prd].contains(document.kind),
            !FreeformLayout.namedOnlyByPlanWords(KitDiscovery.fileName(document.path))
        else { return false }
        return document.tasks.isEmpty && document.phases.isEmpty && document.requirements.isEmpty
    }

    /// What a file found by walking is, when the error reading it shows it is no plan: an empty file, valid
    /// YAML or JSON of another shape, or YAML/JSON that does not parse and has no plan key either.
    static func notAPlan(_ error: SpeckitError, path: String, files: any FileSource, limit: Int) -> String? {
        if case .emptyFile = error { return "an empty file" }
        let format = PathRules.format(of: path)
        guard format != .markdown else { return nil }
        switch error {
        case .notAPlan(_, let what):
            return what
        case .unrecognisedStructure:
            return format == .json ? "JSON that is not a Taskmaster tasks file" : "YAML without phases or tasks"
        case .yamlSyntax, .jsonSyntax, .yamlTooManyNodes:
            guard let bytes = try? files.read(path, maxBytes: limit) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            return NonPlanShapes.looksLikePlan(text, format: format)
                ? nil : "\(format == .json ? "JSON" : "YAML") that does not parse and has no plan keys"
        default:
            return nil
        }
    }
}

/// One kit, read: the model, what the parser noticed, the files that could not be read or are not plans,
/// and the decoded text of each document (for rules that read lines).
public struct LoadedKit: Sendable {
    public var kit: Kit
    /// The documents the kit's layout expects it to hold (see `KitSource.expectedDocuments`).
    public var expectedDocuments: [String]
    public var notes: [Diagnostic] = []
    public var failures: [LoadFailure] = []
    public var skipped: [SkippedFile] = []
    /// The files reported on (see `KitSource.focus`); nil: all of them.
    public var focus: Set<String>?
    var sources: [String: SourceText] = [:]

    /// What the parser noticed, and every file that could not be read as an `input.unreadable` diagnostic.
    public var diagnostics: [Diagnostic] {
        notes
            + failures.map { failure in
                Diagnostic(
                    .unreadable, .error, failure.error.errorDescription ?? "cannot read",
                    at: SourceRange(file: failure.path, line: 1, column: 1))
            }
    }

    /// Whether the kit has anything left to report: a document, or a file that could not be read.
    public var isEmpty: Bool { kit.documents.isEmpty && failures.isEmpty }

    /// The kit as reported: only the documents in focus.
    public var reportedKit: Kit { focus.map(kit.keeping) ?? kit }
}
