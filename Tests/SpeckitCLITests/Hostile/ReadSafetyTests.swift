import Foundation
import Testing

/// Issue 15, reading: what speckit reads must stay where it should (links, configuration), names must reach
/// git and the reports as they are, and every human-facing output must carry text, never commands.
@Suite("Hostile input: reading stays inside (issue 15)")
struct ReadSafetyTests {
    static let commit = ["-c", "user.name=t", "-c", "user.email=t@example.test", "commit", "-qm"]

    @Test("#7 a newline in a folder name does not desynchronise --base: later files are still compared")
    func newlineInBasePath() throws {
        let repository = try CLIRunner.folder([
            "specs/a\nb/tasks.md": "# Tasks\n\n- [ ] T1 First\n",
            "specs/z/tasks.md": "# Tasks\n\n- [x] T1 Done already\n- [ ] T2 Next\n",
        ])
        defer { try? FileManager.default.removeItem(at: repository) }
        try git(["init", "-q"], in: repository)
        try git(["add", "."], in: repository)
        try git(Self.commit + ["base"], in: repository)
        try Data("# Tasks\n\n- [ ] T1 Done already\n- [ ] T2 Next\n".utf8).write(
            to: repository.appendingPathComponent("specs/z/tasks.md"))

        let diff = try CLIRunner.run(["diff", "--base", "HEAD", "specs"], in: repository, environment: ReportScratch.neutral)
        #expect(diff.status == 1, "\(diff.stdout)\(diff.stderr)")
        #expect(diff.stdout.contains("T1 went back from done to todo since HEAD [status.regression]"), "\(diff.stdout)")
        #expect(!diff.stdout.contains("added"), "\(diff.stdout)")
    }

    /// A working folder with a kit whose files include links out of it, at two depths, to a plan holding a
    /// finding that would show it was read.
    static func linkedOut() throws -> (root: URL, working: URL) {
        let root = try CLIRunner.folder([
            "outside/secret.md": "# Tasks\n\n- [ ] T1 Secret (depends on T77)\n",
            "work/kit/tasks.md": "# Tasks\n\n- [ ] T1 First\n- [ ] T2 Second (depends on T1)\n",
            "work/kit/inside.md": "# Notes\n",
        ])
        let kit = root.appendingPathComponent("work/kit")
        try FileManager.default.createDirectory(at: kit.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: kit.appendingPathComponent("plan.md").path, withDestinationPath: "../../outside/secret.md")
        try FileManager.default.createSymbolicLink(
            atPath: kit.appendingPathComponent("a/b/tasks.md").path,
            withDestinationPath: root.appendingPathComponent("outside/secret.md").path)
        // A link that stays inside is read.
        try FileManager.default.createSymbolicLink(atPath: kit.appendingPathComponent("a/spec.md").path, withDestinationPath: "../tasks.md")
        return (root, root.appendingPathComponent("work"))
    }

