import Foundation
import Testing

/// `speckit validate` and `speckit rules`, run as a built binary.
@Suite("speckit validate (end to end)")
struct ValidateCommandTests {
    static let clean = "# Tasks\n\n- [x] T1 Write the schema\n- [ ] T2 Write the API (depends on T1)\n"
    static let warningOnly = "# Tasks\n\n- [ ] T1 Write the schema\n  - [x] T1.1 Tables\n"
    static let failing = "# Tasks\n\n- [ ] T1 Write the schema\n- [ ] T2 Write the API (depends on T9)\n"

    @Test("the Mac Roman tasks fixture: compiler-style findings, a summary line, exit 1")
    func macRomanTasks() throws {
        let outcome = try CLIRunner.run(["validate", CLIRunner.fixture("plans/tasks-mac-roman.md")])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.isEmpty)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasSuffix(
                    ":75:1: error: T5 is declared '❌ NOT STARTED' but 2 of its 7 tasks are done: T5.3, T5.4 [status.phase-contradiction]")
            })
        #expect(lines.contains { $0.contains(":117:1: error: '9 completed (20%)' does not match the document") })
        #expect(lines.contains { $0.hasPrefix("    ") && $0.contains(":85:1: note: T5.4 is done") })
        #expect(lines.last?.hasSuffix("in 1 file (1 kit, 42 tasks): failed") == true)
        #expect(!outcome.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("exit 0 with nothing to report, warnings allowed; --strict (or strict: true) makes warnings fail")
    func exitCodes() throws {
        let folder = try CLIRunner.folder(["clean/tasks.md": Self.clean, "warn/tasks.md": Self.warningOnly])
        let clean = try CLIRunner.run(["validate", "clean"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.stdout == "0 errors, 0 warnings, 0 notes in 1 file (1 kit, 2 tasks): passed\n")
        let warn = try CLIRunner.run(["validate", "warn"], in: folder)
        #expect(warn.status == 0)
        #expect(warn.stdout.contains("warning: T1 is todo but its only subtask is done [status.parent-child]"))
        #expect(try CLIRunner.run(["validate", "warn", "--strict"], in: folder).status == 1)
        try Data("strict: true\n".utf8).write(to: folder.appendingPathComponent(".speckit.yml"))
        let strict = try CLIRunner.run(["validate", "warn"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stdout.hasSuffix("failed (strict: warnings fail)\n"))
    }

    @Test("#16 opt-in rules (template sections, missing documents, vague criteria) are off until .speckit.yml turns them on")
    func optInRules() throws {
        let files = [
            ".git/HEAD": "",
            "specs/001-login/spec.md": "# Feature: Login\n\n## Purpose\n\n### User Story 1 - Log in (Priority: P1)\n\n"
                + "**Acceptance Scenarios**:\n\n1. **Given** a user, **When** they log in, **Then** it is fast\n",
            "specs/001-login/plan.md": "# Plan: Login\n\n## Phase 1\n\n- [ ] T001 [US1] Build the form\n\n"
                + "Acceptance checks:\n\n* The form is fast and user-friendly\n",
        ]
        let quiet = try CLIRunner.run(["validate", "."], in: try CLIRunner.folder(files))
        #expect(quiet.status == 0 && quiet.stdout.hasPrefix("0 errors, 0 warnings, 0 notes"), "\(quiet.stdout)")
        var configured = files
        configured[".speckit.yml"] =
            "rules:\n  structure.missing-document: warning\n  acceptance.untestable: note\nrequiredSections:\n  prd: [Requirements]\n"
        let loud = try CLIRunner.run(["validate", "."], in: try CLIRunner.folder(configured))
        #expect(
            loud.stdout.contains(
                "specs/001-login/spec.md:1:1: warning: prd document has no 'Requirements' section [structure.missing-section]"))
        #expect(
            loud.stdout.contains("has no tasks.md (expected spec.md, plan.md, tasks.md in specs/001-login) [structure.missing-document]"))
        #expect(loud.stdout.contains("[acceptance.untestable]"), "\(loud.stdout)")
        let rules = try CLIRunner.run(["rules"], in: try CLIRunner.folder([:]))
        #expect(rules.stdout.contains("(off unless turned on in .speckit.yml)"))
    }

    @Test("--quiet prints only what fails the run")
    func quiet() throws {
        let folder = try CLIRunner.folder(["tasks.md": Self.failing + "- [ ] T3 Parent\n  - [x] T3.1 Child\n"])
        let outcome = try CLIRunner.run(["validate", "--quiet", "tasks.md"], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "tasks.md:4:1: error: task T2 depends on T9, which does not exist [tasks.unknown-dependency]\n")
    }

    @Test("--format json is the versioned report; --output writes it atomically and stdout stays empty")
    func json() throws {
        let folder = try CLIRunner.folder(["tasks.md": Self.failing])
        let outcome = try CLIRunner.run(["validate", "tasks.md", "--format", "json"], in: folder)
        #expect(outcome.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        let findings = object?["findings"] as? [[String: Any]]
        #expect(findings?.first?["ruleId"] as? String == "tasks.unknown-dependency")
        #expect((object?["summary"] as? [String: Any])?["passed"] as? Bool == false)

        let written = try CLIRunner.run(["validate", "tasks.md", "--format", "json", "--output", "report.json"], in: folder)
        #expect(written.status == 1)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8) == outcome.stdout)
    }

    @Test("without a path the current folder is walked, honouring .speckit.yml excludes and rule settings")
    func currentFolder() throws {
        let folder = try CLIRunner.folder([
            "spec/app/tasks.md": Self.failing,
            "fixtures/broken/tasks.md": "# Tasks\n\n- [ ] T1 (depends on T1)\n",
            "README.md": "# Readme with a [PLACEHOLDER_TOKEN]\n",
            ".speckit.yml": "exclude: [fixtures/**]\nrules:\n  tasks.unknown-dependency: warning\n  structure.missing-document: off\n",
        ])
        let outcome = try CLIRunner.run(["validate"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("spec/app/tasks.md:4:1: warning: task T2 depends on T9"))
        #expect(!outcome.stdout.contains("fixtures") && !outcome.stdout.contains("README"))
    }

    @Test("one unreadable file is a finding; the others are still checked; an empty file found by walking is skipped")
    func unreadableFile() throws {
        let folder = try CLIRunner.folder([
            "plans/empty-tasks.md": "", "plans/sprint-plan.md": Self.failing,
            "plans/broken-tasks.yaml": "tasks:\n  - id: T1\n    title: [oops\n",
            "plans/binary-tasks.md": "# Tasks\u{0}\n",
        ])
        let outcome = try CLIRunner.run(["validate", "plans", "--verbose"], in: folder)
        #expect(outcome.status == 1)
        #expect(
            outcome.stdout.contains(
                "plans/binary-tasks.md:1:1: error: binary file (NUL byte at offset 7); expected UTF-8 text [input.unreadable]"))
        #expect(outcome.stdout.contains("plans/broken-tasks.yaml:4:1: error: YAML syntax error:"))
        #expect(outcome.stdout.contains("plans/sprint-plan.md:4:1: error: task T2 depends on T9"))
        #expect(outcome.stdout.contains("skipped: plans/empty-tasks.md: an empty file, not a plan\n"))
        #expect(outcome.stdout.hasSuffix("(3 kits, 2 tasks): failed; skipped 1 file that is not a plan\n"), "\(outcome.stdout)")
        // --verbose names the configuration file used (here none) on stderr, and nothing else.
        #expect(outcome.stderr.hasPrefix("speckit: configuration: none (no .speckit.yml up to "), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        // Named on the command line, an empty file is no plan either: no kit, exit 2, nothing on stdout.
        let named = try CLIRunner.run(["validate", "plans/empty-tasks.md"], in: folder)
        #expect(named.status == 2 && named.stdout.isEmpty)
        #expect(named.stderr.hasSuffix("; skipped 1 file that is not a plan, see --verbose\n"))
    }

    @Test(
        "bad input: one line on stderr naming the file or flag, exit 2",
        arguments: [
            (["validate", "no/such/path"], "no/such/path: no such file or directory"),
            (["validate", "--jobs", "0", "."], "--jobs must be at least 1, got 0"),
            (["validate", "--format", "xml", "."], "xml"),
            (["validate", "--config", "missing.yml", "."], "missing.yml: bad configuration: no such file (given by --config)"),
            (["validate", "--config", "bad.yml", "."], "bad.yml:2:3: bad configuration: unknown rule 'tasks.bogus'"),
            (["validate", "--profile", "spec-kit", "."], "spec-kit"),
            (["validate", "empty"], "empty: no plan files found"),
        ])
    func badInput(arguments: [String], message: String) throws {
        let folder = try CLIRunner.folder(["bad.yml": "rules:\n  tasks.bogus: off\n", "tasks.md": Self.clean, "empty/.keep": ""])
        let outcome = try CLIRunner.run(arguments, in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("speckit: error: "))
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test("colour on a terminal only, and never with NO_COLOR or --no-color")
    func colour() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("/usr/bin/script (bsdutils) is needed to give speckit a terminal")
            return
        }
        let folder = try CLIRunner.folder(["tasks.md": Self.failing])
        func onTerminal(_ command: String, environment: [String: String] = [:]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "\(CLIRunner.binary.path) \(command)", "/dev/null"]
            process.currentDirectoryURL = folder
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = nil
            process.environment = env.merging(environment) { $1 }
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try onTerminal("validate tasks.md").contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(try !onTerminal("validate tasks.md", environment: ["NO_COLOR": "1"]).contains("\u{1B}["))
        #expect(try !onTerminal("validate --no-color tasks.md").contains("\u{1B}["))
    }

    @Test("speckit rules lists every rule; --format markdown is docs/rules.md; --format json parses")
    func rules() throws {
        let text = try CLIRunner.run(["rules"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("status.conflicting-statements  error    Task stated done and open in different places"))
        let markdown = try CLIRunner.run(["rules", "--format", "markdown"])
        let committed = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(markdown.stdout == committed)
        let json = try CLIRunner.run(["rules", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["rules"] as? [Any])?.count == text.stdout.split(separator: "\n").count)
    }

    @Test("the repository validates itself, strictly, with its own .speckit.yml (its progress claims included)")
    func ownRepository() throws {
        let outcome = try CLIRunner.run(["validate", "--strict"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("(1 kit,"))
    }
}
