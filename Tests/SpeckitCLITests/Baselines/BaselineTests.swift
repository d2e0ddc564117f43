import Foundation
import Testing

/// Issue 17, items 2 and 3: a team switches speckit on over 50 existing errors. `--update-baseline` records
/// them, `--baseline` and `--base REF --fail-on new` fail only on new ones, and inserting lines above old
/// findings keeps them known.
@Suite("Baselines and new-findings-only gating (end to end)")
struct BaselineTests {
    /// A Spec Kit feature whose tasks depend on 50 tasks that do not exist: 50 errors.
    static func plan(lines: [String] = [], extra: [String] = []) -> String {
        var text = "# Tasks: Demo\n\n## Phase 1: Setup\n\n" + lines.map { $0 + "\n" }.joined()
        for n in 1...50 { text += "- [ ] T\(String(format: "%03d", n)) Build part \(n) (depends on T\(900 + n))\n" }
        return text + extra.map { $0 + "\n" }.joined()
    }

    /// A repository (a `.git` folder, so paths are repository-relative) holding the plan.
    private func repository(_ plan: String = plan()) throws -> URL {
        try CLIRunner.folder(["specs/001-demo/tasks.md": plan, ".git/HEAD": ""])
    }

    private func write(_ text: String, to folder: URL) throws {
        try text.write(to: folder.appendingPathComponent("specs/001-demo/tasks.md"), atomically: true, encoding: .utf8)
    }

