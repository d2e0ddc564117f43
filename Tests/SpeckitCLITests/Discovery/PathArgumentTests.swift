import Foundation
import Testing

/// Issue 17, item 4: PATH arguments as CI configuration writes them: quoted globs the shell did not expand,
/// and `-` for one plan on stdin named by `--stdin-name`.
@Suite("Quoted globs and stdin as PATH arguments (end to end)")
struct PathArgumentTests {
    static let broken = "# Tasks\n\n- [ ] T001 Build it (depends on T009)\n"

    private func tree() throws -> URL {
        try CLIRunner.folder([
            ".git/HEAD": "",
            "specs/001-a/tasks.md": Self.broken,
            "specs/001-a/plan.md": "# Plan\n",
            "specs/002-b/tasks.md": Self.broken,
            "specs/002-b/deep/tasks.md": Self.broken,
            "node_modules/pkg/tasks.md": Self.broken,
            "ROADMAP.md": Self.broken,
        ])
    }

    @Test(
        "A quoted glob is the files it matches, as a shell would give them; ** crosses folders, * does not",
        arguments: [
            ("specs/*/tasks.md", ["specs/001-a/tasks.md", "specs/002-b/tasks.md"]),
            ("specs/**/tasks.md", ["specs/001-a/tasks.md", "specs/002-b/deep/tasks.md", "specs/002-b/tasks.md"]),
            ("**/tasks.md", ["specs/001-a/tasks.md", "specs/002-b/deep/tasks.md", "specs/002-b/tasks.md"]),
            ("*.md", ["ROADMAP.md"]),
            ("specs/00?-a/*.md", ["specs/001-a/tasks.md"]),
        ])
    func globs(pattern: String, files: [String]) throws {
        let run = try CLIRunner.run(["validate", pattern, "--quiet"], in: try tree())
        #expect(run.status == 1, "\(run.stderr)")
        let found = run.stdout.split(separator: "\n").map { String($0.prefix { $0 != ":" }) }
        #expect(found == files, "node_modules is never walked; plan.md has no finding")
    }

    @Test("A glob that matches nothing is a one-line error (exit 2), or nothing to check with --allow-empty")
    func noMatch() throws {
        let folder = try tree()
        let run = try CLIRunner.run(["validate", "specs/*/nothing.md"], in: folder)
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "speckit: error: specs/*/nothing.md: no file matches this pattern (expected plan files, e.g. 'specs/**/tasks.md')\n")
        // A pattern that matches nothing is more likely a typo than nothing to check.
        let allowed = try CLIRunner.run(["validate", "specs/*/nothing.md", "--allow-empty"], in: folder)
        #expect(allowed.status == 2)
        #expect(allowed.stderr.hasPrefix("speckit: error: specs/*/nothing.md: no file matches this pattern"))
    }

    @Test("'-' reads one plan from stdin; --stdin-name places it in its kit, whose other files give context")
    func standardInput() throws {
        let folder = try CLIRunner.folder([
            ".git/HEAD": "",
            "specs/001-a/tasks.md": "# Tasks\n\n- [ ] T001 Write the schema\n",
            "specs/001-a/plan.md": "# Plan\n",
        ])
        // The buffer an editor holds: T002 depends on T001 (fine) and T007 (missing).
        let buffer = "# Tasks\n\n- [ ] T001 Write the schema\n- [ ] T002 Write the API (depends on T001, T007)\n"
        let run = try CLIRunner.run(["validate", "-", "--stdin-name", "specs/001-a/tasks.md"], in: folder, input: buffer)
        #expect(
            run.stdout == """
                specs/001-a/tasks.md:4:1: error: task T002 depends on T007, which does not exist [tasks.unknown-dependency]
                1 error, 0 warnings, 0 notes in 1 file (1 kit, 2 tasks): failed

                """, "\(run.stdout)\(run.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("specs/001-a/tasks.md"), encoding: .utf8).contains("T002") == false)

        let unnamed = try CLIRunner.run(["validate", "-", "--format", "json"], in: folder, input: Self.broken)
        #expect(unnamed.status == 1)
        #expect(unnamed.stdout.contains("\"file\" : \"stdin.md\""))
        let status = try CLIRunner.run(["status", "-", "--stdin-name", "plans/new.md"], in: folder, input: Self.broken)
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("new.md (plans, freeform): 0/1 tasks done"), "\(status.stdout)")
    }

    @Test("stdin mistakes are one-line errors (exit 2)")
    func standardInputMistakes() throws {
        let folder = try CLIRunner.folder([".git/HEAD": "", "specs/.keep": ""])
        let cases: [([String], String, String)] = [
            (["validate", "-"], "", "speckit: error: stdin (stdin.md): file is empty (0 bytes); expected a plan or tasks document\n"),
            (["validate", "-", "-"], Self.broken, "speckit: error: '-' (stdin) can be given once (see 'speckit help')\n"),
            (["validate", "--stdin-name", "a.md"], Self.broken, "give '-' as a PATH"),
            (["validate", "-", "--stdin-name", ""], Self.broken, "--stdin-name needs a file name"),
            (["validate", "-", "--stdin-name", "specs"], Self.broken, "--stdin-name specs is a folder: give the plan's file name"),
        ]
        for (arguments, input, expected) in cases {
            let run = try CLIRunner.run(arguments, in: folder, input: input)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(expected) && run.stderr.split(separator: "\n").count == 1, "\(arguments): \(run.stderr)")
        }
    }
}
