public import ArgumentParser
import Foundation
import SpeckitCore

/// How kits are found and read, for every command that reads them: configuration, profile, templates,
/// threads, and whether to list what was skipped.
struct LoadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read settings from FILE instead of the nearest .speckit.yml.", valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Treat every kit as this profile: \(Kit.Profile.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "profile"))
    var profile: Kit.Profile?

    @Flag(
        name: .customLong("include-templates"),
        help: "Also read templates and agents' prompt files (templates/, *-template.md, .claude/commands/ …) as plans.")
    var includeTemplates = false

    @Flag(name: .shortAndLong, help: "List every file found but not read as a plan, and why.")
    var verbose = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Read and check kits on N threads (default: all cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// The threads to use.
    var threads: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// The configuration file merged with the flags. Without `--config`, the nearest `.speckit.yml` above
    /// the first path, else above the current folder, never climbing past a repository root, the home
    /// folder or the file system's root (`--verbose` says which file was used).
    func settings(for paths: [String]) throws -> ValidationSettings {
        var settings = ValidationSettings()
        if let config {
            guard FileManager.default.fileExists(atPath: config) else {
                throw SpeckitError.badConfig(file: config, line: nil, column: nil, problem: "no such file (given by --config)")
            }
            settings = try ConfigFile.load(config)
        } else {
            let search = ConfigFile.nearest(for: paths)
            if verbose { FileHandle.standardError.write(Data("speckit: \(search.description)\n".utf8)) }
            if let found = search.file { settings = try ConfigFile.load(found) }
        }
        if let profile { settings.profile = profile }
        if includeTemplates { settings.includeTemplates = true }
        return settings
    }

    /// The error for a run in which every file found turned out not to be a plan.
    static func nothingFound(_ paths: [String], skipped: [SkippedFile]) -> SpeckitError {
        .noKits(paths.first ?? ".", skipped: SkippedFile.summary(skipped))
    }

    /// The kits under `paths` (the current folder when there are none), found with `settings`.
    func discover(_ paths: [String], settings: ValidationSettings) throws -> KitSet {
        try KitLoader(settings: settings).discover(paths.isEmpty ? ["."] : paths)
    }
}

extension Kit.Profile: ExpressibleByArgument {}
