import Foundation
import Testing

/// Issue 20: the rough edges a new user hits in the first hour, each run as the built binary.
@Suite("the first hour (end to end)")
struct FirstHourTests {
    static func names(in folder: URL, _ sub: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(sub).path).sorted()
    }

    @Test(
        "generate names the kit's folder after the name's letters and digits, of any script",
        arguments: [
            ("日本語プロジェクト", "spec/日本語プロジェクト"), ("Ünïcode Café", "spec/unicode-cafe"),
            ("Ops Control Room", "spec/ops-control-room"), ("Straße — Łódź 2026 🚀", "spec/straße-łodz-2026"),
            ("हिन्दी परियोजना", "spec/हिन्दी-परियोजना"), ("Ω-Team (v2)", "spec/ω-team-v2"),
        ])
    func unicodeSlugs(name: String, folder expected: String) throws {
        let folder = try CLIRunner.temporaryFolder()
        let run = try CLIRunner.run(["generate", "--name", name], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("wrote \(expected)/constitution.md\n"), "\(run.stdout)")
        #expect(try Self.names(in: folder, expected) == ["constitution.md", "plan.md", "prd.md", "tasks.md"])
        // The name itself stays as written in the documents.
        let constitution = try String(contentsOf: folder.appendingPathComponent(expected + "/constitution.md"), encoding: .utf8)
        #expect(constitution.contains(name))
        #expect(try CLIRunner.run(["validate", expected], in: folder).status == 0)
    }

    @Test("a name with no letter or digit needs --out, and with --out any name that is not a path is fine")
    func nameWithoutLetters() throws {
        let folder = try CLIRunner.temporaryFolder()
        let refused = try CLIRunner.run(["generate", "--name", "!!!"], in: folder)
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "speckit: error: flags: bad parameters: the project name '!!!' has no letters or digits to name its folder; give one with --out DIR\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let named = try CLIRunner.run(["generate", "--name", "!!!", "--out", "spec/bang"], in: folder)
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try Self.names(in: folder, "spec/bang").count == 4)
    }

    @Test("generate --params refuses an unknown key as run generate_spec_kit does, naming it and the keys allowed")
    func unknownParams() throws {
        let folder = try CLIRunner.folder(["p.yaml": "name: Shop\ncolor: red\n", "p.json": #"{"name": "Shop", "colour": "red"}"#])
        let expected =
            "1 problem with the parameters of generate_spec_kit: $.color: unknown parameter (expected name, description, goals, phases, principles)\n"
        let generate = try CLIRunner.run(["generate", "--params", "p.yaml"], in: folder)
        #expect(generate.status == 2)
        #expect(generate.stderr == "speckit: error: p.yaml: " + expected)
        let json = try CLIRunner.run(["generate", "--params", "p.json", "--out", "k"], in: folder)
        #expect(json.status == 2 && json.stderr.contains("$.colour: unknown parameter"))
        let run = try CLIRunner.run(["run", "generate_spec_kit", "--params", "p.json", "--artifacts", "out"], in: folder)
        #expect(
            run.status == 2 && run.stderr.contains("$.colour: unknown parameter (expected name, description, goals, phases, principles)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["p.json", "p.yaml"])
        // YAML values are text as written: a name of digits is a name.
        let digits = try CLIRunner.run(["generate", "--params", "-", "--dry-run"], in: folder, input: "name: 2048\n")
        #expect(digits.status == 0 && digits.stdout.hasPrefix("would write spec/2048/constitution.md"), "\(digits.stderr)")
    }

    /// Two kits of speckit's layout under `spec/`, and a folder with no plan in it.
    static func twoKits() throws -> URL {
        try CLIRunner.folder([
            "spec/alpha/tasks.md": "# Tasks\n\n## Phase 1: Build\n\n- [x] T1 Schema\n- [ ] T2 API\n",
            "spec/beta-kit/tasks.md": "# Tasks\n\n## Phase 1: Build\n\n- [ ] T1 UI\n",
            "notes/readme.txt": "hello\n",
        ])
    }

    @Test("pack: a folder with no kit is exit 2; several kits are refused, listed, or packed one archive each into --out DIR/")
    func packSeveralKits() throws {
        let folder = try Self.twoKits()
        let none = try CLIRunner.run(["pack", "notes", "--out", "n.zip"], in: folder)
        #expect(none.status == 2 && none.stderr.hasPrefix("speckit: error: notes: no kits found"), "\(none.stderr)")
        let several = try CLIRunner.run(["pack", "spec", "--out", "s.zip"], in: folder)
        #expect(several.status == 2)
        #expect(
            several.stderr
                == "speckit: error: spec: holds 2 kits (spec/alpha, spec/beta-kit); pack one of them, or give --out a folder (ending in /) for one archive per kit\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.zip").path))
        let missing = try CLIRunner.run(["pack", "spec", "--out", "dist/"], in: folder)
        #expect(missing.status == 2 && missing.stderr.contains("dist/: cannot write: no such folder"))

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dist"), withIntermediateDirectories: true)
        let each = try CLIRunner.run(["pack", "spec", "--out", "dist/"], in: folder)
        #expect(each.status == 0, "\(each.stderr)")
        let lines = each.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("packed 1 file and manifest.json of alpha into dist/alpha.zip (") == true, "\(each.stdout)")
        #expect(lines.last?.hasPrefix("packed 1 file and manifest.json of beta-kit into dist/beta-kit.zip (") == true)
        #expect(try Self.names(in: folder, "dist") == ["alpha.zip", "beta-kit.zip"])
        // Each archive is its kit, exactly as packing the kit folder alone makes it.
        let alone = try CLIRunner.run(["pack", "spec/alpha", "--out", "alpha.zip"], in: folder)
        #expect(alone.status == 0)
        #expect(
            try Data(contentsOf: folder.appendingPathComponent("alpha.zip"))
                == Data(contentsOf: folder.appendingPathComponent("dist/alpha.zip")))
        let validated = try CLIRunner.run(["validate", "dist/beta-kit.zip"], in: folder)
        #expect(validated.stdout.hasSuffix("in 1 file (1 kit, 1 task): passed\n"), "\(validated.stdout)")
        let tarballs = try CLIRunner.run(["pack", "spec", "--out", "dist", "--format", "tar.gz"], in: folder)
        #expect(tarballs.status == 0)
        #expect(try Self.names(in: folder, "dist") == ["alpha.tar.gz", "alpha.zip", "beta-kit.tar.gz", "beta-kit.zip"])
    }

    @Test("pack: loose plan files beside kits cannot be packed apart, and nothing is written")
    func packLoosePlans() throws {
        let folder = try Self.twoKits()
        try Data("# Roadmap\n\n- [ ] R1 Launch\n".utf8).write(to: folder.appendingPathComponent("ROADMAP.md"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dist"), withIntermediateDirectories: true)
        let run = try CLIRunner.run(["pack", ".", "--out", "dist/"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("speckit: error: .: cannot pack: holds plan files (ROADMAP.md) beside its kits"), "\(run.stderr)")
        #expect(try Self.names(in: folder, "dist").isEmpty)
        // A folder of loose plans is still one archive.
        let plans = try CLIRunner.folder([
            "plans/tasks.md": "# Tasks\n\n- [ ] T1 A\n", "plans/ROADMAP.md": "# Roadmap\n\n- [ ] R1 B\n",
        ])
        let one = try CLIRunner.run(["pack", "plans", "--out", "p.zip"], in: plans)
        #expect(
            one.status == 0 && one.stdout.hasPrefix("packed 2 files and manifest.json of plans into p.zip"), "\(one.stdout)\(one.stderr)")
    }

    @Test("wording: counts agree with their nouns and verbs")
    func plurals() throws {
        let folder = try CLIRunner.folder([
            "spec/k/tasks.md": "# Tasks\n\n## Phase 1: Build ✅ COMPLETE\n\n- [x] T1 Schema\n- [x] T2 API\n- [ ] T3 UI\n\n"
                + "## Phase 2: Ship\n\n- [x] T4 Release\n  - [ ] T4.1 Notes\n",
            "solo/tasks.md": "# Tasks\n\n- [ ] T1 Only\n",
        ])
        let validate = try CLIRunner.run(["validate", "spec/k"], in: folder)
        #expect(validate.stdout.contains("Phase 1 is declared '✅ COMPLETE' but 1 of its 3 tasks is open: T3"), "\(validate.stdout)")
        #expect(validate.stdout.contains("T4 is done but its only subtask is open: T4.1"), "\(validate.stdout)")
        #expect(validate.stdout.hasSuffix("1 error, 1 warning, 0 notes in 1 file (1 kit, 5 tasks): failed\n"), "\(validate.stdout)")
        let solo = try CLIRunner.run(["validate", "solo"], in: folder)
        #expect(solo.stdout == "0 errors, 0 warnings, 0 notes in 1 file (1 kit, 1 task): passed\n")
        let status = try CLIRunner.run(["status", "solo"], in: folder)
        #expect(
            status.stdout.hasSuffix("0/1 tasks done (0%) in 1 kit; 0 in progress, 0 blocked, 1 ready to start; 0 claims, 0 not matching\n"))
        let pack = try CLIRunner.run(["pack", "solo", "--out", "s.zip"], in: folder)
        #expect(pack.stdout.hasPrefix("packed 1 file and manifest.json of tasks.md into s.zip"), "\(pack.stdout)")
        let next = try CLIRunner.run(["next", "spec/k"], in: folder)
        #expect(!next.stdout.contains("1 tasks") && !next.stdout.contains(" 1 files"), "\(next.stdout)")
    }

    @Test("status bars show any progress above zero, and fill only when everything is done")
    func bars() throws {
        var text = "# Tasks\n\n## Phase 1: Build\n\n"
        for index in 1...56 { text += "- [\(index <= 4 ? "x" : " ")] A\(index) part \(index)\n" }
        text += "\n## Phase 2: Ship\n\n"
        for index in 1...56 { text += "- [\(index <= 55 ? "x" : " ")] B\(index) part \(index)\n" }
        text += "\n## Phase 3: Idle\n\n- [ ] C1 nothing yet\n"
        let folder = try CLIRunner.folder(["spec/k/tasks.md": text])
        let status = try CLIRunner.run(["status", "spec/k"], in: folder)
        let lines = status.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("  █░░░░░░░░░   7%  4/56   Phase 1 — Build"), "\(status.stdout)")
        #expect(lines.contains("  █████████░  98%  55/56  Phase 2 — Ship"), "\(status.stdout)")
        #expect(lines.contains("  ░░░░░░░░░░   0%  0/1    Phase 3 — Idle"), "\(status.stdout)")
    }

    @Test("an unknown status word is reported once per kit, with the other places that use it")
    func unknownWordsOnce() throws {
        var tasks: [String] = []
        for index in 1...22 { tasks.append(#"{"id": \#(index), "title": "Case \#(index)", "status": "Staged", "dependencies": []}"#) }
        tasks.append(#"{"id": 23, "title": "Dropped", "status": "wontfix", "dependencies": []}"#)
        let json = #"{"master": {"tasks": ["# + tasks.joined(separator: ",\n") + "]}}\n"
        let folder = try CLIRunner.folder([
            ".taskmaster/tasks/tasks.json": json, ".speckit.yml": "rules:\n  status.unknown-value: warning\n",
        ])
        let run = try CLIRunner.run(["validate", "."], in: folder)
        let findings = run.stdout.split(separator: "\n").filter { $0.contains("[status.unknown-value]") }
        #expect(findings.count == 1, "\(run.stdout)")
        #expect(
            findings.first?.contains("task 1 has status 'Staged', which is not a known status; 21 other places in this kit use it too")
                == true)
        // `wontfix` is a word speckit knows: cancelled.
        let parsed = try CLIRunner.run(["parse", ".", "--format", "text"], in: folder)
        #expect(parsed.status == 0 && !run.stdout.contains("wontfix"))
    }

    @Test("--base in a shallow clone says the base is not in the clone and how CI fetches it")
    func shallowBase() throws {
        let source = try CLIRunner.folder(["tasks.md": "# Tasks\n\n- [ ] T1 A\n"])
        func git(_ arguments: [String], in folder: URL) throws {
            let result = try CLIRunner.run(
                ["-c", "user.name=t", "-c", "user.email=t@example.test", "-c", "init.defaultBranch=main"] + arguments, in: folder,
                executable: "/usr/bin/git")
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        }
        try git(["init", "-q"], in: source)
        for index in 1...3 {
            try Data("# Tasks\n\n- [ ] T1 A\n- [ ] T\(index + 1) B\n".utf8).write(to: source.appendingPathComponent("tasks.md"))
            try git(["add", "."], in: source)
            try git(["commit", "-qm", "c\(index)"], in: source)
        }
        let parent = try CLIRunner.temporaryFolder()
        try git(["clone", "-q", "--depth", "1", "file://" + source.path, "clone"], in: parent)
        let clone = parent.appendingPathComponent("clone")
        for command in [["validate", "--base", "HEAD~1"], ["diff", "--base", "HEAD~2"]] {
            let run = try CLIRunner.run(command, in: clone)
            #expect(run.status == 2)
            #expect(run.stderr.contains("'\(command[2])' is not in this clone"), "\(run.stderr)")
            #expect(run.stderr.contains("which is shallow") && run.stderr.contains("fetch-depth: 0"), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
        // A full clone with a name that is not there says only that.
        let full = try CLIRunner.run(["validate", "--base", "nope"], in: source)
        #expect(full.status == 2 && full.stderr.contains("'nope' is not a commit") && !full.stderr.contains("shallow"))
    }

    @Test("what a new user got half done is refused whole: nothing is written")
    func nothingHalfDone() throws {
        let folder = try Self.twoKits()
        let fm = FileManager.default
        // One archive's place is a folder: no archive is written, not even the first.
        try fm.createDirectory(at: folder.appendingPathComponent("o/beta-kit.zip"), withIntermediateDirectories: true)
        let blocked = try CLIRunner.run(["pack", "spec", "--out", "o/"], in: folder)
        #expect(blocked.status == 2 && blocked.stderr.contains("o/beta-kit.zip: cannot write: not a regular file"), "\(blocked.stderr)")
        #expect(try Self.names(in: folder, "o") == ["beta-kit.zip"])
        // Archives written inside a kit would be packed into it by the next run.
        try fm.createDirectory(at: folder.appendingPathComponent("spec/alpha/out"), withIntermediateDirectories: true)
        let inside = try CLIRunner.run(["pack", "spec", "--out", "spec/alpha/out/"], in: folder)
        #expect(inside.status == 2 && inside.stderr.contains("lies inside the kit folder spec/alpha"), "\(inside.stderr)")
        #expect(try Self.names(in: folder, "spec/alpha/out").isEmpty)
        // generate: a link among the files to write, or an archive that cannot be written, stops it before any file.
        try fm.createDirectory(at: folder.appendingPathComponent("spec/half"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("spec/half/tasks.md").path, withDestinationPath: "/nowhere/x")
        let linked = try CLIRunner.run(["generate", "--name", "half"], in: folder)
        #expect(linked.status == 2 && linked.stderr.contains("spec/half/tasks.md: cannot write"), "\(linked.stderr)")
        #expect(try Self.names(in: folder, "spec/half") == ["tasks.md"])
        let zip = try CLIRunner.run(["generate", "--name", "Zed", "--zip", "missing/z.zip"], in: folder)
        #expect(zip.status == 2 && zip.stderr.contains("missing/z.zip: cannot write: no folder missing"), "\(zip.stderr)")
        let named = try CLIRunner.run(["generate", "--name", "Zed", "--zip", "z.txt"], in: folder)
        #expect(named.status == 2 && named.stderr.contains("--zip z.txt: expected a name ending in .zip, .tar.gz or .tgz"))
        #expect(!fm.fileExists(atPath: folder.appendingPathComponent("spec/zed").path))
        try Data("not a folder\n".utf8).write(to: folder.appendingPathComponent("notes/file"))
        let overFile = try CLIRunner.run(["generate", "--name", "Zed", "--out", "notes/file/zed"], in: folder)
        #expect(overFile.stderr == "speckit: error: notes/file: cannot write: it is a file; expected a folder to hold the kit\n")
        // set-status: a checkbox cannot say "in progress"; saying it changed nothing is refused.
        let before = try Data(contentsOf: folder.appendingPathComponent("spec/beta-kit/tasks.md"))
        let status = try CLIRunner.run(["set-status", "T1", "in-progress", "spec/beta-kit"], in: folder)
        #expect(status.status == 2 && status.stderr.contains("T1 cannot be marked in progress in this file's wording"), "\(status.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("spec/beta-kit/tasks.md")) == before)
    }

    @Test("pack refuses two file names that differ only in Unicode normalisation, which no archive reader tells apart")
    func normalisation() throws {
        // Two Swift strings that compare equal: written one at a time, never as keys of one dictionary.
        let folder = try CLIRunner.temporaryFolder()
        for name in ["\u{E9}x", "e\u{301}x"] {
            let kit = folder.appendingPathComponent("spec").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: kit, withIntermediateDirectories: true)
            try Data("# Tasks\n\n- [ ] T1 \(name)\n".utf8).write(to: kit.appendingPathComponent("tasks.md"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("spec").path).count == 2)
        let run = try CLIRunner.run(["pack", "spec", "--out", "s.zip"], in: folder)
        #expect(run.status == 2 && run.stderr.contains("are one name written two ways (Unicode normalisation)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.zip").path))
    }
}
