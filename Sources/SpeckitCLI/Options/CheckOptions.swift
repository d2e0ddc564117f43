import ArgumentParser
import Foundation
import SpeckitCore

/// The options every checking command shares: how kits are loaded, strictness, verbosity, colour.
struct CheckOptions: ParsableArguments {
    @OptionGroup var load: LoadOptions

    @Flag(help: "Warnings fail the run (exit 1) as errors do.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only the findings that fail the run, without the summary line.")
    var quiet = false

    @Flag(name: .customLong("no-color"), help: "Never colour the output (NO_COLOR is respected too).")
    var noColor = false

    /// The configuration file merged with the flags (see `LoadOptions.settings(for:)`).
    func settings(for paths: [String]) throws -> ValidationSettings {
        var settings = try load.settings(for: paths)
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
