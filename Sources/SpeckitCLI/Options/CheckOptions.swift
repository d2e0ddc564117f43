import ArgumentParser
import Foundation
import SpeckitCore

/// The options of the commands that check and gate (`validate`, `diff`): how kits are loaded, strictness,
/// verbosity, colour.
struct CheckOptions: ParsableArguments {
    @OptionGroup var load: LoadOptions

    @Flag(help: "Warnings fail the run (exit 1) as errors do.")
    var strict = false

    @Flag(
        name: .shortAndLong,
        help: "With --format text, print only the findings that fail the run, without the summary line.")
    var quiet = false

    @OptionGroup var color: ColorOptions

    /// The configuration file merged with the flags (see `LoadOptions.settings(for:)`).
    func settings(for paths: [String]) throws -> ValidationSettings {
        var settings = try load.settings(for: paths)
        if strict { settings.strict = true }
        return settings
    }

    /// Whether to colour text written to stdout.
    func useColor(writingToFile: Bool) -> Bool { color.useColor(writingToFile: writingToFile) }
}
