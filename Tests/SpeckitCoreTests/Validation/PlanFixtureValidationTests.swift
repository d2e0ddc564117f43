import Foundation
import Testing

@testable import SpeckitCore

/// What `speckit validate` must say about the plan fixtures (Tests/Fixtures/plans/), written in the styles of
/// the plans the project was created from.
@Suite("Validating the plan fixtures")
struct PlanFixtureValidationTests {
    static let plans = [
        "tasks-mac-roman.md", "release-plan-windows-1252.md", "phase-deliverables.md", "roadmap.md", "sync-kit",
        "plan-in-a-diff.txt",
    ]

    static func report(_ plan: String) throws -> ValidationReport {
        try Validator(jobs: 2).validate(paths: [FixturePaths.fixture("plans/" + plan)])
    }

    @Test("phase headings: T5 declared NOT STARTED with T5.3 and T5.4 done; stale counts; mojibake; exit 1")
    func macRomanTasks() throws {
        let report = try Self.report("tasks-mac-roman.md")
        let contradictions = report.findings.filter { $0.ruleId == .phaseContradiction }
        #expect(contradictions.count == 1)
        let t5 = try #require(contradictions.first)
        #expect(t5.message == "T5 is declared '❌ NOT STARTED' but 2 of its 7 tasks are done: T5.3, T5.4")
        #expect(t5.range.line == 75)
        #expect(t5.related.map(\.range.line) == [84, 85])

        let claims = report.findings.filter { $0.ruleId == .claimMismatch }.map(\.message)
        for stale in [
            "'1/9 subtasks'", "'0/12 subtasks'", "'0/5 subtasks'", "'45 total subtasks'", "'9 completed (20%)'", "'36 remaining (80%)'",
        ] {
            #expect(claims.contains { $0.hasPrefix(stale) }, "no claim-mismatch for \(stale): \(claims)")
        }
        #expect(claims.count == 6)
        for agreeing in ["'0/4 subtasks'", "'0/3 subtasks'"] {
            #expect(!claims.contains { $0.hasPrefix(agreeing) }, "\(agreeing) agrees with the top-level count")
        }
        let mojibake = try #require(report.findings.first { $0.ruleId == .mojibake })
        #expect(mojibake.message.contains("decoded as Mac Roman") && mojibake.message.contains("repaired 23 characters"))
        #expect(report.exitCode == 1)
    }

    @Test("task blocks: Task 23, 26, 27 and 28 are stated done and open, with every place listed; exit 1")
    func windows1252TaskBlocks() throws {
        let report = try Self.report("release-plan-windows-1252.md")
        let conflicts = report.findings.filter { $0.ruleId == .conflictingStatements }
        let expected: [String: [Int]] = [
            "Task 23": [110, 168, 189],
            "Task 26": [140, 173, 195, 209],
            "Task 27": [150, 174, 196, 210],
            "Task 28": [158, 169],
        ]
        #expect(conflicts.count == expected.count, "\(conflicts.map(\.message))")
        for (task, lines) in expected {
            let finding = try #require(conflicts.first { $0.message.hasPrefix(task + " is stated done") }, "\(task)")
            #expect(finding.related.map(\.range.line) == lines, "\(task): \(finding.related.map(\.range.line))")
            for line in lines { #expect(finding.message.contains("line \(line)")) }
        }
        #expect(report.findings.contains { $0.ruleId == .mojibake && $0.message.contains("Windows-1252") })
        #expect(report.exitCode == 1)
    }

    @Test("deliverables and acceptance checks: every phase states its checks, so none is missing")
    func phaseDeliverables() throws {
        let report = try Self.report("phase-deliverables.md")
        #expect(!report.findings.contains { $0.ruleId == .acceptanceMissing })
        #expect(report.kits.first?.documents.count == 1)
    }

    @Test("every finding on every plan fixture has a file, a line and a column inside the file")
    func locations() throws {
        var count = 0
        for plan in Self.plans {
            for finding in try Self.report(plan).findings {
                #expect(finding.range.line >= 1 && finding.range.column >= 1 && !finding.range.file.isEmpty)
                #expect(finding.range.endLine >= finding.range.line)
                let text = try String(contentsOfFile: finding.range.file, encoding: .utf8)
                #expect(finding.range.endLine <= text.split(separator: "\n", omittingEmptySubsequences: false).count)
                count += 1
            }
        }
        // Fewer since #16 made the template checks opt-in; still enough to cover every kind of location.
        #expect(count > 12)
    }

    @Test("one job and many jobs report the same findings")
    func jobsAgree() throws {
        let paths = [
            FixturePaths.fixture("plans/tasks-mac-roman.md"), FixturePaths.fixture("plans/release-plan-windows-1252.md"),
            FixturePaths.fixture("structured"), FixturePaths.fixture("markdown"),
        ]
        let one = try Validator(jobs: 1).validate(paths: paths)
        let many = try Validator(jobs: 4).validate(paths: paths)
        #expect(one == many)
        #expect(one.findings.count > 10)
    }
}
