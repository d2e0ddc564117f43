import ArgumentParser
import Foundation
import SpeckitCore

/// `speckit init [--github] [--force]`: a commented `.speckit.yml` for the layouts found here, and with
/// `--github` the workflow that runs speckit on every pull request.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .speckit.yml for the kits found here (and, with --github, the workflow).",
        discussion: """
            Looks for kits under the current folder the way 'validate' does and writes .speckit.yml with what it \
            found and every setting commented out at its default, so nothing changes until a line is \
            uncommented. --github also writes .github/workflows/speckit.yml, which runs the speckit GitHub \
            Action on pull requests. An existing file is left as it is unless --force is given. \
            Exit codes: 0 written, 2 a file exists (without --force) or cannot be written.
            """
    )

    @Flag(help: "Also write .github/workflows/speckit.yml (the speckit GitHub Action on pull requests).")
    var github = false

    @Flag(help: "Replace files that exist.")
    var force = false

    func run() throws {
        var files: [(path: String, text: String)] = [(".speckit.yml", try configuration())]
        if github {
            // GitHub reads workflows only from the repository's top folder.
            let current = FileManager.default.currentDirectoryPath
            if let root = ReportPaths.repositoryRoot(from: current),
                URL(fileURLWithPath: root).resolvingSymlinksInPath() != URL(fileURLWithPath: current).resolvingSymlinksInPath()
            {
                throw ValidationError(
                    "--github writes .github/workflows/speckit.yml, which GitHub reads only at the repository's root: run init in \(root)")
            }
            files.append((".github/workflows/speckit.yml", ConfigTemplate.workflow))
        }
        // Nothing is written unless everything can be: every folder on the way is a folder (or missing), and
        // no file is replaced without --force.
        for (path, _) in files {
            try Self.checkFolders(of: path)
            if [.folder, .symlinkedFolder].contains(FileKind.of(path)) {
                throw SpeckitError.cannotWrite(path, reason: "it is a folder; expected a file name")
            }
            if !force, FileKind.of(path) != .missing || FileKind.isLink(path) { throw SpeckitError.wouldOverwrite(path) }
            try OutputGuard.check(path)
        }
        for (path, text) in files {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw SpeckitError.cannotWrite(path, reason: "cannot create the folder \(folder)")
            }
            try AtomicFile.write(text, to: path)
            print("wrote \(path)")
        }
    }

    /// Refuses a path whose folders include something that is not a folder (`.github` as a file) or a link.
    private static func checkFolders(of path: String) throws {
        var folder = ""
        for part in path.split(separator: "/").dropLast() {
            folder += folder.isEmpty ? String(part) : "/" + part
            switch FileKind.of(folder) {
            case .missing, .folder: continue
            case .symlinkedFolder:
                throw SpeckitError.cannotWrite(path, reason: "\(folder) is a symbolic link; speckit never writes through one")
            default: throw SpeckitError.cannotWrite(path, reason: "\(folder) is not a folder")
            }
        }
    }

    /// The configuration text for the kits found here; none found is no error.
    private func configuration() throws -> String {
        let kits: [(profile: Kit.Profile, root: String, name: String)]
        do {
            let paths = ReportPaths.forCurrentFolder()
            kits = try KitLoader().discover(["."]).kits.map { ($0.profile, paths.relative($0.root), $0.name) }
        } catch let error as SpeckitError where error.meansNothingToCheck {
            kits = []
        }
        let text = ConfigTemplate.text(kits: kits)
        // What init writes must read back as the defaults.
        _ = try ConfigFile.parse(text, file: ".speckit.yml")
        return text
    }
}
