import ArgumentParser
import SpeckitCore

/// `speckit parse [PATH…]`: the plan model as JSON or as text (an outline).
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the plan model of files or folders as JSON or as text (an indented outline).",
        discussion: DiscoveryHelp.text + " " + """
            Any extension but .yaml/.yml/.json is read as Markdown. A file named is shown in its kit (its other \
            documents are not printed). A file that cannot be read is an input.unreadable diagnostic and the \
            others are still parsed. The JSON shape is documented by \
            spec/schema/parse.schema.json. Exit codes: 0 everything was read, 1 a file could not be read, 2 bad \
            arguments or nothing could be read.
            """
    )

    @Argument(help: ArgumentHelp("Plan files, kit folders, trees or archives (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Output format: json, or text (an indented outline).", valueName: "format"))
    var format: ParseFormat = .json

    @OptionGroup var load: LoadOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let paths = self.paths.isEmpty ? ["."] : self.paths
        let settings = try load.settings(for: self.paths)
        let set = try input.discover(paths, settings: settings)
        if let output = outputOptions.file {
            try OutputPath.refuseInputs(outputs: [output], inputs: load.inputs(of: set, paths: self.paths))
        }
        let writer: any ParseWriter = format == .json ? ParseJSONWriter() : TextOutline(verbose: load.verbose)
        let output = try ReportOutput(path: outputOptions.file)
        let pipeline = ParsePipeline(writer: writer, skipped: set.skipped) { output.write($0) }
        Validator(settings: settings, jobs: load.threads).read(set) { pipeline.add($0) }
        let code: Int32
        do {
            code = try pipeline.finish(path: paths[0])
        } catch {
            output.discard()
            throw error
        }
        try output.finish()
        if code != 0 { throw ExitCode(code) }
    }
}
