import Foundation
import SpeckitCore
import Testing

/// The CI reports end to end: the built binary, real files, a real git repository.
@Suite("CI reports, status and diff")
struct CIReportCommandTests {
    @Test("the Markdown report on the Mac Roman tasks fixture shows T5's contradiction and the claim mismatches, linked to their lines")
    func markdownPhaseContradiction() throws {
        let repository = try ReportScratch.make()
        defer { try? FileManager.default.removeItem(at: repository) }
        let name = try ReportScratch.name("tasks-mac-roman")
        let run = try CLIRunner.run(
            ["validate", "plans/\(name)", "--format", "markdown"], in: repository, environment: ReportScratch.neutral)
        #expect(run.status == 1)
        let rows = run.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "<!-- speckit:report -->")
        #expect(
            rows.contains {
                $0.contains("`status.phase-contradiction`") && $0.contains("[plans/\(name):75](plans/\(name)#L75)")
                    && $0.contains("T5 is declared '❌ NOT STARTED' but 2 of its 7 tasks are done")
            })
        for claim in ["'1/9 subtasks'", "'0/12 subtasks'", "'45 total subtasks'", "'9 completed (20%)'"] {
            #expect(rows.contains { $0.contains("`status.claim-mismatch`") && $0.contains(claim) }, "\(claim)")
        }
        // Every link names a file of the repository and a line it has.
        let links = try Regex(#"\]\(([^)#]+)#L(\d+)\)"#)
        var checked = 0
        for match in run.stdout.matches(of: links) {
            let path = String(run.stdout[match.output[1].range!])
            let line = Int(run.stdout[match.output[2].range!])!
            let text = try String(contentsOf: repository.appendingPathComponent(path.removingPercentEncoding ?? path), encoding: .utf8)
            #expect(line >= 1 && line <= text.split(separator: "\n", omittingEmptySubsequences: false).count, "\(path)#L\(line)")
            checked += 1
        }
        #expect(checked > 10)
    }

    @Test("diff OLD NEW: one regression (T1.3 done → todo) and one completion (T2.1), exit 1")
    func diffPaths() throws {
        let repository = try DiffScratch.make()
        defer { try? FileManager.default.removeItem(at: repository) }
        let run = try CLIRunner.run(["diff", "old/plan.txt", "new/plan.txt", "--format", "json"], in: repository)
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diff = try #require(json["diff"] as? [String: Any])
        let changes = try #require(diff["changes"] as? [[String: Any]])
        #expect(changes.count == 2)
        #expect(
            changes.filter { $0["regression"] as? Bool == true }.map { "\($0["id"]!) \($0["from"]!)→\($0["to"]!)" } == ["T1.3 done→todo"])
        #expect(changes.filter { $0["completion"] as? Bool == true }.map { "\($0["id"]!)" } == ["T2.1"])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["ruleId"] as? String } == ["status.regression"])
        let same = try CLIRunner.run(["diff", "old/plan.txt", "old/plan.txt"], in: repository)
        #expect(same.status == 0)
        #expect(same.stdout.contains("changes since old/plan.txt: no changes"))
    }

    @Test("diff --base and validate --base read the base from git; the working tree is left alone")
    func diffBase() throws {
        let repository = try CLIRunner.folder([
            "plan.md": try String(contentsOfFile: CLIRunner.fixture("plans/tasks-mac-roman.md"), encoding: .utf8),
            "notes/readme.txt": "not a plan\n",
        ])
        defer { try? FileManager.default.removeItem(at: repository) }
        try git(["init", "-q"], in: repository)
        try git(["add", "."], in: repository)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-qm", "base"], in: repository)
        let edited = try DiffScratch.edited(try String(contentsOf: repository.appendingPathComponent("plan.md"), encoding: .utf8))
        try Data(edited.utf8).write(to: repository.appendingPathComponent("plan.md"))

        let diff = try CLIRunner.run(["diff", "--base", "HEAD", "plan.md"], in: repository, environment: ReportScratch.neutral)
        #expect(diff.status == 1, "\(diff.stderr)")
        #expect(diff.stdout.contains("plan.md:24:1: error: T1.3 went back from done to todo since HEAD [status.regression]"))
        #expect(diff.stdout.contains("changes since HEAD: 1 regression, 1 completed"))
        #expect(diff.stdout.contains("plan.md:33:1: T2.1 todo → done (completed)"))

        let folder = try CLIRunner.run(["diff", "--base", "HEAD"], in: repository, environment: ReportScratch.neutral)
        #expect(folder.status == 1 && folder.stdout.contains("1 regression, 1 completed"), "\(folder.stderr)")

        let validate = try CLIRunner.run(["validate", "plan.md", "--base", "HEAD", "--format", "json"], in: repository)
        #expect(validate.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8)) as? [String: Any])
        let counts = try #require((json["diff"] as? [String: Any])?["counts"] as? [String: Int])
        #expect(counts["regressions"] == 1 && counts["completions"] == 1)
        let rules = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
        #expect(rules.contains("status.regression") && rules.contains("status.phase-contradiction"))
        #expect(try String(contentsOf: repository.appendingPathComponent("plan.md"), encoding: .utf8) == edited)

        let markdown = try CLIRunner.run(
            ["validate", "plan.md", "--base", "HEAD", "--format", "markdown"], in: repository,
            environment: ReportScratch.neutral)
        #expect(markdown.stdout.contains("#### Changes since `HEAD`\n\n1 regression, 1 completed.\n"))

        let badRef = try CLIRunner.run(["diff", "--base", "no-such-branch"], in: repository)
        #expect(badRef.status == 2)
        #expect(badRef.stderr.hasPrefix("speckit: error: git: --base: 'no-such-branch' is not a commit"))
        #expect(badRef.stderr.split(separator: "\n").count == 1)
    }

    @Test("--base outside a git repository is a one-line error, exit 2")
    func baseWithoutRepository() throws {
        let folder = try CLIRunner.folder(["tasks.md": "# Plan\n\n- [x] T1 Repo\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(
            ["validate", "--base", "HEAD"], in: folder, environment: ["GIT_CEILING_DIRECTORIES": folder.deletingLastPathComponent().path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("speckit: error: git: --base HEAD: not a git repository"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("diff needs OLD and NEW or --base")
    func diffArguments() throws {
        let run = try CLIRunner.run(["diff", "only-one.md"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("diff needs OLD and NEW paths, or --base REF [PATH…] (got 1 path)"))
    }

    @Test("--report writes more formats in the same run; each equals its own run")
    func extraReports() throws {
        let repository = try DiffScratch.make()
        defer { try? FileManager.default.removeItem(at: repository) }
        let run = try CLIRunner.run(
            [
                "validate", "new/plan.txt", "--format", "github", "--report", "sarif=out.sarif",
                "--report", "junit=out.xml", "--report", "markdown=out.md",
            ], in: repository,
            environment: ReportScratch.neutral)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::"))
        for (format, file) in [("sarif", "out.sarif"), ("junit", "out.xml"), ("markdown", "out.md")] {
            let alone = try CLIRunner.run(
                ["validate", "new/plan.txt", "--format", format], in: repository, environment: ReportScratch.neutral)
            #expect(try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8) == alone.stdout, "\(format)")
        }
        for (arguments, message) in [
            (["--report", "sarif"], "--report expects FORMAT=FILE (e.g. sarif=speckit.sarif), got 'sarif'"),
            (["--report", "pdf=x.pdf"], "--report: unknown format 'pdf'"),
            (["--report", "sarif=-"], "only --format writes to stdout"),
            (["--report", "sarif=a", "--report", "junit=a"], "--report: 'a' is named twice"),
        ] {
            let bad = try CLIRunner.run(["validate", "new/plan.txt"] + arguments, in: repository)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains(message), "\(bad.stderr)")
        }
        let missingFolder = try CLIRunner.run(["validate", "new/plan.txt", "--report", "sarif=nowhere/out.sarif"], in: repository)
        #expect(missingFolder.status == 2 && missingFolder.stderr.contains("nowhere/out.sarif: cannot write"))
    }

    @Test("--format github appends the Markdown report to $GITHUB_STEP_SUMMARY")
    func stepSummary() throws {
        let repository = try DiffScratch.make()
        defer { try? FileManager.default.removeItem(at: repository) }
        let summary = repository.appendingPathComponent("summary.md")
        try Data("earlier step\n".utf8).write(to: summary)
        var environment = ReportScratch.neutral
        environment["GITHUB_STEP_SUMMARY"] = summary.path
        let run = try CLIRunner.run(["validate", "new/plan.txt", "--format", "github"], in: repository, environment: environment)
        #expect(run.status == 1)
        let markdown = try CLIRunner.run(
            ["validate", "new/plan.txt", "--format", "markdown"], in: repository, environment: ReportScratch.neutral)
        #expect(try String(contentsOf: summary, encoding: .utf8) == "earlier step\n" + markdown.stdout)
    }

    @Test("status: progress per phase, ready tasks after their dependencies, claims against counts")
    func status() throws {
        let folder = try CLIRunner.folder([
            "tasks.md": """
            # Plan

            ## Phase 1 — Setup ✅ COMPLETE

            - [x] T1 Repo
            - [x] T2 CI

            ## Phase 2 — Build ⏳ IN PROGRESS

            - [~] T3 API (depends on T1)
            - [ ] T4 UI (depends on T3)
            - [ ] T5 Docs (depends on T2)

            ### Task 6: Deploy

            **Status**: Blocked

            ## Summary

            - **2 completed**
            - **4 remaining**
            - **7 total tasks**
            """
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(["status", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let kit = try FixtureRepos.firstKit(json).kit
        #expect(kit["total"] as? Int == 6 && kit["done"] as? Int == 2)
        let phases = try #require(kit["phases"] as? [[String: Any]])
        #expect(phases.map { "\($0["id"]!) \($0["done"]!)/\($0["total"]!)" } == ["Phase 1 2/2", "Phase 2 0/4"])
        #expect((kit["ready"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["T5"])
        #expect((kit["inProgress"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["T3"])
        #expect((kit["blocked"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["Task 6"])
        let claims = try #require(kit["claims"] as? [[String: Any]])
        #expect(claims.map { "\($0["claim"]!) \($0["matches"]!)" }.sorted() == ["2 completed 1", "4 remaining 1", "7 total tasks 0"])
        let text = try CLIRunner.run(["status"], in: folder, environment: ["NO_COLOR": "1"])
        #expect(text.stdout.contains("██████████ 100%  2/2  Phase 1 — Setup  [✅ COMPLETE]"))
        #expect(text.stdout.contains("✗ tasks.md:"))
        #expect(text.stdout.contains("ready to start:\n    T5 Docs (depends on T2) (tasks.md:12)"))
    }
}

@Suite("Report outputs never replace what they should not")
struct ReportOutputSafetyTests {
    @Test("a report over a file being checked or a symbolic link is refused; devices are written through")
    func outputs() throws {
        let folder = try CLIRunner.folder(["tasks.md": "# Plan\n\n- [x] T1 Repo\n", "real.json": "old\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let same = try CLIRunner.run(["validate", "tasks.md", "--output", "./tasks.md"], in: folder)
        #expect(same.status == 2)
        #expect(same.stderr == "speckit: error: ./tasks.md: cannot write: it is one of the files this run reads; choose another name\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("tasks.md"), encoding: .utf8) == "# Plan\n\n- [x] T1 Repo\n")
        let status = try CLIRunner.run(["status", "tasks.md", "-o", "tasks.md"], in: folder)
        #expect(status.status == 2 && status.stderr.contains("one of the files this run reads"))

        let device = try CLIRunner.run(["validate", "tasks.md", "--report", "json=/dev/null"], in: folder)
        #expect(device.status == 0, "\(device.stderr)")
        #expect(FileKind.followed("/dev/null") == .other)

        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.json").path, withDestinationPath: "real.json")
        // A link is never written through (WriteSafetyTests has the rest).
        let linked = try CLIRunner.run(["validate", "tasks.md", "--format", "json", "-o", "link.json"], in: folder)
        #expect(linked.status == 2 && linked.stderr.contains("link.json: cannot write: it is a symbolic link"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.json").path) == "real.json")
        #expect(try String(contentsOf: folder.appendingPathComponent("real.json"), encoding: .utf8) == "old\n")

        let intoFolder = try CLIRunner.run(["validate", "tasks.md", "--report", "sarif=."], in: folder)
        #expect(intoFolder.status == 2 && intoFolder.stderr.contains(".: cannot write: it is a folder") && intoFolder.stdout.isEmpty)
        let sameFile = try CLIRunner.run(["validate", "tasks.md", "-o", "x.sarif", "--report", "sarif=./x.sarif"], in: folder)
        #expect(sameFile.status == 2 && sameFile.stderr.contains("named by both --output and --report"))
    }

    @Test("status takes no --strict or --quiet (it always prints everything and exits 0): its help does not offer them")
    func statusFlags() throws {
        let folder = try CLIRunner.folder(["tasks.md": "# Plan\n\n- [x] T1 Repo\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(["status", "--strict"], in: folder)
        #expect(run.status == 2 && run.stderr.contains("Unknown option '--strict'"), "\(run.stderr)")
        let help = try CLIRunner.run(["status", "--help"], in: folder)
        #expect(help.status == 0 && !help.stdout.contains("--strict") && !help.stdout.contains("--quiet"))
    }

    @Test("loose plan files sharing a folder are matched by name; a plan deleted since the base is listed as removed")
    func matching() throws {
        let repository = try CLIRunner.folder([
            "old/tasks.md": "# Plan\n\n- [x] T1 Repo\n- [ ] T2 CI\n",
            "old/ROADMAP.md": "# Roadmap\n\n- [ ] T1 Launch\n- [x] T2 Beta\n",
            "new/tasks.md": "# Plan\n\n- [x] T1 Repo\n- [ ] T2 CI\n",
            "new/ROADMAP.md": "# Roadmap\n\n- [ ] T1 Launch\n- [x] T2 Beta\n",
        ])
        defer { try? FileManager.default.removeItem(at: repository) }
        let same = try CLIRunner.run(["diff", "old", "new"], in: repository, environment: ReportScratch.neutral)
        #expect(same.status == 0, "\(same.stdout)")
        #expect(same.stdout.contains("changes since old: no changes"))

        try git(["init", "-q"], in: repository)
        try git(["add", "."], in: repository)
        try git(["-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-qm", "base"], in: repository)
        try FileManager.default.removeItem(at: repository.appendingPathComponent("new/tasks.md"))
        try FileManager.default.removeItem(at: repository.appendingPathComponent("new/ROADMAP.md"))
        let deleted = try CLIRunner.run(["diff", "--base", "HEAD", "new"], in: repository, environment: ReportScratch.neutral)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("changes since HEAD: 4 removed"))
        #expect(deleted.stdout.contains("    HEAD:new/tasks.md:3:1: T1 removed (was done)"))
    }
}

/// Runs git in `folder`, failing the test when it fails.
func git(_ arguments: [String], in folder: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = folder
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
}
