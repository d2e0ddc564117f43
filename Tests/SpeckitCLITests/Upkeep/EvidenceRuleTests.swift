import Foundation
import Testing

/// `tasks.done-without-evidence` on real repositories on disk: what a done task names is looked up in the
/// working tree, and at `--base` in the revision, so a finding that was there before is not new.
@Suite("Evidence for done")
struct EvidenceRuleTests {
    static let plan = """
        # Tasks

        - [x] T1 Validator in `scripts/validate.py`
        - [x] T2 Worker in `src/worker/claim.ts`
        - [ ] T3 Docs in `docs/later.md`

        """

    static func findings(_ folder: URL, _ arguments: [String] = []) throws -> [String] {
        let run = try CLIRunner.run(["validate", "spec", "--format", "json"] + arguments, in: folder, environment: ReportScratch.neutral)
        return (try FixtureRepos.json(run)["findings"] as? [[String: Any]] ?? []).filter {
            $0["ruleId"] as? String == "tasks.done-without-evidence"
        }
        .map { "\(($0["range"] as? [String: Any])?["line"] ?? ""): \($0["message"] ?? "")" }
    }

    @Test("a done task whose file is missing is a warning until the file is there; an open task is not checked")
    func workingTree() throws {
        let folder = try CLIRunner.folder(["spec/ops/tasks.md": Self.plan, "scripts/validate.py": "print()\n"])
        try git(["init", "-q"], in: folder)
        #expect(try Self.findings(folder) == ["4: T2 is done but names src/worker/claim.ts, and no file of that name is in the repository"])
        // Written relative to a sub-project, or moved: a file of that name anywhere backs the tick.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("web/lib"), withIntermediateDirectories: true)
        try Data("export {}\n".utf8).write(to: folder.appendingPathComponent("web/lib/claim.ts"))
        #expect(try Self.findings(folder) == [])
    }

    @Test("without a repository nothing is checked")
    func noRepository() throws {
        let folder = try CLIRunner.folder(["spec/ops/tasks.md": Self.plan])
        #expect(try Self.findings(folder) == [])
    }

    @Test("--base: the revision's own files decide, so a finding already there is not new")
    func base() throws {
        let folder = try CLIRunner.folder(["spec/ops/tasks.md": Self.plan, "scripts/validate.py": "print()\n"])
        try git(["init", "-q"], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@t", "add", "."], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"], in: folder)
        let run = try CLIRunner.run(
            ["validate", "spec", "--base", "HEAD", "--fail-on", "new", "--strict"], in: folder, environment: ReportScratch.neutral)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("T2 is done but names src/worker/claim.ts"), "\(run.stdout)")
        // Deleting the validator in the working tree makes T1's finding new.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("scripts/validate.py"))
        let removed = try CLIRunner.run(
            ["validate", "spec", "--base", "HEAD", "--fail-on", "new", "--strict"], in: folder, environment: ReportScratch.neutral)
        #expect(removed.status == 1, "\(removed.stdout)")
    }

    @Test("--base: a task ticked in the change that touches none of its files is a note; one whose file changed is not")
    func tickedWithoutChange() throws {
        let open = "# Tasks\n\n- [ ] T1 API in `src/api.ts`\n- [ ] T2 Worker in `src/worker/claim.ts`\n- [ ] T3 Write the runbook\n"
        let folder = try CLIRunner.folder([
            "spec/ops/tasks.md": open, "src/api.ts": "export {}\n", "src/worker/claim.ts": "export {}\n",
        ])
        try git(["init", "-q"], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@t", "add", "."], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"], in: folder)
        try Data(open.replacingOccurrences(of: "[ ]", with: "[x]").utf8).write(to: folder.appendingPathComponent("spec/ops/tasks.md"))
        try Data("export const api = 1\n".utf8).write(to: folder.appendingPathComponent("src/api.ts"))
        let run = try CLIRunner.run(
            ["validate", "spec", "--base", "HEAD", "--format", "json"], in: folder, environment: ReportScratch.neutral)
        let notes = (try FixtureRepos.json(run)["findings"] as? [[String: Any]] ?? [])
            .filter { $0["ruleId"] as? String == "tasks.ticked-without-change" }.map { $0["message"] as? String ?? "" }
        #expect(notes == ["T2 was ticked done in this change, but it touches none of the files it names: src/worker/claim.ts"])
        let diff = try CLIRunner.run(["diff", "--base", "HEAD", "spec"], in: folder, environment: ReportScratch.neutral)
        #expect(diff.stdout.contains("T2 was ticked done in this change"), "\(diff.stdout)")
    }
}
