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
            files.append((".github/workflows/speckit.yml", ConfigTemplate.workflow))
        }
        // Nothing is written unless everything can be.
        for (path, _) in files {
            if !force, FileKind.of(path) != .missing || FileKind.isLink(path) { throw SpeckitError.wouldOverwrite(path) }
            try OutputGuard.check(path)
        }
        for (path, text) in files {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try AtomicFile.write(text, to: path)
            print("wrote \(path)")
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
