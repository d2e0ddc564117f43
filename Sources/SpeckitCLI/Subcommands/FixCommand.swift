import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit fix [PATH…] [--dry-run]`: the rewrites that are always safe.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract:
            "Repair mojibake, drop byte-order marks and make line endings uniform, in place; with --claims, make claims and phase statuses true.",
        discussion: """
            PATH is a plan file, or a folder whose kits' files are fixed, found the way 'speckit validate' finds \
            kits (templates left out; default: the current folder). Each file is \
            rewritten atomically only when something changes, keeping its owner, group and permissions and \
            every line another process appends meanwhile; with --dry-run a unified diff is printed and \
            nothing is written. A file with bytes that are not UTF-8 is left alone. A symbolic link, a file with \
            other hard links, or a file another process keeps open for writing is refused and left as it is \
            (exit 2, after the other files are fixed). With --claims, instead: every count claim that no way of \
            counting agrees with ('18 completed (16%)', '(3/27 subtasks)') is rewritten to what the tasks say, \
            counted the way the document's true claims of its kind are counted (else every task), and every phase \
            whose declared status its tasks contradict is given theirs; only those spans change, line endings and \
            byte-order mark kept, so that 'speckit validate' then reports no status.claim-mismatch and no \
            status.phase-contradiction.
            """
    )

    @Argument(help: ArgumentHelp("Plan files or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Print a unified diff of what would change and write nothing.")
    var dryRun = false

    @Flag(help: "Rewrite wrong count claims and contradicted phase statuses to what the tasks say (instead of the text repairs).")
    var claims = false

    @OptionGroup var load: SettingsOptions

    func run() throws {
        let settings = try load.settings(for: paths)
        if claims {
            try fixClaims(settings: settings)
            return
        }
        let files = try Self.files(paths.isEmpty ? ["."] : paths, settings: settings)
        var fixed = 0
        var refused = 0
        for path in files {
            var read: (bytes: [UInt8], result: TextFixer.Result)?
            // What the file holds, fixed; nil leaves it as it is.
            let fix = { (bytes: [UInt8]) throws -> [UInt8]? in
                let result = try TextFixer.fix(bytes, path: path)
                read = (bytes, result)
                return result.skipped == nil && !result.changes.isEmpty ? result.bytes : nil
            }
            do {
                if dryRun {
                    _ = try fix(try DiskFiles().read(path, maxBytes: settings.limits.fileBytes))
                } else {
                    // Replaced whole, keeping its owner, group and permissions, and every line appended meanwhile.
                    try FileRewrite.rewrite(path, maxBytes: settings.limits.fileBytes, fix)
                }
            } catch SpeckitError.cannotWrite(let file, let reason) {
                // Refused: the file is left as it was, and the run fails.
                StandardError.write("speckit: error: \(SpeckitError.cannotWrite(file, reason: reason).errorDescription ?? file)\n")
                refused += 1
                continue
            } catch let error as SpeckitError {
                StandardError.write("speckit: warning: \(error.errorDescription ?? "\(error)"); left alone\n")
                continue
            }
            guard let read else { continue }
            let (bytes, result) = read
            if let skipped = result.skipped {
                StandardError.write("speckit: warning: \(path): \(skipped); left alone\n")
                continue
            }
            guard !result.changes.isEmpty else { continue }
            fixed += 1
            if dryRun {
                print(
                    UnifiedDiff.render(
                        old: String(decoding: bytes, as: UTF8.self),
                        new: String(decoding: result.bytes, as: UTF8.self), path: path), terminator: "")
                print("would fix \(path.escapingControlCharacters): \(result.changes.joined(separator: "; "))")
            } else {
                print("fixed \(path.escapingControlCharacters): \(result.changes.joined(separator: "; "))")
            }
        }
        print("\(dryRun ? "would fix" : "fixed") \(fixed) of \(Plural.count(files.count, "file"))")
        if refused > 0 { throw ExitCode(2) }
    }

    /// `--claims`: each kit's contradicted phase statuses, then its wrong claims, rewritten.
    private func fixClaims(settings: ValidationSettings) throws {
        let set = try KitLoader(settings: settings).discover(paths.isEmpty ? ["."] : paths)
        var changed = 0
        for source in set.kits where !source.archived {
            var editor = try KitEditor(source: source, settings: settings, files: set.files)
            editor.editable = Set(source.reported)
            try PhaseStatus.correct(&editor)
            try ClaimUpdate.correct(&editor)
            guard !editor.changedFiles.isEmpty || !editor.leftAlone.isEmpty else { continue }
            changed += 1
            try PlanEdits.finish(editor, dryRun: dryRun, summary: nil)
        }
        if changed == 0 { print("nothing to change: every claim and phase status checked agrees with the tasks") }
    }

    /// The files named, and the plan files of the kits under the folders named (found as every command finds
    /// them, templates left out).
    static func files(_ paths: [String], settings: ValidationSettings) throws -> [String] {
        let set = try KitLoader(settings: settings).discover(paths)
        let named = Set(set.kits.flatMap(\.named))
        var out: [String] = []
        // Only the files asked for: a named file's kit is read for context, never rewritten.
        for file in set.kits.flatMap(\.reported) {
            // Found by walking a folder, a link may lead anywhere: fix rewrites only what is in it.
            if !named.contains(file), FileKind.isLink(file) {
                StandardError.write("speckit: warning: \(file): a symbolic link; left alone (name the file it points to, to fix that)\n")
                continue
            }
            out.append(file)
        }
        return out
    }
}
