import Foundation
import Testing

/// Archives keep their kit, and only theirs: `pack` writes what `validate` will read back, and a manifest
/// inside a stranger's archive cannot send speckit to the disk around it.
@Suite("Archives and their kits (end to end)")
struct ArchiveDiscoveryTests {
    /// Writes a zip holding `entries` (path → text) with Python's zipfile, as a stranger would.
    static func zip(_ entries: [String: String], to url: URL) throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: entries), as: UTF8.self)
        let script =
            "import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w')\n"
            + "for name, text in sorted(json.loads(sys.argv[2]).items()): z.writestr(name, text)\nz.close()\n"
        let outcome = try CLIRunner.run(["python3", "-c", script, url.path, json], executable: "/usr/bin/env")
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }

    static func manifest(root: String, name: String = "x", profile: String = "github-spec-kit") -> String {
        """
        {"schemaVersion": 1, "tool": {"name": "speckit", "version": "0.1.0"},
         "kit": {"name": "\(name)", "profile": "\(profile)", "root": "\(root)", "documents": 1, "tasks": 1, "done": 0},
         "files": []}
        """
    }

    @Test(
        "a manifest's root never makes speckit read the disk around the archive",
        arguments: ["specs/001-photo-albums/a/b/c", "../../specs", "/etc", String(repeating: "a/", count: 100) + "b"])
    func hostileRoot(root: String) throws {
        let folder = try FixtureRepos.copy("spec-kit-user")
        let archive = folder.appendingPathComponent("specs/001-photo-albums/evil.zip")
        try Self.zip(["tasks.md": "# Tasks\n\n- [ ] T1 Only this\n", "manifest.json": Self.manifest(root: root)], to: archive)
        let outcome = try CLIRunner.run(["validate", "specs/001-photo-albums/evil.zip", "--format", "json"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try FixtureRepos.json(outcome)
        let files = (json["kits"] as? [[String: Any]] ?? []).flatMap {
            ($0["documents"] as? [[String: Any]] ?? []).map { $0["path"] as? String ?? "" }
        }
        #expect(files == ["specs/001-photo-albums/evil.zip/tasks.md"])
        #expect(FixtureRepos.findings(json).allSatisfy { $0.hasPrefix("specs/001-photo-albums/evil.zip/") })
        let fixed = try CLIRunner.run(["fix", "--dry-run", "specs/001-photo-albums/evil.zip"], in: folder)
        #expect(!fixed.stdout.contains("would fix specs/001-photo-albums/tasks.md"))
    }

    @Test("two archives of one kit stay two kits, each with its manifest's name")
    func twoArchives() throws {
        let folder = try FixtureRepos.copy("kiro")
        #expect(try CLIRunner.run(["pack", ".kiro/specs/search", "--out", "a.zip"], in: folder).status == 0)
        #expect(try CLIRunner.run(["pack", ".kiro/specs/search", "--out", "b.tar.gz"], in: folder).status == 0)
        let json = try FixtureRepos.json(try CLIRunner.run(["validate", "a.zip", "b.tar.gz", "--format", "json"], in: folder))
        #expect(FixtureRepos.kits(json) == ["kiro a.zip search", "kiro b.tar.gz search"])
    }

    @Test("pack refuses to write over a kit file, never packs its own archive, and replaces a kit's manifest.json")
    func packOutputs() throws {
        let folder = try FixtureRepos.copy("spec-kit-user")
        let kit = "specs/001-photo-albums"
        let over = try CLIRunner.run(["pack", kit, "--out", kit + "/tasks.md", "--format", "zip"], in: folder)
        #expect(over.status == 2 && over.stderr.contains("tasks.md: cannot write: it is one of the kit's files"), "\(over.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent(kit + "/tasks.md"), encoding: .utf8).hasPrefix("# Tasks"))
        let first = try CLIRunner.run(["pack", kit, "--out", kit + "/self.zip"], in: folder)
        let second = try CLIRunner.run(["pack", kit, "--out", kit + "/self.zip"], in: folder)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout, "\(first.stdout)\n\(second.stdout)")
        try Data("{\"old\": true}\n".utf8).write(to: folder.appendingPathComponent(kit + "/manifest.json"))
        let replaced = try CLIRunner.run(["pack", kit, "--out", "k.zip"], in: folder)
        #expect(
            replaced.status == 0
                && replaced.stderr.contains("manifest.json: not packed; the archive's manifest.json is the one pack writes"))
        #expect(try CLIRunner.run(["validate", "k.zip"], in: folder).status == 1)
    }

    @Test(
        "pack refuses what it cannot pack faithfully: a folder inside a kit, a FIFO or dangling link, an unknown extension",
        arguments: [
            (["pack", "specs/001-photo-albums/checklists", "--out", "c.zip"], "part of the kit specs/001-photo-albums"),
            (["pack", "specs/001-photo-albums", "--out", "k.rar"], "expected a name ending in .zip, .tar.gz or .tgz"),
            (
                ["pack", "specs/001-photo-albums", "--out", "broken.zip"],
                "notes.md: cannot read: a symbolic link (to nowhere.md); pack does not follow links"
            ),
        ])
    func packRefusals(arguments: [String], message: String) throws {
        let folder = try FixtureRepos.copy("spec-kit-user")
        if arguments.contains("broken.zip") {
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("specs/001-photo-albums/notes.md").path, withDestinationPath: "nowhere.md")
        }
        let outcome = try CLIRunner.run(arguments, in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test("a packed flat Kiro kit gives the same bytes wherever its repository is checked out")
    func reproducibleAcrossCheckouts() throws {
        let one = try FixtureRepos.copy("kiro-flat")
        let other = try CLIRunner.temporaryFolder().appendingPathComponent("another-name")
        try FileManager.default.copyItem(at: one, to: other)
        let first = try CLIRunner.run(["pack", ".kiro/specs", "--out", "k.zip"], in: one)
        let second = try CLIRunner.run(["pack", ".kiro/specs", "--out", "k.zip"], in: other)
        #expect(first.status == 0 && first.stdout == second.stdout)
    }
}
