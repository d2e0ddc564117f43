import Foundation
import Testing

/// Issue 15, YAML/JSON plans and kit discovery: nothing read silently wrong, nothing quadratic, nothing
/// that takes gigabytes inside the documented limits.
@Suite("Hostile input: structured plans and discovery (issue 15)")
struct StructuredHardeningTests {
    static func write(_ text: String, to name: String) throws -> URL {
        try CLIRunner.folder([name: text])
    }

    @Test("#17 a tasks.json that writes a key twice is reported, not read last-wins")
    func duplicateJSONKey() throws {
        let folder = try Self.write(
            "{\n  \"tasks\": [\n    { \"id\": 1, \"title\": \"First\", \"status\": \"done\", \"status\": \"pending\" }\n  ]\n}\n",
            to: "tasks.json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(["validate", "tasks.json"], in: folder)
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stdout.contains("tasks.json:3:"), "\(run.stdout)")
        #expect(run.stdout.contains("duplicate key"), "\(run.stdout)")
        #expect(run.stdout.contains("[yaml.duplicate-key]"), "\(run.stdout)")
    }

    @Test("#17 a tasks.json whose tabs libyaml refuses still reports a duplicate key", arguments: ["\t"])
    func duplicateKeyAfterFallback(_ tab: String) throws {
        let folder = try Self.write(
            "{\n\(tab)\"tasks\": [\n\(tab)\(tab){\"id\": 1, \"title\": \"A\", \"title\": \"B\", \"status\": \"done\"}\n\(tab)]\n}\n",
            to: "tasks.json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(["validate", "tasks.json"], in: folder)
        #expect(run.status == 1, "\(run.stdout)")
        #expect(run.stdout.contains("duplicate key 'title'"), "\(run.stdout)")
    }

    @Test(
        "#17 NaN and Infinity are not JSON: a tasks.json holding them is a syntax error at their place",
        arguments: ["NaN", "Infinity", "-Infinity"])
    func notANumber(_ word: String) throws {
        let folder = try Self.write(
            "{\"tasks\": [\n  {\"id\": 1, \"title\": \"A\", \"status\": \"done\", \"estimate\": \(word)}\n]}\n", to: "tasks.json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLIRunner.run(["validate", "tasks.json"], in: folder)
        #expect(run.status == 1, "\(run.stdout)")
        #expect(
            run.stdout.contains("tasks.json:2:57: error: JSON syntax error: \(word) is not a JSON number [yaml.syntax]"), "\(run.stdout)")
    }

    @Test("#9 a tasks.yaml or tasks.json of 8 million tiny values is refused in bounded memory and time", arguments: ["yaml", "json"])
    func millionsOfScalars(_ format: String) throws {
        let values = String(repeating: "1,", count: 8_000_000) + "1"
        let text =
            format == "yaml"
            ? "tasks:\n  - id: T1\n    title: x\n    notes: [\(values)]\n"
            : "{\"tasks\": [{\"id\": 1, \"title\": \"x\", \"status\": \"done\", \"notes\": [\(values)]}]}\n"
        let folder = try Self.write(text, to: "tasks.\(format)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try MeasuredRun.run(["validate", "tasks.\(format)", "--jobs", "2"], in: folder, timeout: 60)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains(
                "tasks.\(format):1:1: error: holds more than 1000000 values (scalars, lists and mappings); the file was not read (limits.yamlNodes) [yaml.syntax]"
            ), "\(run.stdout)")
        run.expectWithinBudget("8 million values in \(format)")
    }

    @Test("#10 a task with 20,000 dependencies is checked in linear time", arguments: ["yaml", "json"])
    func manyDependencies(_ format: String) throws {
        let count = 20_000
        let ids = (1...count).map { "T\($0)" }
        let tasks = ids.map { id in format == "yaml" ? "  - id: \(id)\n    title: t\n" : "{\"id\": \"\(id)\", \"title\": \"t\"}" }
        let hub =
            format == "yaml"
            ? "  - id: HUB\n    title: hub\n    depends_on: [\((ids + ["T99999"]).joined(separator: ", "))]\n"
            : "{\"id\": \"HUB\", \"title\": \"hub\", \"dependencies\": [\((ids + ["T99999"]).map { "\"\($0)\"" }.joined(separator: ", "))]}"
        let text =
            format == "yaml"
            ? "tasks:\n" + tasks.joined() + hub
            : "{\"tasks\": [" + (tasks + [hub]).joined(separator: ",\n") + "]}\n"
        let folder = try Self.write(text, to: "tasks.\(format)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try MeasuredRun.run(["validate", "tasks.\(format)", "--jobs", "2"], in: folder, timeout: 60)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stdout.contains("task HUB depends on T99999, which does not exist [tasks.unknown-dependency]"), "\(run.stdout.suffix(500))")
        run.expectWithinBudget("20,000 dependencies in \(format)")
    }

    @Test("#10 discovery is linear in the files of one kit: a feature folder with 10,000 checklists")
    func wideKit() throws {
        let folder = try CLIRunner.folder(["specs/001-x/spec.md": "# Spec\n", "specs/001-x/tasks.md": "# Tasks\n\n- [ ] T1 a\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let checklists = folder.appendingPathComponent("specs/001-x/checklists")
        try FileManager.default.createDirectory(at: checklists, withIntermediateDirectories: true)
        for index in 1...10_000 {
            try Data("# Checklist \(index)\n\n- [ ] CHK1 Check it\n".utf8).write(to: checklists.appendingPathComponent("c\(index).md"))
        }
        let run = try MeasuredRun.run(["status", ".", "--jobs", "2"], in: folder, timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("0/1 tasks done (0%) in 1 kit"), "\(run.stdout.suffix(300))")
        #expect(run.stdout.contains("checklists: 0/10000 items checked"), "\(run.stdout.suffix(300))")
        run.expectWithinBudget("a kit of 10,000 files")
    }

    @Test("#10 an exclude glob of 14 `**` segments is matched in linear time against deep paths")
    func starStarGlob() throws {
        let deep = Array(repeating: "a", count: 30).joined(separator: "/")
        let pattern = Array(repeating: "**/a", count: 14).joined(separator: "/") + "/**/never"
        let folder = try CLIRunner.folder([
            ".speckit.yml": "exclude: [\"\(pattern)\"]\n",
            deep + "/tasks.md": "# Tasks\n\n- [ ] T1 Deep\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try MeasuredRun.run(["validate", ".", "--jobs", "2"], in: folder, timeout: 60)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("in 1 file (1 kit, 1 task): passed"), "\(run.stdout)")
        run.expectWithinBudget("14 ** segments")
    }
}