    /// The findings of a JSON report: (line, new).
    private func marks(_ run: CLIRunner.Outcome) throws -> [(line: Int, new: Bool?)] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]], "\(run.stdout)")
        return findings.map { (($0["range"] as? [String: Any])?["line"] as? Int ?? 0, $0["new"] as? Bool) }
    }

    @Test("--update-baseline records 50 errors and passes; --baseline then passes, a new error fails alone")
    func baselineGate() throws {
        let folder = try repository()
        let before = try CLIRunner.run(["validate", "."], in: folder)
        #expect(before.status == 1)
        #expect(before.stdout.hasSuffix("50 errors, 0 warnings, 0 notes in 1 file (1 kit, 50 tasks): failed\n"), "\(before.stdout)")

        let update = try CLIRunner.run(["validate", ".", "--update-baseline", "speckit-baseline.json"], in: folder)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stderr == "speckit: recorded 50 findings in speckit-baseline.json\n")
        #expect(update.stdout.hasSuffix("0 new errors, 50 existing in 1 file (1 kit, 50 tasks): passed\n"), "\(update.stdout)")
        let baseline = try Data(contentsOf: folder.appendingPathComponent("speckit-baseline.json"))
        let entries = try #require(
            (try JSONSerialization.jsonObject(with: baseline) as? [String: Any])?["findings"] as? [[String: String]])
        #expect(entries.count == 50)
        #expect(entries.allSatisfy { $0["file"] == "specs/001-demo/tasks.md" && $0["rule"] == "tasks.unknown-dependency" })
        #expect(entries.map { $0["text"] ?? "" } == entries.map { $0["text"] ?? "" }.sorted(), "sorted by text within a file and rule")

        let gated = try CLIRunner.run(["validate", ".", "--baseline", "speckit-baseline.json"], in: folder)
        #expect(gated.status == 0, "\(gated.stdout)")
        #expect(gated.stdout.hasSuffix("0 new errors, 50 existing in 1 file (1 kit, 50 tasks): passed\n"), "\(gated.stdout)")

        try write(Self.plan(extra: ["- [ ] T051 Build part 51 (depends on T999)"]), to: folder)
        let failed = try CLIRunner.run(["validate", ".", "--baseline", "speckit-baseline.json"], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stdout.hasSuffix("1 new error, 50 existing in 1 file (1 kit, 51 tasks): failed\n"), "\(failed.stdout)")
        let json = try CLIRunner.run(["validate", ".", "--baseline", "speckit-baseline.json", "--format", "json"], in: folder)
        let marked = try marks(json)
        #expect(marked.count == 51)
        #expect(marked.filter { $0.new == true }.map(\.line) == [55], "only T051's finding is new")
        #expect(marked.allSatisfy { $0.new != nil })
        // --quiet prints only what fails the run: the one new error.
        let quiet = try CLIRunner.run(["validate", ".", "--baseline", "speckit-baseline.json", "--quiet"], in: folder)
        #expect(
            quiet.stdout
                == "specs/001-demo/tasks.md:55:1: error: task T051 depends on T999, which does not exist [tasks.unknown-dependency] (new)\n"
        )
    }

    @Test("Inserting 10 lines above old findings keeps them known; editing a finding's own line makes it new")
    func survivesEdits() throws {
        let folder = try repository()
        #expect(try CLIRunner.run(["validate", ".", "--update-baseline", "b.json"], in: folder).status == 0)
        try write(Self.plan(lines: (1...10).map { "Line \($0) of a new introduction." + ($0 % 2 == 0 ? "\n" : "") }), to: folder)
        let moved = try CLIRunner.run(["validate", ".", "--baseline", "b.json", "--format", "json"], in: folder)
        #expect(moved.status == 0, "\(moved.stdout)")
        let marked = try marks(moved)
        #expect(marked.count == 50 && marked.allSatisfy { $0.new == false })
        #expect(marked.first?.line == 20, "the findings moved down")

        // Ticking a task's box is no edit of what its findings are about.
        try write(Self.plan().replacingOccurrences(of: "- [ ] T00", with: "- [x] T00"), to: folder)
        let ticked = try CLIRunner.run(["validate", ".", "--baseline", "b.json"], in: folder)
        #expect(ticked.status == 0, "\(ticked.stdout)")
        #expect(ticked.stdout.hasSuffix("0 new errors, 50 existing in 1 file (1 kit, 50 tasks): passed\n"), "\(ticked.stdout)")

        let edited = Self.plan().replacingOccurrences(of: "Build part 7 (depends on T907)", with: "Build part seven (depends on T907)")
        try write(edited, to: folder)
        let run = try CLIRunner.run(["validate", ".", "--baseline", "b.json"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains("tasks.md:11:1: error: task T007 depends on T907, which does not exist [tasks.unknown-dependency] (new)"))
        #expect(run.stdout.hasSuffix("1 new error, 49 existing in 1 file (1 kit, 50 tasks): failed\n"), "\(run.stdout)")
    }

    @Test("The baseline is stable bytes; fixed findings drop out on the next update")
    func stableAndShrinking() throws {
        let folder = try repository()
        let file = folder.appendingPathComponent("b.json")
        #expect(try CLIRunner.run(["validate", ".", "--update-baseline", "b.json"], in: folder).status == 0)
        let first = try Data(contentsOf: file)
        try write(Self.plan(lines: ["An introduction.", ""]), to: folder)
        #expect(try CLIRunner.run(["validate", ".", "--update-baseline", "b.json", "-j", "1"], in: folder).status == 0)
        #expect(try Data(contentsOf: file) == first, "same findings, same bytes, though their lines moved")
        #expect(String(decoding: first, as: UTF8.self).hasSuffix("}\n"))

        try write(Self.plan().replacingOccurrences(of: " (depends on T903)", with: ""), to: folder)
        let update = try CLIRunner.run(["validate", ".", "--update-baseline", "b.json"], in: folder)
        #expect(update.stderr == "speckit: recorded 49 findings in b.json\n")
        #expect(!String(decoding: try Data(contentsOf: file), as: UTF8.self).contains("T903"))
    }

    @Test("--base REF --fail-on new in a git repository with two commits: only what the base did not have fails")
    func againstGit() throws {
        let folder = try CLIRunner.folder(["specs/001-demo/tasks.md": Self.plan()])
        try git(["init", "-q"], in: folder)
        try git(["add", "."], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-qm", "50 errors"], in: folder)
        // The second commit inserts 10 lines above the old findings and adds one new error.
        try write(
            Self.plan(lines: (1...10).map { "Intro line \($0)." + "\n" }, extra: ["- [ ] T051 Build part 51 (depends on T999)"]), to: folder
        )
        try git(["add", "."], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-qm", "one more"], in: folder)

        let run = try CLIRunner.run(["validate", ".", "--base", "HEAD~1", "--fail-on", "new"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.hasSuffix("1 new error, 50 existing in 1 file (1 kit, 51 tasks): failed\n"), "\(run.stdout)")
        #expect(run.stdout.components(separatedBy: "(new)").count == 2)
        #expect(run.stdout.contains("T051 depends on T999, which does not exist [tasks.unknown-dependency] (new)"))

        // Without --fail-on new every error still fails, but the findings are marked.
        let all = try CLIRunner.run(["validate", ".", "--base", "HEAD~1", "--format", "json"], in: folder)
        #expect(all.status == 1)
        #expect(try marks(all).filter { $0.new == true }.count == 1)
        // Against the commit itself nothing is new.
        let same = try CLIRunner.run(["validate", ".", "--base", "HEAD", "--fail-on", "new"], in: folder)
        #expect(same.status == 0, "\(same.stdout)")
    }

    @Test("Reports mark findings: SARIF baselineState, annotations titled new and put first, JUnit failing only new ones")
    func reportsMark() throws {
        let folder = try repository()
        #expect(try CLIRunner.run(["validate", ".", "--update-baseline", "b.json"], in: folder).status == 0)
        try write(Self.plan(extra: ["- [ ] T051 Build part 51 (depends on T999)"]), to: folder)
        let run = try CLIRunner.run(
            ["validate", ".", "--baseline", "b.json", "--format", "github", "--report", "sarif=r.sarif", "--report", "junit=r.xml"],
            in: folder)
        #expect(run.status == 1)
        let annotations = run.stdout.split(separator: "\n").filter { $0.hasPrefix("::error") }
        #expect(annotations.count == 10)
        // Nine places for 51 errors: the new one is chosen first, the rest in report order.
        #expect(annotations.filter { $0.contains("line=55,") && $0.contains("(new)") }.count == 1, "\(annotations)")
        #expect(annotations.filter { $0.contains("(existing)") }.count == 8)
        #expect(annotations.last?.contains("42 more errors") == true, "\(annotations.last ?? "")")

        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("r.sarif"))) as? [String: Any]
        let results = try #require(((sarif?["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        #expect(results.count == 51)
        #expect(results.filter { $0["baselineState"] as? String == "new" }.count == 1)
        #expect(results.filter { $0["baselineState"] as? String == "unchanged" }.count == 50)

        let junit = try String(contentsOf: folder.appendingPathComponent("r.xml"), encoding: .utf8)
        #expect(junit.components(separatedBy: "<failure ").count == 2, "one failing test case")
        #expect(junit.contains("T051 depends on T999, which does not exist (new)"))
        #expect(junit.contains("(existing)"))
    }

    @Test("Bad baseline input is a one-line error naming the file (exit 2), never a crash")
    func badInput() throws {
        let folder = try repository()
        let configuration = "rules:\n  tasks.unknown-dependency: error\n"
        try configuration.write(to: folder.appendingPathComponent(".speckit.yml"), atomically: true, encoding: .utf8)
        try "not json".write(to: folder.appendingPathComponent("garbage.json"), atomically: true, encoding: .utf8)
        try #"{"schemaVersion": 9, "tool": "speckit", "findings": []}"#.write(
            to: folder.appendingPathComponent("future.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.json").path, withDestinationPath: "/etc/passwd")
        let cases: [([String], String)] = [
            (
                ["--baseline", "missing.json"],
                "speckit: error: missing.json: no such baseline (write one with --update-baseline missing.json)\n"
            ),
            (
                ["--baseline", "garbage.json"],
                "speckit: error: garbage.json: not a speckit baseline (not JSON); expected the JSON --update-baseline writes\n"
            ),
            (
                ["--baseline", "future.json"],
                "speckit: error: future.json: schemaVersion 9 is not 1; write it again with --update-baseline\n"
            ),
            (
                ["--baseline", "link.json"],
                "speckit: error: link.json: not a regular file; expected a baseline written by --update-baseline\n"
            ),
            (["--fail-on", "new"], "needs something to compare with: --base REF or --baseline FILE"),
            (["--baseline", "a.json", "--update-baseline", "b.json"], "--baseline and --update-baseline: give one"),
            (["--fail-on", "some"], "--fail-on"),
            (["--update-baseline", "b.json", "--fail-on", "all"], "--fail-on all would fail it: give one"),
            (["--update-baseline", "specs/001-demo/tasks.md"], "tasks.md"),
            (["--update-baseline", ".speckit.yml"], ".speckit.yml: cannot write: it is one of the files this run reads"),
            (["--output", ".speckit.yml"], ".speckit.yml: cannot write: it is one of the files this run reads"),
            (
                ["--update-baseline", "b.json", "--report", "json=./b.json"],
                "./b.json: cannot write: named by both --update-baseline and a report (--output or --report)"
            ),
            (["--update-baseline", "b.json", "--output", "b.json"], "b.json: cannot write: named by both --update-baseline"),
        ]
        for (arguments, expected) in cases {
            let run = try CLIRunner.run(["validate", "."] + arguments, in: folder)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stdout.isEmpty, "\(arguments)")
            #expect(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count <= 2, "\(arguments): \(run.stderr)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("specs/001-demo/tasks.md"), encoding: .utf8) == Self.plan())
        #expect(try String(contentsOf: folder.appendingPathComponent(".speckit.yml"), encoding: .utf8) == configuration)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.json").path))
    }

    /// Two commits of two kits; the second adds an error to `specs/a` (whose path is reached through a link
    /// in `linkedCheckout`).
    private func twoKitRepository() throws -> URL {
        let folder = try CLIRunner.folder([
            "specs/a/tasks.md": "# Tasks\n\n- [ ] T1 Do it (depends on T9)\n- [ ] T2 Other\n",
            "specs/b/tasks.md": "# Tasks\n\n- [ ] T1 Do it (depends on T8)\n",
        ])
        try git(["init", "-q"], in: folder)
        try git(["add", "."], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-qm", "two kits"], in: folder)
        try "# Tasks\n\n- [ ] T1 Do it (depends on T9)\n- [ ] T2 Other (depends on T7)\n".write(
            to: folder.appendingPathComponent("specs/a/tasks.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("A quoted glob reads the same files at --base as in the working tree: only the added error is new")
    func globAgainstGit() throws {
        let folder = try twoKitRepository()
        let run = try CLIRunner.run(["validate", "specs/**/tasks.md", "--base", "HEAD", "--fail-on", "new"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.hasSuffix("1 new error, 2 existing in 2 files (2 kits, 3 tasks): failed\n"), "\(run.stdout)")
        #expect(run.stdout.contains("T2 depends on T7, which does not exist [tasks.unknown-dependency] (new)"))
        // A glob that matches nothing at the base finds nothing there: every finding is new.
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("specs/b"), to: folder.appendingPathComponent("specs/c"))
        let moved = try CLIRunner.run(["validate", "specs/c/*.md", "--base", "HEAD", "--fail-on", "new"], in: folder)
        #expect(moved.stdout.hasSuffix("1 new error, 0 existing in 1 file (1 kit, 1 task): failed\n"), "\(moved.stdout)")
        // `diff --base` with the glob sees the one change, not two kits added.
        let diff = try CLIRunner.run(["diff", "--base", "HEAD", "specs/a/*.md"], in: folder)
        #expect(diff.stdout.hasPrefix("changes since HEAD: 1 renamed\n"), "\(diff.stdout)")
    }

    @Test("A plan piped to '-' is compared with its file at --base; an empty pipe is nothing to check")
    func standardInputAgainstGit() throws {
        let folder = try twoKitRepository()
        let buffer = try String(contentsOf: folder.appendingPathComponent("specs/a/tasks.md"), encoding: .utf8)
        let run = try CLIRunner.run(
            ["validate", "-", "--stdin-name", "specs/a/tasks.md", "--base", "HEAD", "--fail-on", "new"], in: folder, input: buffer)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("1 new error, 1 existing in 1 file (1 kit, 2 tasks): failed\n"), "\(run.stdout)")
        let empty = try CLIRunner.run(["validate", "-", "--stdin-name", "specs/a/tasks.md", "--allow-empty"], in: folder, input: "")
        #expect(empty.status == 0)
        #expect(empty.stderr == "speckit: no plans among -; nothing to check\n")
        // With other paths an empty pipe does not let the run pass unchecked.
        let others = try CLIRunner.run(["validate", "-", "specs/b", "--allow-empty"], in: folder, input: "")
        #expect(others.status == 2)
        #expect(others.stderr == "speckit: error: stdin (stdin.md): file is empty (0 bytes); expected a plan or tasks document\n")
    }

    @Test("A path reached through a symbolic link names its findings as inside the repository: fingerprints match")
    func linkedPathKeepsFingerprints() throws {
        let folder = try twoKitRepository()
        let link = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
        defer { try? FileManager.default.removeItem(at: link) }
        #expect(try CLIRunner.run(["validate", "specs", "--update-baseline", "b.json"], in: folder).status == 0)
        let linked = try CLIRunner.run(
            ["validate", link.appendingPathComponent("specs").path, "--baseline", "b.json", "--base", "HEAD"], in: folder)
        #expect(linked.status == 0, "\(linked.stdout)")
        #expect(linked.stdout.hasSuffix("0 new errors, 3 existing in 2 files (2 kits, 3 tasks): passed\n"), "\(linked.stdout)")
        // A link inside the repository, and a run from outside it, name the files the same way.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/alink", withDestinationPath: "specs/a")
        let inRepository = try CLIRunner.run(["validate", "alink", "--baseline", "b.json"], in: folder)
        #expect(inRepository.stdout.hasSuffix("0 new errors, 2 existing in 1 file (1 kit, 2 tasks): passed\n"), "\(inRepository.stdout)")
        let fromOutside = try CLIRunner.run(
            ["validate", folder.path + "/specs", "--baseline", folder.path + "/b.json"], in: folder.deletingLastPathComponent())
        #expect(fromOutside.stdout.hasSuffix("0 new errors, 3 existing in 2 files (2 kits, 3 tasks): passed\n"), "\(fromOutside.stdout)")
        // A new file named twice, once through the link: refused before anything is written.
        let twice = try CLIRunner.run(
            ["validate", "specs", "--update-baseline", "new.json", "--report", "json=" + link.path + "/new.json"], in: folder)
        #expect(twice.status == 2 && twice.stderr.contains("named by both --update-baseline and a report"), "\(twice.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/new.json"))
    }

    @Test("A committed link is read at --base as in the working tree: out of the repository it is the same refusal")
    func committedLinksAgainstGit() throws {
        let folder = try CLIRunner.folder([
            "specs/b/.keep": "", "specs/a/tasks.md": "# Tasks\n\n- [ ] T1 Do it (depends on T9)\n",
            "docs/tasks.md": "# Tasks\n\n- [ ] T1 Kept\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/specs/a/plan.md", withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/specs/b/tasks.md", withDestinationPath: "../../docs/tasks.md")
        try git(["init", "-q"], in: folder)
        try git(["add", "."], in: folder)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-qm", "links"], in: folder)
        let now = try CLIRunner.run(["validate", "specs", "--format", "json"], in: folder)
        #expect(now.stdout.contains("a symbolic link that leads outside the repository"), "\(now.stdout)")
        let run = try CLIRunner.run(["validate", "specs", "--base", "HEAD", "--fail-on", "new"], in: folder)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(
            run.stdout.contains("specs/a/plan.md:1:1: error: cannot read: a symbolic link that leads outside the repository"),
            "\(run.stdout)")
        #expect(run.stdout.contains("(existing)") && !run.stdout.contains("(new)"), "\(run.stdout)")
        // A link inside the repository is read at the base as the file it leads to: nothing changed.
        let diff = try CLIRunner.run(["diff", "--base", "HEAD", "specs/b"], in: folder)
        #expect(diff.stdout.hasPrefix("changes since HEAD: no changes\n"), "\(diff.stdout)")
    }
}
