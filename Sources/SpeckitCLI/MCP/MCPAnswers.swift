import Foundation
import SpeckitCore
import Synchronization

/// What each tool of `speckit mcp` answers: the same JSON the command line prints (`status`, `validate` and
/// `next` with `--format json`), computed for a path inside the folder the server was started in.
struct MCPAnswers: Sendable {
    /// How kits are found and read: the options `speckit mcp` was started with.
    var settingsOptions: SettingsOptions
    /// The threads each answer reads kits on.
    var threads: Int
    /// The paths asked about when a call names none.
    var defaultPaths: [String]

    /// A tool call that cannot be answered: its message goes back to the agent as an error result.
    struct Failure: Error {
        var message: String
    }

    /// The paths a call names (`path`), each a relative path that stays inside the current folder.
    func paths(_ path: String?) throws -> [String] {
        guard let path, !path.isEmpty else { return defaultPaths }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.contains(".."), !path.contains("\0") else {
            throw Failure(message: "path '\(path)' must be relative and stay inside the folder speckit mcp was started in")
        }
        return [path]
    }

    func kits(_ paths: [String]) throws -> (KitSet, ValidationSettings) {
        let settings = try settingsOptions.settings(for: paths)
        // Never `-`: stdin is the protocol's, so a path is only ever a path.
        return (try KitLoader(settings: settings).discover(paths), settings)
    }

    /// `speckit status --format json`.
    func status(path: String?) throws -> String {
        let (set, settings) = try kits(try paths(path))
        let text = Mutex("")
        let pipeline = StatusPipeline(writer: StatusJSONReporter(), skipped: set.skipped) { piece in text.withLock { $0 += piece } }
        Validator(settings: settings, jobs: threads).read(set) { pipeline.add($0) }
        _ = pipeline.finish()
        return text.withLock { $0 }
    }

    /// `speckit validate --format json`.
    func validate(path: String?) throws -> String {
        let (set, settings) = try kits(try paths(path))
        return JSONReporter.render(Validator(settings: settings, jobs: threads).validate(set))
    }

    /// `speckit next --format json` (`--all` when `all`).
    func next(path: String?, all: Bool) throws -> String {
        let paths = try paths(path)
        let (set, settings) = try kits(paths)
        return NextJSONReporter.render(try NextCommand.report(set: set, settings: settings, jobs: threads, all: all, paths: paths))
    }

    /// One task in detail (`TaskDetail`), found in the kits under `path`.
    func task(_ name: String, path: String?) throws -> String {
        let (set, settings) = try kits(try paths(path))
        let editor = try PlanEdits.editor(for: name, in: set, settings: settings)
        let limit = settings.limits.fileBytes
        let detail = try TaskDetail(name, in: editor.kit()) { RawInput.regularFile($0, limit: limit) }
        return try JSONOutput.encode(detail) + "\n"
    }

    /// What `speckit set-status` does, as JSON: the changes made (or, with `dryRun`, that would be made), the
    /// files written, and what was left for a person.
    func setStatus(_ name: String, to word: String, path: String?, expectHash: String?, force: Bool, dryRun: Bool) throws -> String {
        guard let value = SetStatusCommand.status(word) else {
            throw Failure(message: "'\(word)' is not a status: expected done, todo, in-progress, review, blocked, deferred or cancelled")
        }
        let (set, settings) = try kits(try paths(path))
        var editor = try PlanEdits.editor(for: name, in: set, settings: settings)
        do {
            try StatusChange.run(&editor, task: name, to: value, force: force, expectHash: expectHash)
        } catch let refusal as EditRefusal {
            throw Failure(message: refusal.message)
        }
        let files = editor.changedFiles
        if !dryRun {
            for file in files { try PlanEdits.write(file, maxBytes: settings.limits.fileBytes) }
        }
        let outcome = SetStatusOutcome(
            task: name, status: value, written: !dryRun && !files.isEmpty, files: files.map(\.path), changes: editor.log,
            leftAlone: editor.leftAlone,
            diff: dryRun
                ? files.map {
                    UnifiedDiff.render(
                        old: String(decoding: $0.old, as: UTF8.self), new: String(decoding: $0.new, as: UTF8.self), path: $0.path)
                }.joined() : nil)
        return try JSONOutput.encode(outcome) + "\n"
    }
}

/// The answer of the `set_status` tool.
struct SetStatusOutcome: Codable {
    var task: String
    var status: CanonicalStatus
    /// Whether files were written (false for a dry run, or when everything already said so).
    var written: Bool
    var files: [String]
    /// One line per change: `tasks.md:44: T2.1.1 [ ] → [x]`.
    var changes: [String]
    var leftAlone: [String]
    /// The unified diff, for a dry run.
    var diff: String?
}
