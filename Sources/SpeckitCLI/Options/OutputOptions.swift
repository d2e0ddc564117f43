import ArgumentParser
import SpeckitCore

/// `--output FILE`: where a report goes instead of stdout.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    /// Writes `text` to the output file, or to stdout.
    func emit(_ text: String) throws {
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }
}

/// The formats `speckit parse` prints.
enum ParseFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text
}
