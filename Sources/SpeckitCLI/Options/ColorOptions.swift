import ArgumentParser
import Foundation

/// `--no-color`: the commands that colour text on a terminal.
struct ColorOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Never colour the output (NO_COLOR is respected too).")
    var noColor = false

    /// Whether to colour text written to stdout.
    func useColor(writingToFile: Bool) -> Bool {
        if noColor || writingToFile { return false }
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}
