import Foundation
import Testing

/// Every subcommand's help lists only what the command takes: each option it shows is run, with a value where it
/// needs one, and must not be refused (exit 2). An option with no sample here fails the test, so a new option is
/// tried the day it appears.
@Suite("every command's help (end to end)")
struct HelpWalkTests {
    struct Option: Sendable {
        var name: String
        var flag: Bool
        var values: [String]?
    }

    /// The options and subcommands `speckit [COMMAND] --experimental-dump-help` describes.
    static func describe(_ command: [String]) throws -> (options: [Option], subcommands: [String]) {
        let dump = try CLIRunner.run(command + ["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let described = try #require(root["command"] as? [String: Any])
        let arguments = described["arguments"] as? [[String: Any]] ?? []
        let options = arguments.compactMap { argument -> Option? in
            guard argument["kind"] as? String != "positional", argument["shouldDisplay"] as? Bool != false,
                let preferred = argument["preferredName"] as? [String: Any], let name = preferred["name"] as? String
            else { return nil }
            let prefix = preferred["kind"] as? String == "short" ? "-" : "--"
            return Option(name: prefix + name, flag: argument["kind"] as? String == "flag", values: argument["allValues"] as? [String])
        }
        let subcommands = (described["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        return (options, subcommands)
    }

    static let commands: [String] = (try? describe([]).subcommands.filter { $0 != "help" }) ?? []

    /// A command run that succeeds (exit 0 or 1) in the scratch repository `scratch()` makes.
    static let baseRuns: [String: [String]] = [
        "parse": ["parse", "spec"], "validate": ["validate", "spec"], "status": ["status", "spec"],
        "diff": ["diff", "--base", "HEAD", "spec"], "rules": ["rules"], "next": ["next", "spec"],
        "set-status": ["set-status", "T1", "done", "spec"], "mcp": ["mcp", "spec"], "fix": ["fix", "spec"],
        "generate": ["generate", "--name", "Ops", "--out", "generated"], "pack": ["pack", "spec/k", "--out", "k.zip"],
        "init": ["init"], "run": ["run", "validate_spec_kit", "--params", "params.json", "--artifacts", "artifacts"],
    ]

    /// What each option is given; `$` stands for the option itself (flags are given alone). `COMMAND --option`
    /// keys are for one command only.
    static let samples: [String: [String]] = [
        "--config": ["$", "settings.yml"], "--profile": ["$", "speckit"], "--jobs": ["$", "2"],
        "--stdin-name": ["$", "spec/k/extra.md", "-"],
        "--output": ["$", "report.out"], "--base": ["$", "HEAD"], "--baseline": ["$", "baseline.json"],
        "--update-baseline": ["$", "new-baseline.json"], "--fail-on": ["$", "all"], "--report": ["$", "sarif=report.sarif"],
        "--expect-hash": ["$", "0000000000000000"], "--name": ["$", "Other"], "--description": ["$", "What it is for."],
        "--goal": ["$", "Ship it"], "--phase": ["$", "Build"], "--principle": ["$", "Small steps"], "--params": ["$", "generate.yaml"],
        "--out": ["$", "other"], "--templates": ["$", "templates"], "--zip": ["$", "generated.zip"], "--run-id": ["$", "run-1"],
        "--heartbeat": ["$", "1"], "--artifacts": ["$", "other-artifacts"], "run --params": ["$", "params.json"],
    ]

    /// Runs where an option changes what the command is (`run --list`), instead of being added to its base run.
    static let standalone: [String: [String: [String]]] = [
        "run": ["--list": ["run", "--list"], "--describe": ["run", "--describe", "validate_spec_kit"]],
        "pack": ["--out": ["pack", "spec/k", "--out", "packed.tar.gz"]],
    ]

    static func scratch() throws -> URL {
        let folder = try CLIRunner.folder([
            "spec/k/tasks.md": "# Tasks\n\n## Phase 1: Build\n\n- [ ] T1 Write the parser\n- [ ] T2 Wire the API (depends on T1)\n",
            "settings.yml": "rules:\n  status.unknown-value: warning\n", "params.json": #"{"path": "spec"}"#,
            "generate.yaml": "name: Ops\ngoals: [Ship it]\n", "templates/README": "no overrides\n",
        ])
        for arguments in [
            ["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-qm", "kit"],
        ] {
            #expect(try CLIRunner.run(arguments, in: folder, executable: "/usr/bin/git").status == 0)
        }
        #expect(try CLIRunner.run(["validate", "spec", "--update-baseline", "baseline.json"], in: folder).status == 0)
        return folder
    }

    @Test("speckit --help lists every subcommand, and each one's help is shown", arguments: commands)
    func help(command: String) throws {
        let root = try CLIRunner.run(["--help"])
        #expect(root.status == 0 && root.stdout.contains("\n  \(command) "), "\(command) is not in speckit --help")
        for arguments in [[command, "--help"], ["help", command]] {
            let shown = try CLIRunner.run(arguments)
            #expect(shown.status == 0, "\(arguments): \(shown.stderr)")
            #expect(shown.stdout.contains("USAGE: speckit \(command)"), "\(arguments)")
        }
    }

    @Test("every option a command's help shows is one it takes", arguments: commands)
    func optionsTaken(command: String) throws {
        let base = try #require(Self.baseRuns[command], "no base run for '\(command)': add one to HelpWalkTests.baseRuns")
        let options = try Self.describe([command]).options
        #expect(!options.isEmpty)
        for option in options where option.name != "--help" {
            var runs: [[String]] = []
            if let whole = Self.standalone[command]?[option.name] {
                runs = [whole]
            } else if option.name == "--version" {
                runs = [[command, "--version"]]
            } else if let values = option.values, !option.flag {
                // Every value of an option with a fixed set (formats, profiles), but `--fail-on new`, which needs a
                // baseline and is tried as `--fail-on all` (its sample).
                let chosen = option.name == "--fail-on" ? ["all"] : values
                runs = chosen.map { base + [option.name, $0] }
            } else if option.flag {
                runs = [base + [option.name]]
            } else {
                let sample = try #require(
                    Self.samples["\(command) \(option.name)"] ?? Self.samples[option.name],
                    "no sample for \(option.name) of \(command): add one")
                runs = [base + sample.map { $0 == "$" ? option.name : $0 }]
            }
            for arguments in runs {
                let folder = try Self.scratch()
                let input = arguments.contains("-") ? "# Extra\n\n- [ ] E1 From stdin\n" : nil
                let run = try CLIRunner.run(arguments, in: folder, input: input, timeout: 120)
                #expect([0, 1].contains(run.status), "speckit \(arguments.joined(separator: " ")) → \(run.status): \(run.stderr)")
                try? FileManager.default.removeItem(at: folder)
            }
        }
    }

    @Test("the completion scripts know every subcommand")
    func completions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try CLIRunner.run(["--generate-completion-script", shell])
            #expect(script.status == 0 && !script.stdout.isEmpty)
            for command in Self.commands { #expect(script.stdout.contains(command), "\(shell) completion lacks \(command)") }
        }
    }
}
