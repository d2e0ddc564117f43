import Foundation
import Testing

/// A scratch repository for report tests: a folder with `.git` (so reports make paths relative to it) and a
/// copy of every plan fixture (Tests/Fixtures/plans/) under `plans/`, the way a user's repository would hold them.
enum ReportScratch {
    /// Environment that keeps GitHub Actions' own variables (when the tests run there) out of the reports.
    static let neutral = [
        "GITHUB_SERVER_URL": "", "GITHUB_REPOSITORY": "", "GITHUB_SHA": "", "GITHUB_STEP_SUMMARY": "",
        "NO_COLOR": "1",
    ]

    /// Where the plan fixtures are.
    static let folder = URL(fileURLWithPath: CLIRunner.fixture("plans"))

    /// The plan fixtures by short name (`roadmap`, `sync-kit`: the name without its extension) and their
    /// file or folder names.
    static let plans: [(short: String, name: String)] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.map { (String($0.split(separator: ".").first ?? Substring($0)), $0) }
    }()

    /// The file or folder name of the plan fixture called `short`.
    static func name(_ short: String) throws -> String {
        try #require(plans.first { $0.short == short }?.name, "no plan fixture \(short) in \(folder.path)")
    }

    /// A new scratch repository holding the plan fixtures.
    static func make() throws -> URL {
        let root = try CLIRunner.temporaryFolder()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let plans = root.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
        for plan in Self.plans {
            try FileManager.default.copyItem(
                atPath: folder.appendingPathComponent(plan.name).path, toPath: plans.appendingPathComponent(plan.name).path)
        }
        return root
    }

    /// Compares `actual` with the golden file (or writes it under SPECKIT_RECORD=1); returns a description of
    /// the first difference, or nil when they are equal.
    static func compare(_ report: String, golden name: String) throws -> String? {
        let actual = name.hasSuffix(".xml") ? withoutCatalogue(junit: report) : report
        let url = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/reports/\(name)")
        if ProcessInfo.processInfo.environment["SPECKIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "\(name): no golden file (run the tests with SPECKIT_RECORD=1 to record it)"
        }
        guard expected != actual else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $1.0 != $1.1 }?.offset ?? min(a.count, e.count)
        return
            "\(name) differs at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   \(line < a.count ? String(a[line]) : "<end>")"
    }

    /// A JUnit report with its copy of the rule catalogue taken out, so a new rule rewrites no golden: the
    /// passing test case each rule gets in each kit becomes one placeholder line per suite (where the first was), and the `tests`
    /// counts (which count those cases) become `*`. Failures, their messages and counts stay as written.
    /// (SARIF needs no such step: it lists only the rules that fired.)
    static func withoutCatalogue(junit: String) -> String {
        var out: [Substring] = []
        var placed = false
        for line in junit.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("<testsuite ") { placed = false }
            if trimmed.hasPrefix("<testcase "), trimmed.hasSuffix("></testcase>") {
                if !placed { out.append(line.prefix { $0 == " " } + "<!-- the passing rules' test cases -->") }
                placed = true
                continue
            }
            out.append(line)
        }
        return out.joined(separator: "\n").replacing(#/\btests="\d+"/#, with: #"tests="*""#)
    }
}
