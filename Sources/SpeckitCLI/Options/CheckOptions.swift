import ArgumentParser
import Foundation
import SpeckitCore

/// The options every checking command shares: configuration, strictness, verbosity, colour, profile, jobs.
struct CheckOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read settings from FILE instead of the nearest .speckit.yml.", valueName: "file"))
    var config: String?

    @Option(
        help: ArgumentHelp(
            "Treat every kit as this profile: \(Kit.Profile.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "profile"))
    var profile: Kit.Profile?

    @Flag(help: "Warnings fail the run (exit 1) as errors do.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only the findings that fail the run, without the summary line.")
    var quiet = false

    @Flag(name: .customLong("no-color"), help: "Never colour the output (NO_COLOR is respected too).")
    var noColor = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Check kits on N threads (default: all cores).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// The configuration file merged with the flags. Without `--config`, the nearest `.speckit.yml` above
    /// the first path checked (up to its repository root), else above the current folder.
    func settings(for paths: [String]) throws -> ValidationSettings {
        var settings = ValidationSettings()
        if let config {
            guard FileManager.default.fileExists(atPath: config) else {
                throw SpeckitError.badConfig(file: config, line: nil, column: nil, problem: "no such file (given by --config)")
            }
            settings = try ConfigFile.load(config)
        } else if let found = ConfigFile.nearest(for: paths) {
            settings = try ConfigFile.load(found)
        }
        if let profile { settings.profile = profile }
        if strict { settings.strict = true }
        return settings
    }

    /// Whether to colour text written to stdout.
    func useColor(writingToFile: Bool) -> Bool {
        if noColor || writingToFile { return false }
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}

extension Kit.Profile: ExpressibleByArgument {}
