import Foundation
import Testing

/// `speckit fix`, run as a built binary.
@Suite("speckit fix (end to end)")
struct FixCommandTests {
    @Test("the Mac Roman tasks fixture copied somewhere writable: ✅ ⏳ ❌ read correctly afterwards and validate reports no mojibake")
    func macRomanTasks() throws {
        let folder = try CLIRunner.folder([:])
        let copy = folder.appendingPathComponent("tasks.md")
        try FileManager.default.copyItem(atPath: CLIRunner.fixture("plans/tasks-mac-roman.md"), toPath: copy.path)
        let fixed = try CLIRunner.run(["fix", "tasks.md"], in: folder)
        #expect(fixed.status == 0)
        #expect(fixed.stdout == "fixed tasks.md: repaired 23 mojibake characters (mac-roman)\nfixed 1 of 1 file\n")
        let text = try String(contentsOf: copy, encoding: .utf8)
        #expect(text.contains("## T0 — Repository + Tooling ✅ COMPLETE") && text.contains("⏳") && text.contains("❌"))
        let validated = try CLIRunner.run(["validate", "tasks.md"], in: folder)
        #expect(!validated.stdout.contains("encoding.mojibake"))
        #expect(try CLIRunner.run(["fix", "tasks.md"], in: folder).stdout == "fixed 0 of 1 file\n")
    }

    @Test("--dry-run prints a unified diff and changes nothing on disk")
    func dryRun() throws {
        let folder = try CLIRunner.folder(["plans/tasks.md": "\u{FEFF}# Tasks\r\n\r\n- [x] T1 Done âœ…\n- [ ] T2 Next\r\n"])
        let path = folder.appendingPathComponent("plans/tasks.md")
        let before = try Data(contentsOf: path)
        let outcome = try CLIRunner.run(["fix", "--dry-run", "plans"], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("--- a/plans/tasks.md\n+++ b/plans/tasks.md\n@@ -1,4 +1,4 @@\n"))
        // The diff shows control characters as escapes: the CR that the line-ending fix adds is seen.
        #expect(outcome.stdout.contains("+- [x] T1 Done ✅\\r\n"))
        #expect(
            outcome.stdout.hasSuffix(
                "would fix plans/tasks.md: repaired 1 mojibake character (windows-1252); dropped the byte-order mark; line endings: mixed → CRLF\nwould fix 1 of 1 file\n"
            ))
        #expect(try Data(contentsOf: path) == before)
    }

    @Test("a missing path is exit 2; a file that is not UTF-8 is left alone with a warning")
    func refusals() throws {
        let folder = try CLIRunner.folder([:])
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: folder.appendingPathComponent("tasks.md"))
        let missing = try CLIRunner.run(["fix", "nope.md"], in: folder)
        #expect(missing.status == 2 && missing.stderr == "speckit: error: nope.md: no such file or directory\n")
        let invalid = try CLIRunner.run(["fix", "tasks.md"], in: folder)
        #expect(invalid.status == 0)
        #expect(invalid.stderr == "speckit: warning: tasks.md: 1 byte sequence(s) are not UTF-8; re-save it as UTF-8 first; left alone\n")
        #expect(try Data(contentsOf: folder.appendingPathComponent("tasks.md")) == Data([0x63, 0x61, 0x66, 0xE9, 0x0A]))
    }

    @Test("a link found in a folder is left alone, so fix never rewrites a file outside it")
    func linksLeftAlone() throws {
        // Mixed line endings: fix would make them uniform, were it to follow the link.
        let root = try CLIRunner.folder(["outside.md": "# Tasks\r\n\n- [ ] T1 a\n", "kit/plan.md": "# Plan\r\n\nText\n"])
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("kit/tasks.md").path, withDestinationPath: "../outside.md")
        let result = try CLIRunner.run(["fix", "kit"], in: root)
        #expect(result.status == 0)
        #expect(result.stderr == "speckit: warning: kit/tasks.md: a symbolic link; left alone (name the file it points to, to fix that)\n")
        #expect(try String(contentsOf: root.appendingPathComponent("outside.md"), encoding: .utf8) == "# Tasks\r\n\n- [ ] T1 a\n")
        #expect(try String(contentsOf: root.appendingPathComponent("kit/plan.md"), encoding: .utf8) == "# Plan\n\nText\n")
        #expect(result.stdout.contains("fixed kit/plan.md"))
    }
}
