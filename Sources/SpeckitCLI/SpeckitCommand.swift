public import ArgumentParser
import SpeckitCore

/// The root command: lists the subcommands.
public struct SpeckitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "speckit",
        abstract: "Parse, validate, generate and report on spec kits: constitution, PRD, plan and tasks documents.",
        discussion: """
            Exit codes: 0 nothing at error severity, 1 findings at error severity, \
            2 speckit could not do its job (bad arguments, unreadable input, bad config).
            """,
        version: Speckit.version,
        subcommands: [
            ParseCommand.self, ValidateCommand.self, StatusCommand.self, DiffCommand.self, RulesCommand.self,
            NextCommand.self, SetStatusCommand.self, MCPCommand.self, GenerateCommand.self, PackCommand.self, FixCommand.self,
            RunCommand.self,
            InitCommand.self,
        ]
    )

    public init() {}
}
