import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit set-status TASK STATUS [PATH…]`: a task's status changed everywhere it is stated.
struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Change a task's status everywhere it is stated, keeping its parent, its phase and true claims in step.",
        discussion: """
            TASK is a task id (T2.1, 1.2, Task 39) or FILE:LINE; STATUS is done, todo, in-progress, review, blocked, \
            deferred or cancelled (or a status word of the document's language). The task's checkbox, status field, \
            heading suffix or YAML/JSON value changes, and every restatement of it, in the document's own wording. \
            Then: a parent whose required subtasks are now all done is marked done (a done parent reopens when one \
            reopens); a phase whose declared status agreed with its tasks and no longer does is changed to what \
            they say; every count claim that was true ('18 completed (16%)', '(3/27 subtasks)') is rewritten so \
            it stays true. Claims that were already wrong are left to 'speckit fix --claims'. Each file is \
            rewritten atomically (one rename), byte for byte as it was outside the changed spans, its line \
            endings and byte-order mark kept. Exit codes: 0 changed (or already so), 1 refused (a dependency or \
            subtask still open, or --expect-hash no longer matches; nothing written), 2 bad arguments, a task \
            that is not found or is ambiguous, or a file that cannot be written.
            """
    )

    @Argument(help: ArgumentHelp("The task: its id, or FILE:LINE.", valueName: "task"))
    var task: String

    @Argument(help: ArgumentHelp("The new status: done, todo, in-progress, review, blocked, deferred or cancelled.", valueName: "status"))
    var status: String

    @Argument(
        help: ArgumentHelp("Plan files, kit folders or trees to look for the task in (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Mark the task done even when a dependency or subtask is still open.")
    var force = false

    @Option(
        name: .customLong("expect-hash"),
        help: ArgumentHelp("Refuse unless the task's lines still have this hash (from 'speckit next').", valueName: "hash"))
    var expectHash: String?

    @Flag(help: "Print a unified diff of what would change and write nothing.")
    var dryRun = false

    @OptionGroup var load: SettingsOptions

    func validate() throws {
        if Self.status(status) == nil {
            throw ValidationError("'\(status)' is not a status: expected done, todo, in-progress, review, blocked, deferred or cancelled")
        }
        if let expectHash, expectHash.count != 16 || !expectHash.allSatisfy(\.isHexDigit) {
            throw ValidationError("--expect-hash '\(expectHash)' is not a task hash: expected the 16 hex digits 'speckit next' prints")
        }
    }

    /// The canonical status a word names: the canonical names and every status word speckit knows.
    static func status(_ word: String) -> CanonicalStatus? {
        let folded = word.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        if let value = CanonicalStatus(rawValue: folded), value != .unknown { return value }
        return StatusVocabulary.standard.status(forWord: word)
    }

    func run() throws {
        let settings = try load.settings(for: paths)
        let set = try KitLoader(settings: settings).discover(paths.isEmpty ? ["."] : paths)
        let value = Self.status(status) ?? .unknown
        var editor = try PlanEdits.editor(for: task, in: set, settings: settings)
        do {
            try StatusChange.run(&editor, task: task, to: value, force: force, expectHash: expectHash)
        } catch let refusal as EditRefusal {
            StandardError.write("speckit: error: \(refusal.message)\n")
            throw ExitCode(1)
        }
        try PlanEdits.finish(editor, dryRun: dryRun, summary: "\(task) \(value.phrase)")
    }
}

/// What `set-status` and `fix --claims` share: finding the kit to edit, and writing (or showing) the result.
enum PlanEdits {
    /// An editor over the one kit of `set` that holds `task`.
    static func editor(for task: String, in set: KitSet, settings: ValidationSettings) throws -> KitEditor {
        var found: [KitEditor] = []
        var lastError: (any Error)?
        for source in set.kits where !source.archived {
            let editor = try KitEditor(source: source, settings: settings, files: set.files)
            do {
                _ = try TaskPlace.named(task, in: editor.kit())
                found.append(editor)
            } catch let error as SpeckitError {
                if case .taskNotFound = error { lastError = lastError ?? error } else { throw error }
            }
        }
        guard let editor = found.first else {
            if set.kits.count == 1, let lastError { throw lastError }
            throw SpeckitError.taskNotFound("no task '\(task)' in the \(Plural.count(set.kits.count, "kit")) found")
        }
        guard found.count == 1 else {
            let kits = found.map { "\($0.source.name) (\($0.source.root))" }.joined(separator: ", ")
            throw ValidationError("task '\(task)' is in \(found.count) kits: \(kits); name the kit's folder or file as PATH")
        }
        return editor
    }

    /// Prints what changed (or, for `summary`, that it was so already), then writes each changed file atomically, or with `dryRun` prints the diff.
    static func finish(_ editor: KitEditor, dryRun: Bool, summary: String?) throws {
        let files = editor.changedFiles
        for line in editor.leftAlone { print("left alone: " + line.escapingControlCharacters) }
        guard !files.isEmpty else {
            print(summary.map { "nothing to change: \($0) already" } ?? "nothing else to change")
            return
        }
        if dryRun {
            for line in editor.log { print(line.escapingControlCharacters) }
            for file in files {
                print(
                    UnifiedDiff.render(
                        old: String(decoding: file.old, as: UTF8.self), new: String(decoding: file.new, as: UTF8.self), path: file.path),
                    terminator: "")
            }
        } else {
            // Written first, listed after: a refused file (a link, a file changed meanwhile) leaves no claim of a change.
            var written: [String] = []
            do {
                for file in files {
                    try write(file, maxBytes: editor.settings.limits.fileBytes)
                    written.append(file.path)
                }
            } catch {
                if !written.isEmpty {
                    StandardError.write("speckit: note: already written: \(written.joined(separator: ", ").escapingControlCharacters)\n")
                }
                throw error
            }
            for line in editor.log { print(line.escapingControlCharacters) }
        }
        let names = files.map(\.path).joined(separator: ", ").escapingControlCharacters
        print("\(dryRun ? "would change" : "changed") \(Plural.count(files.count, "file")): \(names)")
    }

    /// Writes one edited file: replaced whole with one rename, keeping its owner, group and permissions, and
    /// refused (left as it is) when it changed since it was read.
    static func write(_ file: (path: String, old: [UInt8], new: [UInt8]), maxBytes: Int) throws {
        try FileRewrite.rewrite(file.path, maxBytes: maxBytes) { now in
            guard now == file.old else {
                throw SpeckitError.cannotWrite(file.path, reason: "it changed while speckit was editing it; left as it is, run again")
            }
            return file.new
        }
    }
}
