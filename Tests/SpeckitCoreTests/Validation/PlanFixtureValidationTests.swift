import Testing

@testable import SpeckitCore

/// What `speckit validate` must say about the seeds: the plans the project was created from.
@Suite("Validating the seeds")
struct SeedValidationTests {
    static func report(_ seed: String) throws -> ValidationReport {
        try Validator(jobs: 2).validate(paths: [FixturePaths.seed(seed)])
    }

    @Test("001: T5 declared NOT STARTED with T5.4 and T5.5 done; stale counts; mojibake; exit 1")
    func seed001() throws {
        let report = try Self.report("001_")
        let contradictions = report.findings.filter { $0.ruleId == .phaseContradiction }
        #expect(contradictions.count == 1)
        let t5 = try #require(contradictions.first)
        #expect(t5.message.hasPrefix("T5 is declared '❌ NOT STARTED'"))
        #expect(t5.message.contains("T5.4") && t5.message.contains("T5.5"))
        #expect(t5.related.count == 2)

        let claims = report.findings.filter { $0.ruleId == .claimMismatch }.map(\.message)
        for stale in ["'3/27 subtasks'", "'0/26 subtasks'", "'111 total subtasks'", "'18 completed (16%)'"] {
            #expect(claims.contains { $0.hasPrefix(stale) }, "no claim-mismatch for \(stale): \(claims)")
        }
        for agreeing in ["'0/13 subtasks'", "'0/5 subtasks'"] {
            #expect(!claims.contains { $0.hasPrefix(agreeing) }, "\(agreeing) agrees with the top-level count")
        }
        #expect(report.findings.contains { $0.ruleId == .mojibake })
        #expect(report.exitCode == 1)
    }

    @Test("003: Task 43, 47, 48 and 50 are stated done and open, with every place listed; exit 1")
    func seed003() throws {
        let report = try Self.report("003_")
        let conflicts = report.findings.filter { $0.ruleId == .conflictingStatements }
        let expected: [String: [Int]] = [
            "Task 43": [855, 1368, 2348],
            "Task 47": [1109, 1384, 2369, 2409],
            "Task 48": [1182, 1380, 2368, 2410],
            "Task 50": [1520, 2350],
        ]
        for (task, lines) in expected {
            let finding = try #require(conflicts.first { $0.message.hasPrefix(task + " is stated done") }, "\(task)")
            #expect(finding.related.map(\.range.line) == lines, "\(task): \(finding.related.map(\.range.line))")
            for line in lines { #expect(finding.message.contains("line \(line)")) }
        }
        #expect(report.exitCode == 1)
    }

    @Test("000: every phase states its acceptance checks, so none is missing")
    func seed000() throws {
        let report = try Self.report("000_")
        #expect(!report.findings.contains { $0.ruleId == .acceptanceMissing })
        #expect(report.kits.first?.documents.count == 1)
    }

    @Test("every finding on every seed has a file, a line and a column inside the file")
    func locations() throws {
        for seed in ["000_", "001_", "003_", "004_", "from-002"] {
            for finding in try Self.report(seed).findings {
                #expect(finding.range.line >= 1 && finding.range.column >= 1 && !finding.range.file.isEmpty)
                #expect(finding.range.endLine >= finding.range.line)
            }
        }
    }

    @Test("one job and many jobs report the same findings")
    func jobsAgree() throws {
        let paths = [
            FixturePaths.seed("001_"), FixturePaths.seed("003_"), FixturePaths.fixture("structured"),
            FixturePaths.fixture("markdown"),
        ]
        let one = try Validator(jobs: 1).validate(paths: paths)
        let many = try Validator(jobs: 4).validate(paths: paths)
        #expect(one == many)
        #expect(one.findings.count > 10)
    }
}
