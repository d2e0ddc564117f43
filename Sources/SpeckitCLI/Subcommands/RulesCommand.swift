import ArgumentParser
import SpeckitCore

/// `speckit rules`: every rule with its id, default severity and what it checks.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, default severity, what it checks and examples.",
        discussion: "The markdown format is the rule reference shipped as docs/rules.md."
    )

    @Option(help: ArgumentHelp("Output format: text, json or markdown.", valueName: "format"))
    var format: RulesFormat = .text

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        switch format {
        case .text: try outputOptions.emit(RuleCatalogue.text())
        case .json: try outputOptions.emit(try RuleCatalogue.json())
        case .markdown: try outputOptions.emit(RuleCatalogue.markdown())
        }
    }
}

/// The formats `speckit rules` writes.
enum RulesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}
