import Foundation
import SpeckitCore
import Testing
import Yams

@testable import SpeckitCLI

/// The workflows parse, call only speckit commands and options that exist, use the action with inputs it
/// declares, and the README shows users exactly the workflow `speckit init --github` writes. The action's own
/// shell steps run for real in `scripts/check-action.sh`.
@Suite("GitHub workflow")
struct WorkflowTests {
    static let workflow = CLIRunner.repositoryRoot.appendingPathComponent(".github/workflows/ci.yml")
    /// The workflow `speckit init --github` writes into a user's repository.
    static let initWorkflow = CLIRunner.repositoryRoot.appendingPathComponent("templates/init/speckit-workflow.yml")
    static let action = CLIRunner.repositoryRoot.appendingPathComponent("action.yml")

    static func load(_ url: URL) throws -> [String: Any] {
        try #require(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
    }

    /// Every step of every job of a workflow.
    static func steps(_ url: URL) throws -> [[String: Any]] {
        let jobs = try #require(try load(url)["jobs"] as? [String: Any])
        return jobs.values.compactMap { $0 as? [String: Any] }.flatMap { $0["steps"] as? [[String: Any]] ?? [] }
    }

    /// Every `run:` script of every job.
    static func scripts() throws -> [String] {
        try [workflow, initWorkflow].flatMap { try steps($0).compactMap { $0["run"] as? String } }
    }

    /// The inputs action.yml declares.
    static func actionInputs() throws -> Set<String> {
        Set(try #require(try load(action)["inputs"] as? [String: Any]).keys)
    }

    /// The commands of a script, continuation lines joined, split into words the way the shell would
    /// (double quotes kept together, `$BASE` given a value).
    static func commands(_ script: String) -> [[String]] {
        script.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").map { line in
            var words: [String] = []
            var word = ""
            var quoted = false
            for character in line {
                if character == "\"" {
                    quoted.toggle()
                    continue
                }
                if character == " ", !quoted {
                    if !word.isEmpty {
                        words.append(word)
                        word = ""
                    }
                    continue
                }
                word.append(character)
            }
            if !word.isEmpty { words.append(word) }
            return words.map { $0.replacingOccurrences(of: "$BASE", with: "origin/main") }
        }
    }

    @Test("the workflows parse as YAML, their speckit calls parse as speckit commands and their scripts exist")
    func speckitCalls() throws {
        for script in try Self.scripts() {
            for words in Self.commands(script) {
                if words.first == "speckit" {
                    #expect(throws: Never.self, "\(words.joined(separator: " "))") {
                        _ = try SpeckitCommand.parseAsRoot(Array(words.dropFirst()))
                    }
                }
                for word in words where word.hasPrefix("scripts/") {
                    #expect(
                        FileManager.default.isExecutableFile(atPath: CLIRunner.repositoryRoot.appendingPathComponent(word).path), "\(word)")
                }
            }
        }
        let unknown = Self.commands("speckit validate --no-such-flag")[0]
        #expect(throws: (any Error).self) { _ = try SpeckitCommand.parseAsRoot(Array(unknown.dropFirst())) }
    }

    @Test("the speckit job runs this repository's action with the binary it builds")
    func dogfood() throws {
        let steps = try Self.steps(Self.workflow)
        let build = try #require(steps.first { ($0["run"] as? String)?.contains("swift build -c release --product speckit") == true })
        #expect(build["name"] as? String == "Build speckit")
        let local = try #require(steps.first { $0["uses"] as? String == "./" })
        let with = try #require(local["with"] as? [String: Any])
        #expect(with["speckit-path"] as? String == ".build/release/speckit")
        #expect(Set(with.keys).isSubset(of: try Self.actionInputs()), "\(with.keys)")
    }

    @Test("the init workflow pins this release of the action and names only inputs it has, commented ones too")
    func initWorkflowInputs() throws {
        let uses = try Self.steps(Self.initWorkflow).compactMap { $0["uses"] as? String }
        #expect(uses == ["actions/checkout@v4", "speckit-dev/speckit@v\(Speckit.version)"])
        let text = try String(contentsOf: Self.initWorkflow, encoding: .utf8)
        // `#   name: value` lines after `# with:`.
        let commented = text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#   "), let colon = trimmed.firstIndex(of: ":") else { return nil }
            return trimmed[trimmed.index(trimmed.startIndex, offsetBy: 4)..<colon].trimmingCharacters(in: .whitespaces)
        }
        #expect(!commented.isEmpty)
        #expect(Set(commented).isSubset(of: try Self.actionInputs()), "\(commented)")
    }

    /// The README's "Use in your repository" section.
    static func readmeSection() throws -> String {
        let readme = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Use in your repository\n"))
        let rest = readme[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }

    @Test("the README's 'use in your repository' snippet is the workflow speckit init --github writes, word for word")
    func readmeSnippet() throws {
        let template = try String(contentsOf: Self.initWorkflow, encoding: .utf8)
        let shown = try Self.readmeSection().contains("```yaml\n" + template + "```\n")
        #expect(shown, "README.md does not show \(Self.initWorkflow.lastPathComponent)")
    }

    @Test("the README's tables list every input and output of the action, and nothing else")
    func readmeInputsAndOutputs() throws {
        let section = try Self.readmeSection()
        // The first cell of each table row: | `name` | …
        let names = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        }
        let parsed = try Self.load(Self.action)
        let outputs = Set(try #require(parsed["outputs"] as? [String: Any]).keys)
        #expect(Set(names) == (try Self.actionInputs()).union(outputs), "\(names)")
        #expect(names.count == Set(names).count)
    }
}

/// The run templates' steps call speckit commands that exist, with the options they name.
@Suite("Run template steps")
struct RunTemplateStepTests {
    @Test("every template's shell step parses as `speckit run` for that template")
    func stepsParse() throws {
        let folder = CLIRunner.repositoryRoot.appendingPathComponent("templates/run-templates")
        let definitions = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(definitions.count == 2)
        for name in definitions {
            let parsed = try #require(
                try Yams.load(yaml: String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) as? [String: Any])
            let steps = try #require(parsed["steps"] as? [[String: Any]])
            for step in steps {
                let script = try #require(step["run"] as? String)
                var words = try #require(WorkflowTests.commands(script).first)
                #expect(words.first == "exec", "the shell must exec speckit, or SIGTERM reaches the shell instead")
                words.removeFirst()
                #expect(words.first == "speckit")
                let command = try SpeckitCommand.parseAsRoot(Array(words.dropFirst()))
                let run = try #require(command as? RunCommand, "\(words)")
                #expect(run.template == parsed["name"] as? String)
                #expect(run.params == "$SPECKIT_PARAMS" && run.artifacts == "$SPECKIT_ARTIFACTS" && run.runID == "$SPECKIT_RUN_ID")
            }
        }
    }
}
