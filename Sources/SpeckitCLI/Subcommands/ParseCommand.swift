import ArgumentParser
import SpeckitCore

/// `speckit parse PATH…`: the plan model as JSON or as a readable outline.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the plan model of files or folders as JSON or as an outline.",
        discussion: """
            PATH is a Markdown file (any extension but .yaml/.yml/.json is read as Markdown), a YAML plan \
            (tasks.yaml, plan.yaml, roadmap.yml), a Taskmaster tasks.json, or a folder searched for them. \
            The JSON shape is documented by spec/schema/parse.schema.json.
            """
    )

    @Argument(help: ArgumentHelp("Plan files or folders.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("Output format: json or text.", valueName: "format"))
    var format: ParseFormat = .json

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("expected at least one PATH (a plan file or folder)") }
    }

    func run() throws {
        let result = try PlanLoader().load(paths)
        switch format {
        case .json:
            try outputOptions.emit(try JSONOutput.encode(result))
        case .text:
            try outputOptions.emit(TextOutline.render(result))
        }
    }
}
