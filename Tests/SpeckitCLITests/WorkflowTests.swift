import Foundation
import Testing
import Yams

@testable import SpeckitCLI

/// The GitHub workflow parses, calls only speckit commands and options that exist, and the README shows
/// users exactly the steps the repository runs on itself.
@Suite("GitHub workflow")
struct WorkflowTests {
    static let workflow = CLIRunner.repositoryRoot.appendingPathComponent(".github/workflows/ci.yml")

    /// Every `run:` script of every job.
    static func scripts() throws -> [String] {
        let text = try String(contentsOf: workflow, encoding: .utf8)
        let parsed = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(parsed["jobs"] as? [String: Any])
        return jobs.values.compactMap { $0 as? [String: Any] }.flatMap { job in
            (job["steps"] as? [[String: Any]] ?? []).compactMap { $0["run"] as? String }
        }
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

    @Test("the workflow parses as YAML and its speckit calls parse as speckit commands")
    func speckitCalls() throws {
        var calls = 0
        for script in try Self.scripts() {
            for words in Self.commands(script) {
                if words.first == "speckit" {
                    #expect(throws: Never.self, "\(words.joined(separator: " "))") {
                        _ = try SpeckitCommand.parseAsRoot(Array(words.dropFirst()))
                    }
                    calls += 1
                }
                for word in words where word.hasPrefix("scripts/") {
                    #expect(
                        FileManager.default.isExecutableFile(atPath: CLIRunner.repositoryRoot.appendingPathComponent(word).path), "\(word)")
                }
            }
        }
        #expect(calls >= 1)
        let unknown = Self.commands("speckit validate --no-such-flag")[0]
        #expect(throws: (any Error).self) { _ = try SpeckitCommand.parseAsRoot(Array(unknown.dropFirst())) }
    }

    @Test("the README's 'use in your repository' snippet is the workflow's speckit block, word for word")
    func readmeSnippet() throws {
        let text = try String(contentsOf: Self.workflow, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.contains("# speckit:begin") })
        let end = try #require(lines.firstIndex { $0.contains("# speckit:end") })
        let block = lines[(start + 1)..<end].joined(separator: "\n")
        #expect(block.contains("speckit validate"))
        let readme = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(block + "\n"), "README.md does not contain the workflow's speckit block")
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
