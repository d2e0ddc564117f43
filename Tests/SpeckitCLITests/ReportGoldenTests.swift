import Foundation
import Testing

/// Every report format, on every plan fixture, equals its golden file under Tests/Fixtures/reports/ (run the tests
/// with SPECKIT_RECORD=1 to rewrite them after a deliberate change, then read the diff).
@Suite("Report golden files")
struct ReportGoldenTests {
    static let formats = [
        ("text", "txt"), ("json", "json"), ("markdown", "md"), ("junit", "xml"), ("sarif", "sarif"),
        ("github", "github"), ("gitlab", "gitlab.json"),
    ]

    @Test("the six plan fixtures are there, so the tests below each have their inputs")
    func plansPresent() {
        #expect(
            ReportScratch.plans.map(\.short) == [
                "phase-deliverables", "plan-in-a-diff", "release-plan-windows-1252", "roadmap", "sync-kit", "tasks-mac-roman",
            ])
    }

    @Test("validate --format F on each plan fixture", arguments: ReportScratch.plans.map(\.short))
    func validate(plan: String) throws {
        let repository = try ReportScratch.make()
        defer { try? FileManager.default.removeItem(at: repository) }
        let name = try ReportScratch.name(plan)
        for (format, ext) in Self.formats {
            let run = try CLIRunner.run(
                ["validate", "plans/\(name)", "--format", format], in: repository,
                environment: ReportScratch.neutral)
            #expect(run.status == 0 || run.status == 1, "\(format): \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(format): \(run.stderr)")
            let difference = try ReportScratch.compare(run.stdout, golden: "validate/\(plan).\(ext)")
            #expect(difference == nil, "\(difference ?? "")")
        }
    }

    @Test("status --format F on each plan fixture", arguments: ReportScratch.plans.map(\.short))
    func status(plan: String) throws {
        let repository = try ReportScratch.make()
        defer { try? FileManager.default.removeItem(at: repository) }
        let name = try ReportScratch.name(plan)
        for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md")] {
            let run = try CLIRunner.run(
                ["status", "plans/\(name)", "--format", format], in: repository,
                environment: ReportScratch.neutral)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            let difference = try ReportScratch.compare(run.stdout, golden: "status/\(plan).\(ext)")
            #expect(difference == nil, "\(difference ?? "")")
        }
    }

    @Test("diff --format F between the Mac Roman tasks fixture and a copy with T1.3 unticked and T2.1 ticked")
    func diff() throws {
        let repository = try DiffScratch.make()
        defer { try? FileManager.default.removeItem(at: repository) }
        for (format, ext) in Self.formats {
            let run = try CLIRunner.run(
                ["diff", "old/plan.txt", "new/plan.txt", "--format", format], in: repository,
                environment: ReportScratch.neutral)
            #expect(run.status == 1, "\(format): \(run.stderr)")
            let difference = try ReportScratch.compare(run.stdout, golden: "diff/tasks-mac-roman.\(ext)")
            #expect(difference == nil, "\(difference ?? "")")
        }
    }
}

/// The Mac Roman tasks fixture as `old/plan.txt`, and `new/plan.txt`: the same with T1.3 unticked (a
/// regression) and T2.1 ticked.
enum DiffScratch {
    static func make() throws -> URL {
        let old = try String(contentsOfFile: CLIRunner.fixture("plans/tasks-mac-roman.md"), encoding: .utf8)
        let new = try edited(old)
        let root = try CLIRunner.folder(["old/plan.txt": old, "new/plan.txt": new])
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return root
    }

    /// The plan with `- [x] T1.3` unticked and `- [ ] T2.1` ticked.
    static func edited(_ text: String) throws -> String {
        var lines = text.components(separatedBy: "\n")
        let undone = try #require(lines.firstIndex { $0.hasPrefix("- [x] T1.3 ") })
        let done = try #require(lines.firstIndex { $0.hasPrefix("- [ ] T2.1 ") })
        lines[undone] = lines[undone].replacingOccurrences(of: "- [x] T1.3 ", with: "- [ ] T1.3 ")
        lines[done] = lines[done].replacingOccurrences(of: "- [ ] T2.1 ", with: "- [x] T2.1 ")
        return lines.joined(separator: "\n")
    }
}
