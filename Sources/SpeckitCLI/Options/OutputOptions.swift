import ArgumentParser
import SpeckitCore

/// `--output FILE`: where a report goes instead of stdout.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the report to FILE (atomically) instead of stdout ('-' is stdout).", valueName: "file"))
    var output: String?

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output needs a file name (or '-' for stdout)") }
    }

    /// The file to write, or nil for stdout.
    var file: String? { output == "-" ? nil : output }

    /// Writes `text` to the output file, or to stdout.
    func emit(_ text: String) throws {
        if let file {
            try AtomicFile.write(text, to: file)
        } else {
            print(text, terminator: "")
        }
    }
}

/// The formats `speckit parse` prints.
enum ParseFormat: String, ExpressibleByArgument, CaseIterable {
    case json, text
}
