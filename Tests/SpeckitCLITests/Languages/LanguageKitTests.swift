import Foundation
import Testing

/// Spec Kit features written in Japanese, Spanish and Chinese, and plans whose prose mentions numbers and
/// statuses: `speckit validate` on them gives no error a reader of that language would call false.
@Suite("Languages and dependency syntax (end to end)")
struct LanguageKitTests {
    /// A copy of `Tests/Fixtures/<relative>` in a fresh folder with a `.git`, out of the repository's
    /// `.speckit.yml` reach.
    static func copy(_ relative: String) throws -> URL {
        let parent = try CLIRunner.temporaryFolder()
        let target = parent.appendingPathComponent(URL(fileURLWithPath: relative).lastPathComponent)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: CLIRunner.fixture(relative)), to: target)
        try FileManager.default.createDirectory(at: target.appendingPathComponent(".git"), withIntermediateDirectories: true)
        // The opt-in section and criteria checks are on, so the translated names are shown to be found.
        try Data("rules:\n  structure.missing-section: warning\n  acceptance.missing: warning\n".utf8).write(
            to: target.appendingPathComponent(".speckit.yml"))
        return target
    }

    static func validate(_ folder: URL, _ extra: [String] = []) throws -> (CLIRunner.Outcome, [String]) {
        let outcome = try CLIRunner.run(["validate", "."] + extra, in: folder)
        return (outcome, outcome.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("    ") })
    }

    /// The parse JSON's documents by path.
    static func documents(_ folder: URL) throws -> [String: [String: Any]] {
        let outcome = try CLIRunner.run(["parse", "."], in: folder)
        let json = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] ?? [:]
        var out: [String: [String: Any]] = [:]
        for kit in json["kits"] as? [[String: Any]] ?? [] {
            for document in kit["documents"] as? [[String: Any]] ?? [] { out[document["path"] as? String ?? ""] = document }
        }
        return out
    }

    static func phases(_ document: [String: Any]?) -> [[String: Any]] { document?["phases"] as? [[String: Any]] ?? [] }

    /// `T005 ← T003,T004` for every task of the phases that has dependencies.
    static func dependencies(_ document: [String: Any]?) -> [String] {
        phases(document).flatMap { $0["tasks"] as? [[String: Any]] ?? [] }.compactMap { task in
            let ids = (task["dependencies"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            return ids.isEmpty ? nil : "\(task["id"] as? String ?? "?") ← " + ids.joined(separator: ",")
        }
    }

    @Test("a Japanese Spec Kit feature: stories resolve, phases are phases, sections are found, 依存 is a dependency")
    func japanese() throws {
        let folder = try Self.copy("languages/ja")
        let (outcome, lines) = try Self.validate(folder)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(!lines.contains { $0.contains(": error: ") })
        #expect(!lines.contains { $0.contains("structure.missing-section") || $0.contains("trace.unknown-requirement") })
        #expect(!lines.contains { $0.contains("tasks.unknown-dependency") }, "'2秒後に再試行、after 2 seconds' is no dependency")
        #expect(lines.last == "0 errors, 0 warnings, 0 notes in 3 files (1 kit, 8 tasks): passed")

        let documents = try Self.documents(folder)
        let tasks = documents["specs/001-catalog/tasks.md"]
        #expect(Self.phases(tasks).map { $0["id"] as? String } == ["フェーズ 1", "フェーズ 2", "フェーズ 3", "フェーズ 4"])
        #expect(Self.phases(tasks).map { $0["priority"] as? String } == [nil, nil, "P1", "P2"])
        #expect((Self.phases(tasks).first?["declaredStatus"] as? [String: Any])?["value"] as? String == "done")
        #expect(Self.dependencies(tasks) == ["T003 ← T002", "T005 ← T003,T004", "T007 ← T005,T006"])
        let spec = documents["specs/001-catalog/spec.md"]
        let stories = (spec?["requirements"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "user_story" }
        #expect(stories.map { $0["id"] as? String } == ["US1", "US2"])
        #expect(stories.map { ($0["acceptanceCriteria"] as? [[String: Any]] ?? []).count } == [2, 1])
        #expect(stories.map { $0["priority"] as? String } == ["P1", "P2"])
    }

    @Test("a Spanish Spec Kit feature: Historia de usuario, Fase, depende de, Estado, Requisitos, Criterios de éxito")
    func spanish() throws {
        let folder = try Self.copy("languages/es")
        let (outcome, lines) = try Self.validate(folder)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(!lines.contains { $0.contains("structure.missing-section") || $0.contains("trace.unknown-requirement") })
        #expect(lines.last == "0 errors, 0 warnings, 0 notes in 3 files (1 kit, 7 tasks): passed")

        let documents = try Self.documents(folder)
        let tasks = documents["specs/001-reservas/tasks.md"]
        #expect(Self.phases(tasks).map { $0["id"] as? String } == ["Fase 1", "Fase 2", "Fase 3"])
        #expect(
            Self.phases(tasks).map { ($0["declaredStatus"] as? [String: Any])?["value"] as? String } == ["done", "in_progress", nil])
        #expect(Self.dependencies(tasks) == ["T003 ← T001", "T004 ← T003", "T006 ← T003,T004", "T007 ← T006"])
        let spec = documents["specs/001-reservas/spec.md"]
        let stories = (spec?["requirements"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "user_story" }
        #expect(
            stories.map { ($0["acceptanceCriteria"] as? [[String: Any]] ?? []).map { $0["style"] as? String } } == [
                ["scenario", "scenario"], ["scenario"],
            ])
    }

    @Test("a simplified Chinese feature: 用户故事 with （优先级：P1）, 阶段 and Phase with full-width colons, 依赖")
    func chinese() throws {
        let folder = try Self.copy("languages/zh")
        let (outcome, lines) = try Self.validate(folder)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(!lines.contains { $0.contains("structure.missing-section") || $0.contains("trace.unknown-requirement") })
        // The one story without scenarios is a true finding.
        #expect(
            lines.contains {
                $0.hasSuffix("spec.md:13:1: warning: user story US2 ('执行 SQL 查询') has no acceptance criteria [acceptance.missing]")
            })
        let tasks = try Self.documents(folder)["specs/001-query/tasks.md"]
        #expect(Self.phases(tasks).map { $0["id"] as? String } == ["阶段 1", "阶段 2", "Phase 3"])
        #expect(Self.dependencies(tasks) == ["T003 ← T001", "T004 ← T002,T003"])
    }

    @Test("dependencies come from dependency syntax: numbers with units never, ranges expanded, a real unknown id still an error")
    func dependencyProse() throws {
        let folder = try CLIRunner.temporaryFolder()
        try FileManager.default.copyItem(
            atPath: CLIRunner.fixture("languages/dependency-prose.md"), toPath: folder.appendingPathComponent("tasks.md").path)
        let (outcome, lines) = try Self.validate(folder)
        let dependencyFindings = lines.filter { $0.contains("tasks.unknown-dependency") }
        #expect(dependencyFindings == ["tasks.md:23:1: error: task T016 depends on T099, which does not exist [tasks.unknown-dependency]"])
        #expect(outcome.status == 1)
        let tasks = try Self.documents(folder)["tasks.md"]
        #expect(
            Self.dependencies(tasks) == [
                "T151 ← T150a,T150b,T150c,T150d", "T015 ← T010,T011,T012,T013,T014", "T016 ← T015,T099",
            ])
    }

    @Test("statuses: 'PASSING ✅' and 'All ruff checks passing ✅' are done, priority colours are no status, Estado and ステータス are read")
    func statusNoise() throws {
        let folder = try CLIRunner.temporaryFolder()
        try FileManager.default.copyItem(
            atPath: CLIRunner.fixture("languages/status-noise.md"), toPath: folder.appendingPathComponent("tasks.md").path)
        // status.unknown-value is opt-in: turned on here, so that its silence says the words were read.
        try Data("rules:\n  status.unknown-value: warning\n".utf8).write(to: folder.appendingPathComponent(".speckit.yml"))
        let (outcome, lines) = try Self.validate(folder)
        #expect(!lines.contains { $0.contains("status.unknown-value") })
        #expect(!lines.contains { $0.contains("status.parent-child") }, "'🟢 Low priority' does not make Task 7 done")
        #expect(outcome.status == 0)
        let phases = Self.phases(try Self.documents(folder)["tasks.md"])
        #expect(
            phases.map { ($0["declaredStatus"] as? [String: Any])?["value"] as? String } == ["done", "done", nil, "done", "done"])
        let backlog = phases.count > 2 ? phases[2]["tasks"] as? [[String: Any]] ?? [] : []
        #expect(backlog.map { ($0["statuses"] as? [Any] ?? []).count } == [0, 0, 0])
    }

    @Test("words: in .speckit.yml adds a team's words per concept; a wrong key is one line naming it")
    func configuredWords() throws {
        let folder = try CLIRunner.folder([
            ".git/HEAD": "",
            "plans/tasks.md":
                "# Plan\n\n## Lot 1: Socle\n\n- [x] T1 Schema\n- [ ] T2 API wartet auf T1\n\n## Lot 2: Front\n\n**Status**: abgenommen\n\n- [x] T3 UI\n",
        ])
        try Data("words:\n  phase: [Lot]\n  dependsOn: [wartet auf]\n  done: [abgenommen]\n".utf8)
            .write(to: folder.appendingPathComponent(".speckit.yml"))
        let documents = try Self.documents(folder)
        let plan = documents["plans/tasks.md"]
        #expect(Self.phases(plan).map { $0["id"] as? String } == ["Lot 1", "Lot 2"])
        #expect(Self.dependencies(plan) == ["T2 ← T1"])
        #expect((Self.phases(plan).last?["declaredStatus"] as? [String: Any])?["value"] as? String == "done")

        try Data("words:\n  userstory: [Histoire]\n".utf8).write(to: folder.appendingPathComponent(".speckit.yml"))
        let bad = try CLIRunner.run(["validate", "."], in: folder)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(".speckit.yml:2:3: bad configuration: unknown concept 'words.userstory' (expected one of userStory,"))
        #expect(bad.stderr.split(separator: "\n").count == 1)
    }
}