    @Test("#1 run validate_spec_kit does not read through links that leave the working folder, at any depth")
    func runRefusesLinksOut() throws {
        let (root, working) = try Self.linkedOut()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CLIRunner.run(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "out"], in: working, input: "{\"path\": \"kit\"}")
        #expect(run.status == 1, "\(run.stderr)")
        let report = try String(contentsOf: working.appendingPathComponent("out/report.json"), encoding: .utf8)
        for file in ["kit/plan.md", "kit/a/b/tasks.md"] {
            #expect(report.contains("\"file\" : \"\(file)\""), "\(report)")
        }
        #expect(
            report.components(separatedBy: "a symbolic link that leads outside the working folder; speckit does not read through it").count
                == 3)
        #expect(!report.contains("T77"), "the outside file was read: \(report)")
        #expect(!run.stdout.contains("T77"))
    }

    @Test("#1 validate does not read through links that leave the repository; links inside it are read")
    func validateRefusesLinksOut() throws {
        let (root, working) = try Self.linkedOut()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: working.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let run = try CLIRunner.run(["validate", "kit"], in: working, environment: ReportScratch.neutral)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "kit/plan.md:1:1: error: cannot read: a symbolic link that leads outside the repository; speckit does not read through it [input.unreadable]"
            ), "\(run.stdout)")
        #expect(run.stdout.contains("kit/a/b/tasks.md:1:1: error: cannot read"), "\(run.stdout)")
        #expect(!run.stdout.contains("T77"), "\(run.stdout)")
        // Named on the command line, a link is read: the user asked for it.
        let named = try CLIRunner.run(["validate", "kit/plan.md"], in: working, environment: ReportScratch.neutral)
        #expect(named.stdout.contains("T77"), "\(named.stdout)")
    }

    /// A parent folder (no `.git` anywhere) whose `.speckit.yml` turns a rule off, and a kit below it.
    static func configAbove() throws -> URL {
        try CLIRunner.folder([
            "parent/.speckit.yml": "rules:\n  tasks.unknown-dependency: off\n",
            "parent/home/work/kit/tasks.md": "# Tasks\n\n- [ ] T1 First (depends on T9)\n",
        ])
    }

    @Test("#4 the run step reads .speckit.yml only inside its working folder")
    func runConfigInside() throws {
        let root = try Self.configAbove()
        defer { try? FileManager.default.removeItem(at: root) }
        let working = root.appendingPathComponent("parent/home/work")
        let run = try CLIRunner.run(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "out"], in: working, input: "{\"path\": \"kit\"}")
        #expect(run.status == 1, "the parent's configuration switched the rule off: \(run.stderr)")
        let report = try String(contentsOf: working.appendingPathComponent("out/report.json"), encoding: .utf8)
        #expect(report.contains("tasks.unknown-dependency"))
        // Inside the working folder it applies.
        try Data("rules:\n  tasks.unknown-dependency: off\n".utf8).write(to: working.appendingPathComponent(".speckit.yml"))
        let inside = try CLIRunner.run(
            ["run", "validate_spec_kit", "--params", "-", "--artifacts", "out2"], in: working, input: "{\"path\": \"kit\"}")
        #expect(inside.status == 0, "\(inside.stderr)")
    }

    @Test("#4 the CLI's search for .speckit.yml stops at the home folder, and --verbose says which file was used")
    func cliConfigStopsAtHome() throws {
        let root = try Self.configAbove()
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent("parent/home")
        var environment = ReportScratch.neutral
        environment["HOME"] = home.path
        let run = try CLIRunner.run(["validate", "kit", "--verbose"], in: home.appendingPathComponent("work"), environment: environment)
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stdout.contains("[tasks.unknown-dependency]"))
        #expect(run.stderr.contains("speckit: configuration: none (no .speckit.yml up to \(home.path))"), "\(run.stderr)")
        // Without the home folder in the way, the parent's file is found and named.
        environment["HOME"] = "/nonexistent"
        let above = try CLIRunner.run(["validate", "kit", "--verbose"], in: home.appendingPathComponent("work"), environment: environment)
        #expect(above.status == 0, "\(above.stdout)")
        #expect(
            above.stderr.contains("speckit: configuration: \(root.appendingPathComponent("parent/.speckit.yml").path)"), "\(above.stderr)")
    }

    /// A kit whose folder name, title, phase title and task title carry workflow commands, OSC escapes (window
    /// title, clipboard) and a Markdown link written with escaped brackets.
    static func injecting() throws -> (root: URL, folder: String) {
        let folder = "kit\u{1B}]0;pwned\u{07}\n::error file=x::injected"
        let root = try CLIRunner.folder([
            folder + "/tasks.yaml": #"""
            title: "Plan \e]0;owned\a"
            phases:
              - id: P1
                title: '\[click me\](https://example.invalid) \e[2J'
                status: complete
                tasks:
                  - id: T1
                    title: "Copy \e]52;c;ZXZpbA==\a now"
                    status: todo
                    depends_on: [T9]
            """#
        ])
        return (root, folder)
    }

    /// No escape sequence, no bell, and no line a CI runner would take for a workflow command of the kit's.
    static func expectInert(_ text: String, _ what: String) {
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(what) passes ESC or BEL: \(text)")
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("::error file=x") }, "\(what) lets a line start a workflow command")
    }

    @Test("#5 every human-facing output escapes what comes from the files: text, parse, status, fix, github, markdown")
    func oneEscaper() throws {
        let (root, folder) = try Self.injecting()
        defer { try? FileManager.default.removeItem(at: root) }
        for arguments in [
            ["parse", "--format", "text", "."], ["validate", "."], ["status", "."], ["validate", "--format", "github", "."],
            ["validate", "--format", "markdown", "."], ["status", "--format", "markdown", "."],
        ] {
            let run = try CLIRunner.run(arguments, in: root, environment: ReportScratch.neutral)
            #expect(run.status <= 1, "\(arguments): \(run.stderr)")
            Self.expectInert(run.stdout, arguments.joined(separator: " "))
            Self.expectInert(run.stderr, arguments.joined(separator: " ") + " (stderr)")
        }
        let parse = try CLIRunner.run(["parse", "--format", "text", "."], in: root)
        #expect(parse.stdout.contains("T1 Copy \\u{1B}]52;c;ZXZpbA==\\u{7} now"), "\(parse.stdout)")
        let markdown = try CLIRunner.run(["validate", "--format", "markdown", "."], in: root, environment: ReportScratch.neutral)
        // `\[` must stay text: the backslash is escaped too, so no link is made.
        #expect(markdown.stdout.contains(#"\\\[click me\\\](https://example.invalid)"#), "\(markdown.stdout)")

        // fix: the file names it prints and the diff of the file's lines.
        let plan = root.appendingPathComponent(folder + "/plan.md")
        try Data("# Plan \u{1B}]0;x\u{07}\r\n\r\n- [ ] T1 a\n- [ ] T2 \u{1B}[2J b\r\n".utf8).write(to: plan)
        for arguments in [["fix", "--dry-run", "."], ["fix", "."]] {
            let run = try CLIRunner.run(arguments, in: root)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            Self.expectInert(run.stdout, arguments.joined(separator: " "))
            #expect(run.stdout.contains("plan.md"), "\(run.stdout)")
        }
    }
}
