import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit fix [PATH…] [--dry-run]`: the rewrites that are always safe.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Repair mojibake, drop byte-order marks and make line endings uniform, in place.",
        discussion: """
            PATH is a plan file, or a folder whose kits' files are fixed, found the way 'speckit validate' finds \
            kits (templates left out; default: the current folder). Each file is \
            rewritten atomically only when something changes; with --dry-run a unified diff is printed and \
            nothing is written. A file with bytes that are not UTF-8 is left alone.
            """
    )

    @Argument(help: ArgumentHelp("Plan files or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Print a unified diff of what would change and write nothing.")
    var dryRun = false

    @OptionGroup var load: LoadOptions

    func run() throws {
        let files = try Self.files(paths.isEmpty ? ["."] : paths, settings: try load.settings(for: paths))
        var fixed = 0
        for path in files {
            let bytes: [UInt8]
            let result: TextFixer.Result
            do {
                bytes = try DiskFiles().read(path)
                result = try TextFixer.fix(bytes, path: path)
            } catch let error as SpeckitError {
                StandardError.write("speckit: warning: \(error.errorDescription ?? "\(error)"); left alone\n")
                continue
            }
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
                // Replaced whole, keeping its permissions.
                try AtomicFile.write(result.bytes, to: path)
                print("fixed \(path.escapingControlCharacters): \(result.changes.joined(separator: "; "))")
            }
        }
        print("\(dryRun ? "would fix" : "fixed") \(fixed) of \(files.count) file\(files.count == 1 ? "" : "s")")
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
