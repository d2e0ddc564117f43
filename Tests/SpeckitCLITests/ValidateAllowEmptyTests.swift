import Foundation
import Testing

/// `speckit validate --allow-empty`, as the pre-commit hook runs it (`.pre-commit-hooks.yaml`): paths that hold
/// no plan pass with one line on stderr; without the flag they are exit 2. Findings and missing paths still count.
@Suite("speckit validate --allow-empty (end to end)")
struct ValidateAllowEmptyTests {
    /// A repository with no plan in `src/` or `templates/`, an empty plan-named file, and one failing plan.
    static func repository() throws -> URL {
        try CLIRunner.folder([
            ".git/HEAD": "",
            "src/app.py": "print('hello')\n",
            "src/notes.txt": "- [ ] T1 not read: a .txt file\n",
            "templates/plan-template.md": "# Plan: [FEATURE]\n\n- [ ] T001 [TASK]\n",
            "empty-tasks.md": "",
            "docs/tasks.md": "# Tasks\n\n- [ ] T1 Write the API (depends on T9)\n",
        ])
    }

    @Test(
        "no plan among the paths: exit 0 and one line on stderr with the flag, exit 2 without it",
        arguments: [
            (["src"], "src"),
            (["templates"], "templates"),
            (["empty-tasks.md"], "empty-tasks.md"),
            (["src", "templates"], "the 2 paths given"),
        ])
    func nothingToCheck(paths: [String], named: String) throws {
        let folder = try Self.repository()
        let allowed = try CLIRunner.run(["validate", "--allow-empty"] + paths, in: folder)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.isEmpty)
        #expect(allowed.stderr == "speckit: no plans among \(named); nothing to check\n")
        let refused = try CLIRunner.run(["validate"] + paths, in: folder)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("speckit: error: \(paths[0]): no kits found"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }

    @Test("a plan among the paths is still checked, and a missing path is still exit 2")
    func stillChecks() throws {
        let folder = try Self.repository()
        let failing = try CLIRunner.run(["validate", "--allow-empty", "src", "docs/tasks.md"], in: folder)
        #expect(failing.status == 1)
        #expect(failing.stderr.isEmpty)
        #expect(failing.stdout.contains("docs/tasks.md:3:1: error: task T1 depends on T9, which does not exist [tasks.unknown-dependency]"))
        let missing = try CLIRunner.run(["validate", "--allow-empty", "missing.md"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr == "speckit: error: missing.md: no such file or directory\n")
    }

    @Test("--only-plans reads of the files named only what a walk reads: a README, code and a template are left out")
    func onlyPlans() throws {
        let folder = try Self.repository()
        try "# Readme\n\n- [ ] T1 Not a plan (depends on T9)\n".write(
            to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let files = ["README.md", "src/app.py", "templates/plan-template.md", "docs/tasks.md"]
        let named = try CLIRunner.run(["validate"] + files, in: folder)
        #expect(named.stdout.contains("README.md:3:1: error"), "without the flag a named README is read: \(named.stdout)")
        let run = try CLIRunner.run(["validate", "--only-plans"] + files, in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                docs/tasks.md:3:1: error: task T1 depends on T9, which does not exist [tasks.unknown-dependency]
                1 error, 0 warnings, 0 notes in 1 file (1 kit, 1 task): failed; skipped 1 template (--verbose lists them)

                """, "\(run.stdout)")
        let none = try CLIRunner.run(["validate", "--only-plans", "--allow-empty", "README.md", "src/app.py"], in: folder)
        #expect(none.status == 0 && none.stdout.isEmpty, "\(none.stdout)")
    }

    @Test("--only-plans judges an absolute or '..' path as the walk of the current folder would meet it")
    func onlyPlansAbsolute() throws {
        let folder = try Self.repository()
        try "# Readme\n\n- [ ] T1 Not a plan (depends on T9)\n".write(
            to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let absolute = [folder.appendingPathComponent("README.md").path, folder.appendingPathComponent("docs/tasks.md").path]
        let run = try CLIRunner.run(["validate", "--only-plans"] + absolute, in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.hasSuffix("1 error, 0 warnings, 0 notes in 1 file (1 kit, 1 task): failed\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("README.md"))
        // From a folder below, '../docs/tasks.md' is outside what a walk of that folder reads.
        let below = try CLIRunner.run(
            ["validate", "--only-plans", "--allow-empty", "../docs/tasks.md"], in: folder.appendingPathComponent("src"))
        #expect(below.status == 0 && below.stderr == "speckit: no plans among ../docs/tasks.md; nothing to check\n", "\(below.stderr)")
    }
}
