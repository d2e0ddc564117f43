public import ArgumentParser
import Foundation
import SpeckitCore

/// Where settings come from, for every command that reads kits: the configuration file, the profile,
/// templates.
struct SettingsOptions: ParsableArguments {
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

    /// The configuration file merged with the flags. Without `--config`, the nearest `.speckit.yml` above
    /// the first path, else above the current folder, never climbing past a repository root, the home
    /// folder or the file system's root (`verbose` says on stderr which file was used).
    func settings(for paths: [String], verbose: Bool = false) throws -> ValidationSettings {
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

    /// The configuration file a run reads (`--config`, else the nearest `.speckit.yml`), if any.
    func configFile(for paths: [String]) -> String? { config ?? ConfigFile.nearest(for: paths).file }

    /// Every file a run over `set` reads, which no output may replace: its plans and its configuration file.
    func inputs(of set: KitSet, paths: [String]) -> [String] {
        set.allFiles + (configFile(for: paths).map { [$0] } ?? [])
    }
}

/// `--jobs`: the commands that read and check many kits at once.
struct JobsOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Read and check kits on N threads (default: all cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// The threads to use.
    var threads: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// How kits are found and read by the commands that report on them (`validate`, `diff`, `status`, `parse`):
/// settings, threads, and whether to list what was skipped.
struct LoadOptions: ParsableArguments {
    @OptionGroup var base: SettingsOptions

    @Flag(name: .shortAndLong, help: "List every file found but not read as a plan, and why.")
    var verbose = false

    @OptionGroup var jobsOptions: JobsOptions

    /// The threads to use.
    var threads: Int { jobsOptions.threads }

    /// The configuration file merged with the flags (see `SettingsOptions.settings(for:verbose:)`).
    func settings(for paths: [String]) throws -> ValidationSettings { try base.settings(for: paths, verbose: verbose) }

    /// The configuration file a run reads, if any.
    func configFile(for paths: [String]) -> String? { base.configFile(for: paths) }

    /// Every file a run over `set` reads, which no output may replace.
    func inputs(of set: KitSet, paths: [String]) -> [String] { base.inputs(of: set, paths: paths) }

    /// The error for a run in which every file found turned out not to be a plan.
    static func nothingFound(_ paths: [String], skipped: [SkippedFile]) -> SpeckitError {
        .noKits(paths.first ?? ".", skipped: SkippedFile.summary(skipped))
    }
}

/// How PATHs are read by the commands that only read them (`validate`, `status`, `parse`, `next`): `-` is a
/// plan on stdin, and hooks may ask to read only what a walk would.
struct InputOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Read a named file only if walking the current folder would read it: a layout's document or named like "
                + "a plan, not a template, test data or excluded by .speckit.yml (for hooks handed every changed file)."))
    var onlyPlans = false

    @Option(
        help: ArgumentHelp(
            "The name a plan read from stdin (PATH '-') has in findings, and where it is placed (default: stdin.md).",
            valueName: "name"))
    var stdinName: String?

    func validate() throws {
        if let stdinName, stdinName.isEmpty || stdinName == "-" || stdinName.hasSuffix("/") {
            throw ValidationError("--stdin-name needs a file name such as specs/001-x/tasks.md, got '\(stdinName)'")
        }
    }

    /// Where the plan read from stdin is placed: `--stdin-name`, or `stdin.md`.
    var stdinPath: String { stdinName ?? "stdin.md" }

    /// The kits under `paths` (the current folder when there are none), found with `settings`.
    /// A PATH of `-` is one plan read from stdin, named `--stdin-name`.
    func discover(_ paths: [String], settings: ValidationSettings) throws -> KitSet {
        try PhaseClock.time(.discover) { try discovering(paths, settings: settings) }
    }

    private func discovering(_ paths: [String], settings: ValidationSettings) throws -> KitSet {
        let paths = paths.isEmpty ? ["."] : paths
        guard paths.contains("-") else {
            if stdinName != nil { throw ValidationError("--stdin-name names the plan read from stdin: give '-' as a PATH") }
            var loader = KitLoader(settings: settings)
            loader.namedAsWalked = onlyPlans
            return try loader.discover(paths)
        }
        guard paths.count(where: { $0 == "-" }) == 1 else { throw ValidationError("'-' (stdin) can be given once") }
        let name = stdinPath
        if [.folder, .symlinkedFolder].contains(FileKind.followed(name)) {
            throw ValidationError("--stdin-name \(name) is a folder: give the plan's file name (\(name)/tasks.md)")
        }
        let limit = settings.limits.fileBytes
        let bytes = try RawInput.read(STDIN_FILENO, limit: limit + 1, source: "stdin")
        if bytes.count > limit { throw SpeckitError.fileTooLarge("stdin", bytes: bytes.count, limit: limit) }
        if bytes.isEmpty { throw SpeckitError.emptyFile("stdin (\(name))") }
        return try KitLoader(settings: settings).discover(paths, standardInput: bytes, name: name)
    }
}

extension Kit.Profile: ExpressibleByArgument {}
