import Foundation
import Testing

/// Every example in the README is what the binary prints today. An example is a code block after an
/// `<!-- example: FOLDER -->` comment: its `$ speckit …` lines are run in a copy of FOLDER (or, for `.`, in
/// the repository itself), and the lines after each must appear in what it prints, in order; a line `…`
/// stands for any number of lines.
@Suite("README examples")
struct ReadmeExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var folder: String
        var command: [String]
        var expected: [String]
        var testDescription: String { "speckit " + command.joined(separator: " ") }
    }

    static let examples: [Example] = {
        let readme = (try? String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var out: [Example] = []
        var folder: String?
        var inBlock = false
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("<!-- example: "), line.hasSuffix(" -->") {
                folder = String(line.dropFirst("<!-- example: ".count).dropLast(" -->".count))
            } else if line.hasPrefix("```") {
                if inBlock { folder = nil }
                inBlock.toggle()
            } else if inBlock, let folder {
                if line.hasPrefix("$ speckit ") {
                    out.append(
                        Example(
                            folder: folder, command: line.dropFirst("$ speckit ".count).split(separator: " ").map(String.init), expected: []
                        ))
                } else if !out.isEmpty {
                    out[out.count - 1].expected.append(line)
                }
            }
        }
        return out
    }()

    @Test("the README shows examples of discovery, validate, status, diff and parse")
    func examplesFound() {
        let commands = Set(Self.examples.compactMap(\.command.first))
        #expect(commands.isSuperset(of: ["validate", "status", "diff", "parse"]), "\(commands)")
        #expect(Self.examples.allSatisfy { !$0.expected.isEmpty })
    }

    @Test("each example prints what the README shows", arguments: examples)
    func example(_ example: Example) throws {
        let folder: URL
        if example.folder == "." {
            folder = CLIRunner.repositoryRoot
        } else {
            let parent = try CLIRunner.temporaryFolder()
            folder = parent.appendingPathComponent(URL(fileURLWithPath: example.folder).lastPathComponent)
            try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent(example.folder), to: folder)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        }
        let outcome = try CLIRunner.run(example.command, in: folder, environment: ["NO_COLOR": "1"])
        #expect(outcome.status == 0 || outcome.status == 1, "\(outcome.stderr)")
        let missing = Self.unmatched(example.expected, in: outcome.stdout.components(separatedBy: "\n").dropLast())
        #expect(missing == nil, "README line not printed: \(missing ?? "")\n--- printed:\n\(outcome.stdout)")
    }

    /// The first expected line not found in `actual`, in order (`…` skips any lines); nil when all are there
    /// and, unless the last expected line is `…`, nothing is printed after them.
    static func unmatched(_ expected: [String], in actual: ArraySlice<String>) -> String? {
        var rest = actual
        var skipping = false
        for line in expected {
            if line == "…" {
                skipping = true
                continue
            }
            if skipping {
                guard let index = rest.firstIndex(of: line) else { return line }
                rest = rest[(index + 1)...]
            } else {
                guard rest.first == line else { return line }
                rest = rest.dropFirst()
            }
            skipping = false
        }
        return skipping || rest.isEmpty ? nil : "(nothing more), but printed: \(rest.first ?? "")"
    }
}
